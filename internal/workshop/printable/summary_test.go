package printable

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// sampleSummary is the summary of the sawmill after a bourse of a few
// interests both ways.
func sampleSummary(lang string) Summary {
	return Summary{
		Event:     Event{Title: "Bourse d’automne", Date: "2026-11-27", Place: "Limoges"},
		Company:   "Scierie Dupuy-Lévêque",
		Resources: []string{"Palettes bois 1 200 × 800 — 40 par semaine", "Sciure de bois · 120 t/an", " "},
		Needs:     []string{"Chaleur fatale ≥ 80 °C 🔥"},
		Given: []Interest{
			{Round: 2, From: "Scierie Dupuy-Lévêque", Owner: "Fonderie Vallade", Card: "Chaleur fatale · 2 GWh/an", Resource: true, Note: "Distance à vérifier ≤ 5 km"},
			{Round: 0, From: "Scierie Dupuy-Lévêque", Owner: "Verrerie Œillet & fils", Card: "Calcin", Resource: true},
			{Round: 1, From: "Scierie Dupuy-Lévêque", Owner: "Fonderie Vallade", Card: "Sable de moulage usagé", Resource: false},
		},
		Received: []Interest{
			{Round: 1, From: "Laiterie du Causse", Owner: "Scierie Dupuy-Lévêque", Card: "Palettes bois 1 200 × 800 — 40 par semaine", Resource: true, Note: "Besoin régulier 🙂"},
			{Round: 2, From: "Fonderie Vallade", Owner: "Scierie Dupuy-Lévêque", Card: "Palettes bois 1 200 × 800 — 40 par semaine", Resource: true},
			{Round: 3, From: "Verrerie Œillet & fils", Owner: "Scierie Dupuy-Lévêque", Card: "Chaleur fatale ≥ 80 °C 🔥", Resource: false},
		},
		Facilitator: "Camille Martin <camille.martin@example.org>",
		Lang:        lang,
	}
}

func writeSummary(t *testing.T, s Summary) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	pages, err := WriteSummary(&buf, s)
	if err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.Contains(out[max(0, len(out)-1024):], []byte("%%EOF")) {
		t.Fatalf("not a PDF: %.20q", out)
	}
	if pages < 1 {
		t.Fatalf("%d pages", pages)
	}
	if n := len(regexp.MustCompile(`/Type /Page\b`).FindAll(out, -1)); n != pages {
		t.Errorf("%d page objects, %d pages reported", n, pages)
	}
	return out, pages
}

// flat joins the words of an extracted text with single spaces, so that
// wrapped lines and no-break spaces compare as written.
func flat(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

func TestWriteSummary(t *testing.T) {
	cases := []struct {
		lang string
		want []string
		not  []string
	}{
		{"fr", []string{
			"Synthèse de la bourse — Bourse d’automne", "27 novembre 2026", "Limoges",
			"Scierie Dupuy-Lévêque", "Fonderie Vallade", "Verrerie Œillet & fils",
			"Palettes bois 1 200 × 800 — 40 par semaine", "Chaleur fatale >= 80 °C", "Besoin régulier »",
			"Ce qui vous intéresse chez les autres", "Ce qui intéresse les autres chez vous",
			"Vos cartes", "Prochaines étapes", "double consentement", "camille.martin@example.org",
			"cartes apportées", "intérêts exprimés", "intérêts reçus", "entreprises partenaires",
			"Ressource · tour 2", "Besoin · tour 1", "Distance à vérifier <= 5 km",
			"2 entreprises intéressées", "2 intérêts reçus", "Page 1 / ",
		}, []string{"Your cards", "{nb}", "°C ?", "régulier ?"}},
		{"en", []string{
			"Exchange summary — Bourse d’automne", "27 November 2026",
			"Scierie Dupuy-Lévêque", "Palettes bois 1 200 × 800 — 40 par semaine",
			"What interests you in other companies", "What interests other companies in yours",
			"Your cards", "Next steps", "double opt-in", "camille.martin@example.org",
			"cards brought", "interests given", "interests received", "partner companies",
			"Resource · round 2", "2 interested companies",
		}, []string{"Prochaines étapes", "{nb}"}},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			pdf, _ := writeSummary(t, sampleSummary(tc.lang))
			text := flat(pdfText(t, pdf))
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("the PDF lacks %q", w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(text, w) {
					t.Errorf("the PDF has %q", w)
				}
			}
		})
	}
}

// The key figures count the cards that are not blank and each partner
// company once, whatever the direction of the interest.
func TestSummaryFigures(t *testing.T) {
	s := sampleSummary("fr")
	s.Received = append(s.Received, Interest{From: "  fonderie   VALLADE ", Card: "Sciure de bois · 120 t/an", Resource: true})
	if got, want := keyFigures(s), [4]int{3, 3, 4, 3}; got != want {
		t.Errorf("key figures %v, want %v", got, want)
	}
	pdf, _ := writeSummary(t, s)
	text := flat(pdfText(t, pdf))
	for _, w := range []string{"cartes apportées", "intérêts exprimés", "intérêts reçus", "entreprises partenaires", "1 intérêt reçu"} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
}

