package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The demo's report, in HTML: every section, the demo's own figures.
func TestReportOfTheDemo(t *testing.T) {
	dataDir := t.TempDir()
	mustRun(t, "demo", "--data-dir", dataDir)
	out := filepath.Join(t.TempDir(), "rapport.html")
	msg := mustRun(t, "report", "--output", out, "--data-dir", dataDir)
	if !strings.Contains(msg, "10 realised synergies") {
		t.Errorf("report output: %s", msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, want := range []string{
		"Contexte", "Objectifs", "Résultats", "Impact des synergies réalisées", "Calendrier", "Partenaires",
		"Moyens et coûts", "Facteurs de réussite", "Difficultés",
		"Grand Angoumois (démo)", "Programme EIT du Grand Angoumois 2019-2021",
		"10 synergies réalisées d&#39;ici 2021", "ADEME Nouvelle-Aquitaine", "<svg",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(page, "Non renseigné") {
		t.Errorf("a section of the demo report is empty")
	}
	if code, _, stderr := run(t, "report", "--output", filepath.Join(t.TempDir(), "r.doc"), "--data-dir", dataDir); code != 1 ||
		!strings.Contains(stderr, "want pdf or html") {
		t.Errorf("unknown format: exit %d, %s", code, stderr)
	}
}

func TestProgrammeCommand(t *testing.T) {
	dataDir := t.TempDir()
	mustRun(t, "demo", "--data-dir", dataDir)
	if out := mustRun(t, "programme", "--data-dir", dataDir); !strings.Contains(out, `"name": "Programme EIT du Grand Angoumois 2019-2021"`) {
		t.Fatalf("programme: %s", out)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"name": "", "objectives": [{"label": "x", "target": 0}]}`), 0o644)
	code, _, stderr := run(t, "programme", bad, "--data-dir", dataDir)
	if code != 1 || !strings.Contains(stderr, "name: required") || !strings.Contains(stderr, "objectives[0].target: 0") {
		t.Fatalf("bad programme: exit %d, %s", code, stderr)
	}
	good := filepath.Join(t.TempDir(), "good.json")
	os.WriteFile(good, []byte(`{"name": "Nouveau programme", "objectives": [{"label": "3 synergies", "target": 3}]}`), 0o644)
	if out := mustRun(t, "programme", good, "--data-dir", dataDir); !strings.Contains(out, "1 objectives") {
		t.Fatalf("set programme: %s", out)
	}
	if out := mustRun(t, "programme", "--data-dir", dataDir); !strings.Contains(out, "Nouveau programme") {
		t.Fatalf("programme after set: %s", out)
	}
}

// The demo's report as PDF: pdftotext finds every section and the demo's
// figures, in French.
func TestPDFReportOfTheDemo(t *testing.T) {
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	dataDir := t.TempDir()
	mustRun(t, "demo", "--data-dir", dataDir)
	out := filepath.Join(t.TempDir(), "rapport.pdf")
	mustRun(t, "report", "--format", "pdf", "--output", out, "--data-dir", dataDir)
	text, err := exec.Command(pdftotext, out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	page := strings.Join(strings.Fields(string(text)), " ") // columns and line breaks aside
	for _, want := range []string{
		"Contexte", "Objectifs", "Résultats", "Flux du territoire et réseau des synergies", "Impact des synergies réalisées",
		"Calendrier", "Partenaires", "Moyens et coûts", "Facteurs de réussite", "Difficultés",
		"Grand Angoumois (démo)", "Programme EIT du Grand Angoumois 2019-2021", "10 synergies réalisées d'ici 2021",
		"entreprises diagnostiquées", "flux inventoriés", "ADEME Nouvelle-Aquitaine",
		"Fonderie Vallade", "Achat groupé d'électricité", "emplois créés ou maintenus",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}
	// The context's figures stand in boxes, apart from their words: 68
	// companies, 670 flows, 62 diagnosed.
	for _, n := range []string{"68", "670", "62"} {
		if !regexp.MustCompile(`(^| )` + n + `( |$)`).MatchString(page) {
			t.Errorf("the PDF text lacks the figure %s", n)
		}
	}
	if strings.Contains(page, "Non renseigné") {
		t.Error("a section of the demo's PDF is empty")
	}
}
