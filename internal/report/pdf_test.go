package report

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// sectionKeys are the words heading the sections, in their order.
var sectionKeys = []string{
	"context", "objectives", "results", "pictures", "impact", "realised_list", "timeline",
	"partners", "means", "success", "difficulties",
}

func renderPDF(t *testing.T, r Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, r); err != nil {
		t.Fatalf("WritePDF: %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("output does not start with %%PDF-: %q", buf.Bytes()[:min(buf.Len(), 20)])
	}
	return buf.Bytes()
}

var pageObject = regexp.MustCompile(`/Type /Page[^s]`)

// pageCount counts the page objects of a PDF written by fpdf.
func pageCount(pdf []byte) int { return len(pageObject.FindAll(pdf, -1)) }

// pdfPages extracts the text of each page with pdftotext, whitespace
// (no-break spaces included) collapsed to single spaces. Without
// pdftotext the test is skipped, or fails when CI=true.
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing (Debian package poppler-utils); CI=true requires it")
		}
		t.Skip("pdftotext is missing (Debian package poppler-utils): text checks skipped")
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	for i, p := range pages {
		pages[i] = strings.Join(strings.Fields(strings.ReplaceAll(p, "\u00a0", " ")), " ")
	}
	return pages
}

func TestWritePDFSample(t *testing.T) {
	pdf := renderPDF(t, sampleReport())
	pages := pdfPages(t, pdf)
	text := strings.Join(pages, " ")

	want := []string{
		word("fr", "title"),
		"Grand Angoumois",
		"Programme EIT 2019-2021",
		"Généré le 27/11/2026",
		// accents, apostrophes, œ and € through cp1252
		"Palettes cassées reprises par un palettiste",
		"Chambre de commerce et d'industrie de la Charente",
		"Accompagnement à la mise en œuvre",
		"Papeteries de la Couronne -> Palettes Charentaises",
		"€ économisés / an",
		// figures the French way
		"114 300",    // euros saved, all years
		"1 460",      // tonnes diverted, all years
		"0,43",       // MWh saved in 2019, t CO2e of a synergy
		"196 700",    // total cost of the means
		"21 856 €",   // cost per realised synergy
		"90 %",       // objective progress
		"01/04/2020", // dates the French way
		"Page 1/" + strconv.Itoa(len(pages)),
	}
	for _, k := range sectionKeys {
		want = append(want, word("fr", k))
	}
	for _, k := range []string{"funnel", "by_status", "by_type", "by_nature", "by_year"} {
		want = append(want, word("fr", k))
	}
	for _, s := range want {
		if !strings.Contains(text, s) {
			t.Errorf("the PDF text lacks %q", s)
		}
	}
	if strings.Contains(text, word("fr", "none")) {
		t.Errorf("the full sample shows %q", word("fr", "none"))
	}
	if n := pageCount(pdf); n != len(pages) {
		t.Errorf("%d page objects, pdftotext saw %d pages", n, len(pages))
	}

	// Sections come in order.
	rest := text
	for _, k := range sectionKeys {
		i := strings.Index(rest, word("fr", k))
		if i < 0 {
			t.Errorf("section %q is missing or out of order", k)
			continue
		}
		rest = rest[i:]
	}
}

func TestWritePDFEmpty(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    Report
		lang string // language of the expected words
	}{
		{"zero", Report{}, "fr"},
		{"english", Report{Lang: "en"}, "en"},
		{"unknown language", Report{Lang: "xx", Territory: "Ailleurs"}, "fr"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pdf := renderPDF(t, tc.r)
			text := strings.Join(pdfPages(t, pdf), " ")
			for _, k := range append([]string{"title"}, sectionKeys...) {
				if !strings.Contains(text, word(tc.lang, k)) {
					t.Errorf("the PDF text lacks the heading %q", word(tc.lang, k))
				}
			}
			none := word(tc.lang, "none")
			if n := strings.Count(text, none); n != len(sectionKeys) {
				t.Errorf("%q appears %d times, want %d (one per section)", none, n, len(sectionKeys))
			}
		})
	}
}