func TestSummaryEmpty(t *testing.T) {
	for _, lang := range []string{"", "en"} {
		t.Run("lang="+lang, func(t *testing.T) {
			pdf, pages := writeSummary(t, Summary{Lang: lang})
			if pages != 1 {
				t.Errorf("%d pages for an empty summary", pages)
			}
			text := flat(pdfText(t, pdf))
			want := []string{"Synthèse de la bourse", "(entreprise sans nom)", "carte apportée",
				"Vous n’avez pas signalé d’intérêt", "Aucune entreprise n’a signalé d’intérêt",
				"Aucune carte n’a été enregistrée", "contactez l’équipe d’animation"}
			if lang == "en" {
				want = []string{"Exchange summary", "(unnamed company)", "cards brought",
					"You did not record any interest", "No company recorded an interest",
					"No card was recorded", "contact the facilitation team"}
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("the PDF lacks %q", w)
				}
			}
			if strings.Contains(text, " — ") {
				t.Error("a title without event has a dangling dash")
			}
		})
	}
}

// 200 interests each way, with long labels and notes, run on several
// pages, every group and every card printed, continuation headings shown.
func TestSummaryPaginates(t *testing.T) {
	s := sampleSummary("fr")
	s.Given, s.Received = nil, nil
	for i := 0; i < 200; i++ {
		it := Interest{
			Round:    i%4 + 0,
			From:     "Scierie Dupuy-Lévêque",
			Owner:    fmt.Sprintf("Entreprise %02d", i%23),
			Card:     fmt.Sprintf("Carte n°%03d · %s", i, strings.Repeat("déchets de bois traités ", i%5)),
			Resource: i%2 == 0,
		}
		if i%3 == 0 {
			it.Note = strings.Repeat("Remarque du secrétaire de table ≥ œuvre 🚚. ", 1+i%6)
		}
		s.Given = append(s.Given, it)
		s.Received = append(s.Received, Interest{Round: i % 3, From: fmt.Sprintf("Partenaire %03d", i),
			Card: fmt.Sprintf("Ma carte %02d", i%17), Resource: i%2 == 1, Note: it.Note})
	}
	pdf, pages := writeSummary(t, s)
	if pages < 5 {
		t.Fatalf("%d pages for 400 interests", pages)
	}
	text := flat(pdfText(t, pdf))
	for i := 0; i < 200; i++ {
		for _, w := range []string{fmt.Sprintf("Carte n°%03d", i), fmt.Sprintf("Partenaire %03d", i)} {
			if !strings.Contains(text, w) {
				t.Errorf("the PDF lacks %q", w)
			}
		}
	}
	for _, w := range []string{"(suite)", fmt.Sprintf("Page %d / %d", pages, pages), "Prochaines étapes", "Entreprise 22", "Ma carte 16"} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
	if os.Getenv("SUMMARY_PDF") != "" {
		_ = os.WriteFile(os.Getenv("SUMMARY_PDF"), pdf, 0o644)
	}
}

// Hostile input: huge texts, control characters, scripts the core fonts
// lack, a date that is not one.
func TestSummaryHostile(t *testing.T) {
	long := strings.Repeat("Très long libellé ", 400)
	s := Summary{
		Event:       Event{Title: strings.Repeat("日本", 3000), Date: "bientôt", Place: "\x00\t→"},
		Company:     long,
		Resources:   []string{long, "→ 日本 🙂", "\x00"},
		Needs:       []string{long},
		Given:       []Interest{{Round: -3, Owner: "", Card: "", Note: long}, {Round: 99, Owner: long, Card: long, Note: "🙂"}},
		Received:    []Interest{{From: long, Card: long, Note: long}, {From: "", Card: "\t"}},
		Facilitator: long,
		Lang:        "EN-gb",
	}
	pdf, _ := writeSummary(t, s)
	text := flat(pdfText(t, pdf))
	for _, w := range []string{"bientôt", "Next steps", "(untitled card)", "(unnamed company)", "-> ??"} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
}

func TestLongDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026-11-27": "27\u00a0novembre 2026",
		"2026-02-01": "1er\u00a0février 2026",
		"27/11/2026": "27/11/2026",
		"":           "",
	} {
		if got := longDate(in, summaryFR); got != want {
			t.Errorf("longDate(%q) = %q, want %q", in, got, want)
		}
	}
	if got := longDate("2026-08-01", summaryEN); got != "1\u00a0August 2026" {
		t.Errorf("English date %q", got)
	}
}
