package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"symbiose/internal/database"
)

const handwritten = "../dataset/testdata/handwritten"

// run runs the command line and returns its exit status and outputs.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := run(t, args...)
	if code != 0 {
		t.Fatalf("symbiose %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

func readDir(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	for _, name := range []string{"companies.csv", "contacts.csv", "flows.csv", "synergies.csv"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil {
			fmt.Fprintf(&b, "== %s\n%s", name, data)
		}
	}
	return b.String()
}

// Import then export then import gives the same data, through every format.
func TestImportExportRoundTrip(t *testing.T) {
	tmp := t.TempDir()
	first := filepath.Join(tmp, "db0")
	mustRun(t, "import", handwritten, "--data-dir", first)
	mustRun(t, "export", filepath.Join(tmp, "export0"), "--data-dir", first)
	want := readDir(t, filepath.Join(tmp, "export0"))
	if !strings.Contains(want, "wood.sawdust") && !strings.Contains(want, "wood.") {
		t.Fatalf("export lacks the classified resources:\n%s", want)
	}
	for _, target := range []string{"again", "data.xlsx", "data.json"} {
		t.Run(target, func(t *testing.T) {
			path := filepath.Join(tmp, target)
			mustRun(t, "export", path, "--data-dir", first)
			db := filepath.Join(tmp, "db-"+target)
			mustRun(t, "import", path, "--data-dir", db, "--territory", "handwritten")
			out := filepath.Join(tmp, "out-"+strings.ReplaceAll(target, ".", "_"))
			mustRun(t, "export", out, "--data-dir", db)
			if got := readDir(t, out); got != want {
				t.Fatalf("round trip through %s changed the data:\n%s\nwant:\n%s", target, got, want)
			}
		})
	}
	// Importing the same dataset again updates, creating nothing.
	out := mustRun(t, "import", handwritten, "--data-dir", first)
	if !strings.Contains(out, "companies: 0 created, 4 updated") || !strings.Contains(out, "flows:     0 created, 5 updated") {
		t.Fatalf("re-import output:\n%s", out)
	}
}

// dump returns the whole content of the database as text, table by table.
func dump(t *testing.T, dataDir string) string {
	t.Helper()
	db, err := database.Open(context.Background(), "", dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, table := range []string{"territories", "companies", "contacts", "flows", "synergies", "synergy_companies",
		"synergy_events", "campaigns", "campaign_visits", "workshops", "workshop_participants"} {
		rows, err := db.Read.Query("SELECT * FROM " + table + " ORDER BY 1, 2")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return b.String()
}

// A dataset with ten errors reports all ten with file and line, exits
// non-zero, and leaves the database as it was.
func TestTenErrorsChangeNothing(t *testing.T) {
	dataDir := t.TempDir()
	mustRun(t, "import", handwritten, "--data-dir", dataDir, "--territory", "ten_errors")
	before := dump(t, dataDir)
	code, _, stderr := run(t, "import", "../dataset/testdata/ten_errors", "--data-dir", dataDir)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	lines := 0
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "error: ") && strings.Contains(l, ".csv line ") {
			lines++
		}
	}
	if lines != 10 || !strings.Contains(stderr, "10 error(s)") {
		t.Fatalf("want 10 located errors, got %d:\n%s", lines, stderr)
	}
	if after := dump(t, dataDir); after != before {
		t.Fatalf("the failed import changed the database")
	}
	// A dry run changes nothing either.
	mustRun(t, "import", handwritten, "--data-dir", dataDir, "--dry-run")
	if after := dump(t, dataDir); after != before {
		t.Fatalf("the dry run changed the database")
	}
}

func TestFirstImportIntoEmptyDatabaseWithErrorsCreatesNoTerritory(t *testing.T) {
	dataDir := t.TempDir()
	if code, _, _ := run(t, "import", "../dataset/testdata/ten_errors", "--data-dir", dataDir); code != 1 {
		t.Fatalf("exit %d", code)
	}
	if d := dump(t, dataDir); d != "" {
		t.Fatalf("database not empty after a failed first import:\n%s", d)
	}
}

func TestDemoAndExport(t *testing.T) {
	dataDir := t.TempDir()
	out := mustRun(t, "demo", "--data-dir", dataDir)
	if !strings.Contains(out, "68 companies") {
		t.Fatalf("demo output: %s", out)
	}
	if code, _, stderr := run(t, "demo", "--data-dir", dataDir); code != 1 || !strings.Contains(stderr, "already loaded") {
		t.Fatalf("second demo: exit %d, %s", code, stderr)
	}
	path := filepath.Join(t.TempDir(), "demo.json")
	mustRun(t, "export", path, "--data-dir", dataDir)
	var doc map[string][]map[string]any
	data, _ := os.ReadFile(path)
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc["companies"]) != 68 || len(doc["flows"]) < 600 || len(doc["synergies"]) < 10 {
		t.Fatalf("demo export: %d companies, %d flows, %d synergies", len(doc["companies"]), len(doc["flows"]), len(doc["synergies"]))
	}
}

func TestUsageAndHelp(t *testing.T) {
	if code, out, _ := run(t); code != 0 || !strings.Contains(out, "import") {
		t.Fatalf("no arguments: %d %s", code, out)
	}
	for _, c := range commands {
		if code, _, stderr := run(t, c.name, "--help"); code != 0 || !strings.Contains(stderr, "Usage: symbiose "+c.name) {
			t.Errorf("%s --help: exit %d, %s", c.name, code, stderr)
		}
	}
	if code, _, _ := run(t, "frobnicate"); code != 2 {
		t.Fatalf("unknown command: exit %d", code)
	}
	if code, _, _ := run(t, "import"); code != 2 {
		t.Fatalf("import without a path: exit %d", code)
	}
}

func TestClassifyAndNomenclature(t *testing.T) {
	var matches []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "classify", "palettes bois cassées")), &matches); err != nil {
		t.Fatal(err)
	}
	if len(matches) == 0 || matches[0]["resource"] != "wood.pallet" {
		t.Fatalf("classify: %v", matches)
	}
	ewc := mustRun(t, "nomenclature", "ewc", "--format", "csv")
	if lines := strings.Count(ewc, "\n"); lines != 843 || !strings.HasPrefix(ewc, "code,hazardous,label_fr,label_en,resource\n") {
		t.Fatalf("nomenclature ewc: %d lines, header %q", lines, strings.SplitN(ewc, "\n", 2)[0])
	}
	naf := mustRun(t, "nomenclature", "naf")
	if lines := strings.Count(naf, "\n"); lines != 733 || !strings.Contains(naf, "10.71C,") {
		t.Fatalf("nomenclature naf: %d lines", lines)
	}
}
