package printable

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func names(n int) []Company {
	base := []string{"Scierie Dupuy-Lévêque", "Fonderie Vallade", "Laiterie du Causse", "Verrerie Œillet & fils"}
	cs := make([]Company, n)
	for i := range cs {
		cs[i] = Company{ID: fmt.Sprintf("C%02d", i+1), Name: base[i%len(base)]}
		if i >= len(base) {
			cs[i].Name += fmt.Sprintf(" %d", i+1)
		}
		for k := 0; k < i%12; k++ {
			cs[i].Offers = append(cs[i].Offers, fmt.Sprintf("Sciure de bois n°%d · 120 t/an", k+1))
		}
		if i%3 == 0 {
			cs[i].Needs = []string{"Chaleur fatale · 2 GWh/an", "Palettes"}
		}
	}
	return cs
}

// grid seats n companies at tables of k for r rounds, shifting by round.
func grid(n, k, r int) [][][]int {
	var rounds [][][]int
	for round := 0; round < r; round++ {
		var tables [][]int
		for start := 0; start < n; start += k {
			var t []int
			for c := start; c < min(start+k, n); c++ {
				t = append(t, (c*(round+1))%n)
			}
			tables = append(tables, t)
		}
		rounds = append(rounds, tables)
	}
	return rounds
}

func TestWritePDF(t *testing.T) {
	hostile := names(3)
	hostile[0].Name = "Scierie Dupuy-Lévêque"
	hostile[1].Name = strings.Repeat("Très long nom ", 358)[:5000]
	hostile[2].Name = "→ 日本\x00\ttab"
	hostile[2].Offers = []string{strings.Repeat("x", 5000), "→ 日本", ""}
	ev := Event{Title: "Bourse d’automne → 2026", Date: "2026-11-27", Place: "Limoges"}
	cases := []struct {
		name      string
		ev        Event
		companies []Company
		rounds    [][][]int
		text      bool
	}{
		{"3 companies 1 round", ev, names(3), [][][]int{{{0, 1, 2}}}, false},
		{"12 companies 3 rounds", ev, names(12), grid(12, 4, 3), true},
		{"empty", Event{}, nil, nil, false},
		{"hostile", Event{Title: strings.Repeat("日本", 3000), Date: "not a date"}, hostile,
			[][][]int{{{0, 1, 99, -1}, {2}, {}}, {{0, 2}, {1, 1, 1}}, nil}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			pages, err := Write(&buf, tc.ev, tc.companies, tc.rounds)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || pages < 1 {
				t.Fatalf("not a PDF (%d pages): %.20q", pages, buf.String())
			}
			if !tc.text {
				return
			}
			text := pdfText(t, buf.Bytes())
			for _, want := range []string{"Tour 1", "Table 1", "Scierie Dupuy-Lévêque", "Ce que nous proposons", "Tour 2 : table"} {
				if !strings.Contains(text, want) {
					t.Errorf("the PDF lacks %q", want)
				}
			}
		})
	}
}

func TestTooManyItemsAreCounted(t *testing.T) {
	cs := names(1)
	cs[0].Needs = nil
	for k := 0; k < 11; k++ {
		cs[0].Needs = append(cs[0].Needs, fmt.Sprintf("Besoin %d", k+1))
	}
	var buf bytes.Buffer
	if err := WritePDF(&buf, Event{Date: "2026-11-27"}, cs, [][][]int{{{0}}}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	for _, want := range []string{"Besoin 8", "… et 3 autres", "27/11/2026", "Bourse inter-entreprises"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if strings.Contains(text, "Besoin 9") {
		t.Error("the 9th need is listed")
	}
}

// pdfText extracts the text of a PDF with pdftotext: skipped without it,
// failed in CI.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext not found (Debian package poppler-utils): it must run in CI")
		}
		t.Skip("pdftotext not found (Debian package poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
