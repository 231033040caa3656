package report

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// pageWith is the text of the first page holding s, "" when none does.
func pageWith(pages []string, s string) string {
	for _, p := range pages {
		if strings.Contains(p, s) {
			return p
		}
	}
	return ""
}

func TestWritePDFPictures(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			r := sampleReport()
			r.Lang = lang
			pages := pdfPages(t, renderPDF(t, r))
			text := strings.Join(pages, " ")
			// The section is whole on one page.
			page := pageWith(pages, word(lang, "pictures"))
			if page == "" {
				t.Fatalf("the PDF text lacks the heading %q", word(lang, "pictures"))
			}
			want := []string{
				word(lang, "sankey"), word(lang, "network"),
				code(lang, "synergy"), code(lang, "landfill"), code(lang, "recycling"),
				code(lang, "waste"), code(lang, "material"),
				"Papeteries de la Couronne", "Scierie Dupuy",
			}
			for _, s := range want {
				if !strings.Contains(page, s) {
					t.Errorf("the pictures' page lacks %q", s)
				}
			}
			// Tonnes of the nodes, the language's way: waste is 4 530 t,
			// landfill 1 200 t.
			for _, s := range map[string][]string{"fr": {"4 530 t", "1 200 t"}, "en": {"4,530 t", "1,200 t"}}[lang] {
				if !strings.Contains(page, s) {
					t.Errorf("the pictures' page lacks %q", s)
				}
			}
			// Every company of the network is named.
			for _, nd := range r.Network.Nodes {
				if !strings.Contains(page, nd.Label) {
					t.Errorf("the pictures' page lacks the company %q", nd.Label)
				}
			}
			if strings.Contains(text, word(lang, "none")) {
				t.Errorf("the full sample shows %q", word(lang, "none"))
			}
			// Right after the results, before the impact.
			ir, ip, ii := strings.Index(text, word(lang, "results")), strings.Index(text, word(lang, "pictures")), strings.Index(text, word(lang, "impact"))
			if ir >= ip || ip >= ii {
				t.Errorf("the pictures are not between the results and the impact (%d, %d, %d)", ir, ip, ii)
			}
		})
	}
}

func TestWritePDFPicturesEmpty(t *testing.T) {
	none := word("fr", "none")
	for _, tc := range []struct {
		name    string
		edit    func(*Report)
		absent  string // a subheading that must not show, "" for none
		present string
	}{
		{"no sankey", func(r *Report) { r.Sankey = nil }, "", word("fr", "network")},
		{"no tonnes", func(r *Report) {
			r.Sankey = []SankeyLink{{Family: "waste", Treatment: "landfill", Tonnes: math.NaN()}, {Family: "waste", Treatment: "reuse", Tonnes: -3}}
		}, "", word("fr", "network")},
		{"no network", func(r *Report) { r.Network = Network{Edges: []Edge{{From: 0, To: 1}}} }, "", word("fr", "sankey")},
		{"neither", func(r *Report) { r.Sankey, r.Network = nil, Network{} }, word("fr", "sankey"), word("fr", "pictures")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := sampleReport()
			tc.edit(&r)
			pages := pdfPages(t, renderPDF(t, r))
			page := pageWith(pages, word("fr", "pictures"))
			if n := strings.Count(strings.Join(pages, " "), none); n != 1 {
				t.Errorf("%q appears %d times, want once", none, n)
			}
			if !strings.Contains(page, none) {
				t.Errorf("the pictures' page lacks %q", none)
			}
			if !strings.Contains(page, tc.present) {
				t.Errorf("the pictures' page lacks %q", tc.present)
			}
			if tc.absent != "" && strings.Contains(page, tc.absent) {
				t.Errorf("the pictures' page shows %q", tc.absent)
			}
		})
	}
}

// hostilePictures is the sample with pictures a renderer could choke on:
// not-a-number, infinite, negative and huge tonnes, 40 families, unknown
// treatments, 300 companies with 10 000-character names, edges out of
// range, nodes off the square.
func hostilePictures() Report {
	long := strings.Repeat("Très long nom → 日本 ", 500)
	r := sampleReport()
	r.Sankey = append(r.Sankey,
		SankeyLink{Family: "waste", Treatment: "landfill", Tonnes: math.NaN()},
		SankeyLink{Family: "waste", Treatment: "recycling", Tonnes: math.Inf(1)},
		SankeyLink{Family: "material", Treatment: "reuse", Tonnes: -500},
		SankeyLink{Family: long, Treatment: long, Tonnes: 1e300},
		SankeyLink{Family: "", Treatment: "", Tonnes: 1e-9},
		SankeyLink{Family: "energy", Treatment: "landfill", Tonnes: 1e-300},
	)
	for i := range 40 {
		r.Sankey = append(r.Sankey, SankeyLink{Family: "famille " + strconv.Itoa(i), Treatment: treatments[i%len(treatments)], Tonnes: float64(i)})
	}
	r.Network = Network{}
	for i := range 300 {
		a := 2 * math.Pi * float64(i) / 300
		r.Network.Nodes = append(r.Network.Nodes, Node{Label: long, X: 0.5 + 0.5*math.Cos(a), Y: 0.5 + 0.5*math.Sin(a), Links: i * 1000})
		r.Network.Edges = append(r.Network.Edges, Edge{From: i, To: (i * 7) % 300, Status: []string{"realised", "detected"}[i%2]})
	}
	r.Network.Nodes[3].X = math.NaN()
	r.Network.Nodes[4].Y = math.Inf(-1)
	r.Network.Nodes[5].X, r.Network.Nodes[5].Y = -40, 1e9
	r.Network.Nodes[6].Links = math.MinInt
	r.Network.Nodes[7].Label = ""
	r.Network.Edges = append(r.Network.Edges,
		Edge{From: -1, To: 2}, Edge{From: 2, To: 300}, Edge{From: math.MaxInt, To: math.MinInt},
		Edge{From: 3, To: 4, Status: "realised"}, Edge{From: 8, To: 8})
	return r
}

func TestWritePDFPicturesHostile(t *testing.T) {
	pages := pdfPages(t, renderPDF(t, hostilePictures()))
	page := pageWith(pages, word("fr", "pictures"))
	for _, s := range []string{word("fr", "sankey"), word("fr", "network"), code("fr", "landfill"), word("fr", "other")} {
		if !strings.Contains(page, s) {
			t.Errorf("the pictures' page lacks %q", s)
		}
	}

	// Only the pictures, nothing else to draw.
	for _, r := range []Report{
		{Sankey: hostilePictures().Sankey},
		{Network: hostilePictures().Network},
		{Network: Network{Nodes: []Node{{Label: "Seule"}}}},
		{Sankey: []SankeyLink{{Family: "waste", Treatment: "landfill", Tonnes: math.MaxFloat64}, {Family: "water", Treatment: "landfill", Tonnes: math.MaxFloat64}}},
		{Lang: "en", Sankey: []SankeyLink{{Tonnes: 1}}, Network: Network{Edges: []Edge{{From: 1, To: 2}}}},
	} {
		renderPDF(t, r)
	}
}

func TestSpreadLabels(t *testing.T) {
	got := spreadLabels([]float64{10, 10.5, 11, 50, 99}, 3, 0, 100)
	want := []float64{10, 13, 16, 50, 98.5}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-9 {
			t.Fatalf("spreadLabels = %v, want %v", got, want)
		}
	}
}
