package report

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func TestWriteHTML(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteHTML(&buf, sampleReport()); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, key := range []string{"context", "objectives", "results", "pictures", "impact", "timeline", "partners", "means", "success", "difficulties"} {
		if !strings.Contains(page, ">"+word("fr", key)+"</h2>") {
			t.Errorf("no heading %q", word("fr", key))
		}
	}
	if strings.Contains(page, word("fr", "none")) {
		t.Errorf("a section of the full sample says %q", word("fr", "none"))
	}
	if !strings.Contains(page, "<path d=\"M") || strings.Count(page, "<circle") < 3 {
		t.Errorf("the Sankey or the network is missing")
	}
}

func TestWriteHTMLEmptyAndHostile(t *testing.T) {
	for _, r := range []Report{{}, {Lang: "en"}, hostile()} {
		var buf bytes.Buffer
		if err := WriteHTML(&buf, r); err != nil {
			t.Fatalf("lang %q: %v", r.Lang, err)
		}
		if r.Territory == "" && !strings.Contains(buf.String(), word(r.Lang, "none")) {
			t.Errorf("lang %q: empty sections do not say %q", r.Lang, word(r.Lang, "none"))
		}
	}
}

func hostile() Report {
	r := Report{Territory: "<script>alert(1)</script>"}
	r.Sankey = []SankeyLink{{"waste", "landfill", math.NaN()}, {"waste", "mystery", 5}, {"material", "reuse", math.Inf(1)}, {"waste", "synergy", -3}}
	r.Network = Network{Nodes: []Node{{Label: strings.Repeat("très long nom ", 20), X: 0.5, Y: 0}}, Edges: []Edge{{From: 0, To: 7}, {From: -1, To: 0}}}
	r.Results.ByYear = []YearCount{{Year: 2020, Realised: 3}, {Year: 2021}}
	return r
}
