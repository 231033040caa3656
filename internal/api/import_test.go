package api

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
)

type importResult struct {
	DryRun    bool   `json:"dry_run"`
	Companies counts `json:"companies"`
	Flows     counts `json:"flows"`
	Synergies counts `json:"synergies"`
	Contacts  int    `json:"contacts"`
}

// An import with any error answers every problem, located, and writes
// nothing; a dry run counts without writing; a good import writes and is
// audited.
func TestImport(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	path := territoryPath(f.Demo.ID) + "/import"
	broken := `{
  "companies": [
    {"id": "n1", "name": "Nouvelle Scierie", "lat": 45.6, "lon": 0.15},
    {"id": "n2", "name": ""}
  ],
  "flows": [
    {"id": "nf1", "company_id": "n1", "direction": "ressource", "label": "Sciure", "quantity": "12,5", "unit": "tonnes"},
    {"id": "nf2", "company_id": "nope", "direction": "output", "label": "Écorces"},
    {"id": "nf3", "company_id": "n1", "direction": "sideways", "label": "Plaquettes", "quantity": -2}
  ]
}`
	before, _ := f.Flows(ctx, f.Demo.ID)
	snapshot := f.snapshot(t)
	rec := f.do(t, viaBearer, "facilitator", "POST", path, broken)
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var answer struct {
		Error  fieldProblem `json:"error"`
		Errors []struct {
			Severity, File, Field, Message string
			Line                           int
		} `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &answer); err != nil {
		t.Fatal(err)
	}
	want := map[[2]any]bool{{4, "name"}: true, {8, "company_id"}: true, {9, "direction"}: true, {9, "quantity"}: true}
	for _, p := range answer.Errors {
		delete(want, [2]any{p.Line, p.Field})
		if p.Severity != "error" || p.Message == "" {
			t.Errorf("problem %+v", p)
		}
	}
	if len(want) > 0 {
		t.Errorf("problems not reported: %v (got %+v)", want, answer.Errors)
	}
	if answer.Error.Field != "name" || answer.Error.Message == "" {
		t.Errorf("first error %+v", answer.Error)
	}
	after, _ := f.Flows(ctx, f.Demo.ID)
	if len(after) != len(before) || f.snapshot(t) != snapshot {
		t.Fatalf("a failed import wrote: %d flows before, %d after", len(before), len(after))
	}

	for _, body := range []string{`not json`, `[1, 2]`, `{"flows": {"id": 1}}`} {
		if rec := f.do(t, viaBearer, "facilitator", "POST", path, body); rec.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d", body, rec.Code)
		}
	}
	if rec := f.do(t, viaBearer, "facilitator", "POST", path+"?dry_run=maybe", `{}`); rec.Code != http.StatusBadRequest ||
		decode[apiError](t, rec).Error.Field != "dry_run" {
		t.Errorf("dry_run=maybe: %d %s", rec.Code, rec.Body)
	}

	good := `{"companies": [{"id": "n1", "name": "Nouvelle Scierie", "lat": 45.6, "lon": 0.15}],
		"flows": [{"id": "nf1", "company_id": "n1", "direction": "ressource", "label": "Sciure", "quantity": "12,5", "unit": "tonnes"},
			{"id": "f0001", "company_id": "c001", "direction": "output", "label": "Sable de fonderie usagé", "visibility": "public"}]}`
	rec = f.do(t, viaBearer, "facilitator", "POST", path+"?dry_run=true", good)
	if rec.Code != http.StatusOK {
		t.Fatalf("dry run: %d %s", rec.Code, rec.Body)
	}
	if got := decode[importResult](t, rec); !got.DryRun || got.Companies.Created != 1 || got.Flows.Created != 1 || got.Flows.Updated != 1 {
		t.Errorf("dry run counts %+v", got)
	}
	if f.snapshot(t) != snapshot {
		t.Fatal("a dry run wrote")
	}

	audits := f.auditCount(t, f.Demo.ID, "import", "dataset")
	rec = f.do(t, viaCookie, "facilitator", "POST", path, good)
	if rec.Code != http.StatusOK {
		t.Fatalf("import: %d %s", rec.Code, rec.Body)
	}
	if got := decode[importResult](t, rec); got.DryRun || got.Companies.Created != 1 || got.Flows.Created != 1 || got.Flows.Updated != 1 {
		t.Errorf("import counts %+v", got)
	}
	if _, err := f.CompanyByExtID(ctx, f.Demo.ID, "n1"); err != nil {
		t.Errorf("the imported company is not there: %v", err)
	}
	if f.auditCount(t, f.Demo.ID, "import", "dataset") != audits+1 {
		t.Error("the import is not audited")
	}
}

// What export answers, import takes back unchanged: every record is
// updated, none created, nothing differs.
func TestExportImportRoundTrip(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	demo := territoryPath(f.Demo.ID)
	rec := f.do(t, viaBearer, "admin", "GET", demo+"/export", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("export: %d %s", rec.Code, rec.Body)
	}
	var ds struct {
		Companies, Contacts, Flows, Synergies []map[string]any
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &ds); err != nil {
		t.Fatal(err)
	}
	companies, _ := f.Companies(ctx, f.Demo.ID)
	flows, _ := f.Flows(ctx, f.Demo.ID)
	if len(ds.Companies) != len(companies) || len(ds.Flows) != len(flows) || len(ds.Contacts) == 0 || len(ds.Synergies) == 0 {
		t.Fatalf("export has %d companies, %d flows, %d contacts, %d synergies", len(ds.Companies), len(ds.Flows), len(ds.Contacts), len(ds.Synergies))
	}
	snapshot := f.snapshot(t)
	rec = f.do(t, viaBearer, "admin", "POST", demo+"/import?dry_run=1", rec.Body.String())
	if rec.Code != http.StatusOK {
		t.Fatalf("import of the export: %d %s", rec.Code, rec.Body)
	}
	got := decode[importResult](t, rec)
	if got.Companies.Created+got.Flows.Created+got.Synergies.Created != 0 || got.Companies.Updated != len(companies) ||
		got.Flows.Updated != len(flows) {
		t.Errorf("import of the export: %+v", got)
	}
	if f.snapshot(t) != snapshot {
		t.Error("a dry run wrote")
	}
}
