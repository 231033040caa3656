package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestWorkshopPlanOfTheDemo(t *testing.T) {
	dataDir := t.TempDir()
	mustRun(t, "demo", "--data-dir", dataDir)
	out := mustRun(t, "workshop", "plan", "--table-size", "5", "--rounds", "3", "--data-dir", dataDir)
	var plan struct {
		Rounds     [][][]string `json:"rounds"`
		Score      float64      `json:"score"`
		UpperBound float64      `json:"upper_bound"`
		Random     float64      `json:"random"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	if len(plan.Rounds) != 3 {
		t.Fatalf("%d rounds", len(plan.Rounds))
	}
	met := map[[2]string]bool{}
	for r, round := range plan.Rounds {
		seated := map[string]bool{}
		for _, table := range round {
			if len(table) > 5 {
				t.Errorf("round %d: a table of %d", r+1, len(table))
			}
			for i, a := range table {
				if seated[a] {
					t.Errorf("round %d: %s seated twice", r+1, a)
				}
				seated[a] = true
				for _, b := range table[i+1:] {
					pair := [2]string{min(a, b), max(a, b)}
					if met[pair] {
						t.Errorf("%s and %s share a table twice", a, b)
					}
					met[pair] = true
				}
			}
		}
		if len(seated) != 68 {
			t.Errorf("round %d seats %d companies, want the demo's 68", r+1, len(seated))
		}
	}
	if !(plan.Score > plan.Random && plan.Score <= plan.UpperBound) {
		t.Errorf("score %v, random %v, bound %v", plan.Score, plan.Random, plan.UpperBound)
	}
	code, _, stderr := run(t, "workshop", "plan", "--table-size", "20", "--rounds", "9", "--data-dir", dataDir)
	if code != 1 || !strings.Contains(stderr, "infeasible") {
		t.Errorf("impossible plan: exit %d, %s", code, stderr)
	}
}

func TestWorkshopPlanPrintables(t *testing.T) {
	dataDir, dir := t.TempDir(), t.TempDir()
	mustRun(t, "demo", "--data-dir", dataDir)
	pdf := filepath.Join(dir, "bourse.pdf")
	code, out, stderr := run(t, "workshop", "plan", "--table-size", "5", "--rounds", "2", "--output", pdf,
		"--title", "Bourse de Limoges", "--date", "2026-11-27", "--data-dir", dataDir)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	var plan struct {
		Rounds [][][]string `json:"rounds"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil || len(plan.Rounds) != 2 {
		t.Fatalf("the JSON on stdout is not clean (%v): %s", err, out)
	}
	if !strings.Contains(stderr, "Wrote the printables to "+pdf) {
		t.Errorf("stderr: %s", stderr)
	}
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("not a PDF: %.20q", data)
	}
	table := mustRun(t, "workshop", "plan", "--table-size", "5", "--rounds", "2", "--format", "table",
		"--output", filepath.Join(dir, "t.pdf"), "--data-dir", dataDir)
	if !strings.Contains(table, "Wrote the printables to ") {
		t.Errorf("table output: %s", table)
	}
	text, err := exec.Command(tool(t, "pdftotext", "poppler-utils"), "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Tour 2", "Fonderie Vallade", "Ce que nous proposons", "27/11/2026", "Tour 2 : table"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// workshop.csv beside a dataset constrains the plan: competitors apart,
// must-meet pairs together once, fixed seats (tables and rounds counted
// from 1; an empty round: every round).
func TestWorkshopPlanConstraints(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ds")
	mustRun(t, "bench", "generate", "--companies", "30", "--out", dir)
	rules := "kind;company_id;other_company_id;table;round\n" +
		"competitors;c000001;c000002;;\n" +
		"competitors;c000003;c000004;;\n" +
		"must_meet;c000005;c000006;;\n" +
		"fixed;c000007;;2;\n" +
		"fixed;c000008;;1;3\n"
	if err := os.WriteFile(filepath.Join(dir, "workshop.csv"), []byte(rules), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "workshop", "plan", "--data", dir, "--table-size", "5", "--rounds", "3", "--format", "json")
	var plan struct {
		Rounds [][][]string `json:"rounds"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	together := func(round int, a, b string) bool {
		for _, table := range plan.Rounds[round] {
			if slices.Contains(table, a) && slices.Contains(table, b) {
				return true
			}
		}
		return false
	}
	met := false
	for r := range plan.Rounds {
		if together(r, "c000001", "c000002") || together(r, "c000003", "c000004") {
			t.Errorf("round %d: competitors together", r+1)
		}
		met = met || together(r, "c000005", "c000006")
		if !slices.Contains(plan.Rounds[r][1], "c000007") {
			t.Errorf("round %d: c000007 is not at its fixed table 2", r+1)
		}
	}
	if !met {
		t.Error("the must-meet pair never met")
	}
	if !slices.Contains(plan.Rounds[2][0], "c000008") {
		t.Error("c000008 is not at table 1 in round 3")
	}

	// A file with mistakes: every one located, no plan.
	bad := "kind,company_id,other_company_id,table,round\n" +
		"rivals,c000001,c000002,,\n" +
		"competitors,c000001,nobody,,\n" +
		"fixed,c000007,,,\n" +
		"fixed,c000008,,1,9\n"
	if err := os.WriteFile(filepath.Join(dir, "workshop.csv"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "workshop", "plan", "--data", dir, "--table-size", "5", "--rounds", "3")
	if code != 1 || stdout != "" {
		t.Fatalf("bad workshop.csv: exit %d, output %q", code, stdout)
	}
	for _, want := range []string{"workshop.csv line 2", "workshop.csv line 3", "workshop.csv line 4", "workshop.csv line 5", "4 error(s)"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