// hostileReport is the sample with everything a renderer could choke on:
// 10 000-character labels, characters outside cp1252, control characters,
// negative, huge and not-a-number figures, 500 realised synergies, 50 years.
func hostileReport() Report {
	long := strings.Repeat("Très long libellé → ³ 日本 ", 400) // 10 000 characters
	r := sampleReport()
	r.Territory = long
	r.Programme = long
	r.Context.Text = long + "\n\nSuite\tavec\x00des contrôles\r\n"
	r.Context.Companies = math.MaxInt
	r.Context.Flows = -5
	r.Context.FlowsByFamily = append(r.Context.FlowsByFamily, Count{Label: long, Value: math.MinInt})
	r.Context.Zones = []string{long, "", "  "}
	r.Objectives = append(r.Objectives,
		Objective{Label: long, Target: 0, Achieved: 3},
		Objective{Label: "Négatif", Target: -4, Achieved: math.MaxInt, Due: long})
	r.Results.Funnel = append(r.Results.Funnel, Count{Label: long, Value: math.MaxInt}, Count{Label: "neg", Value: -12})
	r.Results.ByStatus = append(r.Results.ByStatus, Count{Label: "x", Value: -1})
	for y := 1990; y < 2040; y++ {
		r.Results.ByYear = append(r.Results.ByYear, YearCount{Year: y, Realised: y * 1000, Other: -y})
	}
	r.Results.ByYear = append(r.Results.ByYear, YearCount{Year: 0, Realised: math.MaxInt})
	r.Results.Impact = append(r.Results.Impact,
		YearImpact{Year: 0, TonnesDiverted: math.Inf(1), Co2eAvoidedT: math.NaN(), EurosSaved: 1e300, WaterSavedM3: -1e-9, EnergySavedMWh: -123456.789})
	r.Results.Total.EurosSaved = math.MaxFloat64
	r.Results.Realised = nil
	for i := range 500 {
		r.Results.Realised = append(r.Results.Realised, Synergy{
			Label: "Synergie n°" + strconv.Itoa(i) + " → ³", Type: "substitution", Nature: "material",
			Companies: "A → B", StartedOn: "2021-02-03", Tonnes: float64(i) * 1.5, Co2eT: -float64(i), Euros: float64(i) * 1e6,
		})
	}
	r.Results.Realised[7].Label = long
	r.Results.Realised[8].Companies = strings.Repeat("x", 10000)
	r.Timeline = append(r.Timeline, Phase{Name: long, From: "pas une date", To: long})
	r.Partners = append(r.Partners, Partner{Name: long, Role: long}, Partner{})
	r.Means = append(r.Means, Means{Year: -1, StaffFTE: math.NaN(), StaffEUR: -1e18, ConsultancyEUR: math.Inf(-1)})
	r.CostPerRealised = math.Inf(1)
	r.SuccessFactors = []string{long, "", strings.Repeat("€", 10000)}
	r.Difficulties = []string{"\x00\x01\x02", "日本語だけ"}
	return r
}

func TestWritePDFHostile(t *testing.T) {
	pdf := renderPDF(t, hostileReport())
	if n := pageCount(pdf); n < 15 {
		t.Errorf("%d pages, want the 500 synergies to run over many pages", n)
	}

	pages := pdfPages(t, pdf)
	header := word("fr", "started") // a column of the realised synergies only
	repeated := 0
	for _, p := range pages {
		if strings.Contains(p, header) {
			repeated++
		}
	}
	if repeated < 5 {
		t.Errorf("the realised synergies' header is on %d pages, want it repeated on each", repeated)
	}
	text := strings.Join(pages, " ")
	for _, s := range []string{"Très long libellé -> ³ ??", "Synergie n°499 -> ³"} {
		if !strings.Contains(text, s) {
			t.Errorf("the PDF text lacks %q", s)
		}
	}
}

func TestWritePDFEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    Report
	}{
		{"zero year", Report{Results: Results{ByYear: []YearCount{{}}}}},
		{"all zero counts", Report{Results: Results{Funnel: []Count{{}, {}}, ByStatus: []Count{{Label: "realised"}}}}},
		{"only type", Report{Results: Results{ByType: []Count{{Label: "substitution", Value: 1}}}}},
		{"zero objective", Report{Objectives: []Objective{{}}}},
		{"zero means", Report{Means: []Means{{}}}},
		{"only cost", Report{CostPerRealised: 12.5}},
		{"not a cost", Report{CostPerRealised: math.NaN()}},
		{"blank items", Report{SuccessFactors: []string{"", " ", "\x00"}, Partners: []Partner{{}}, Context: Context{Text: "\r\n", Zones: []string{""}}}},
		{"empty synergy", Report{Results: Results{Realised: []Synergy{{}}, Impact: []YearImpact{{}}}}},
		{"many years", Report{Results: Results{ByYear: make([]YearCount, 100)}}},
		{"many statuses", Report{Results: Results{ByStatus: make([]Count, 300), ByType: make([]Count, 80), ByNature: make([]Count, 2)}}},
	} {
		t.Run(tc.name, func(t *testing.T) { renderPDF(t, tc.r) })
	}
}

func TestFormatNumbers(t *testing.T) {
	type fn func(lang string) string
	for _, tc := range []struct {
		name   string
		format fn
		fr, en string
	}{
		{"thousands", func(l string) string { return formatInt(l, 14300) }, "14 300", "14,300"},
		{"small int", func(l string) string { return formatInt(l, 999) }, "999", "999"},
		{"negative int", func(l string) string { return formatInt(l, -1234567) }, "-1 234 567", "-1,234,567"},
		{"min int", func(l string) string { return formatInt(l, math.MinInt64) }, "-9 223 372 036 854 775 808", "-9,223,372,036,854,775,808"},
		{"qty below one", func(l string) string { return formatQty(l, 0.43) }, "0,43", "0.43"},
		{"qty below ten", func(l string) string { return formatQty(l, 7.25) }, "7,3", "7.3"},
		{"qty whole below ten", func(l string) string { return formatQty(l, 3) }, "3", "3"},
		{"qty from ten", func(l string) string { return formatQty(l, 1460.4) }, "1 460", "1,460"},
		{"qty zero", func(l string) string { return formatQty(l, 0) }, "0", "0"},
		{"qty tiny negative", func(l string) string { return formatQty(l, -1e-9) }, "0", "0"},
		{"qty negative", func(l string) string { return formatQty(l, -123456.789) }, "-123 457", "-123,457"},
		{"qty huge", func(l string) string { return formatQty(l, 1e300) }, "1,00e+300", "1.00e+300"},
		{"qty nan", func(l string) string { return formatQty(l, math.NaN()) }, "–", "–"},
		{"qty inf", func(l string) string { return formatQty(l, math.Inf(-1)) }, "–", "–"},
		{"euros", func(l string) string { return formatEuros(l, 21855.56) }, "21 856", "21,856"},
		{"percent", func(l string) string { return formatPercent(l, 0.9) }, "90 %", "90%"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.ReplaceAll(tc.format("fr"), nbspace, " "); got != tc.fr {
				t.Errorf("fr: got %q, want %q", got, tc.fr)
			}
			if got := tc.format("en"); got != tc.en {
				t.Errorf("en: got %q, want %q", got, tc.en)
			}
		})
	}
}

func TestFormatDate(t *testing.T) {
	for _, tc := range []struct{ in, fr, en string }{
		{"2019-04-15", "15/04/2019", "2019-04-15"},
		{"2021", "2021", "2021"},
		{"2020-06", "06/2020", "2020-06"},
		{"", "", ""},
		{"pas une date", "pas une date", "pas une date"},
	} {
		if got := formatDate("fr", tc.in); got != tc.fr {
			t.Errorf("formatDate(fr, %q) = %q, want %q", tc.in, got, tc.fr)
		}
		if got := formatDate("en", tc.in); got != tc.en {
			t.Errorf("formatDate(en, %q) = %q, want %q", tc.in, got, tc.en)
		}
	}
}

func TestCleanText(t *testing.T) {
	for _, tc := range []struct {
		in, want  string
		multiline bool
	}{
		{"Palettes cassées « œuvre » 3 €", "Palettes cassées « œuvre » 3 €", false},
		{"A → B ≥ 3 m³", "A -> B >= 3 m³", false},
		{"10\u202f%", "10\u00a0%", false},
		{"e\u0301te\u0301", "été", false}, // decomposed accents
		{"Łódź 日本", "Lódz ??", false},
		{"a\tb\x00c\r\nd", "a bc d", false},
		{"a\nb", "a\nb", true},
		{"dé\u00adchet\u200b", "déchet", false},
		{"Őrség", "Orség", false},
	} {
		if got := cleanText(tc.in, tc.multiline); got != tc.want {
			t.Errorf("cleanText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
