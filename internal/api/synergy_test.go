package api

import (
	"fmt"
	"net/http"
	"testing"
)

// A synergy is recorded with the import's rules and starts its history;
// its id is never reused.
func TestSynergyCreate(t *testing.T) {
	f := newFixture(t)
	list := territoryPath(f.Demo.ID) + "/synergies"
	bad := []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"label": "x"}, "type"},
		{map[string]any{"type": "échange"}, "type"},
		{map[string]any{"type": "mutualisation", "company_ids": "c001"}, "company_ids"},
		{map[string]any{"type": "mutualisation", "company_ids": []string{"c001", "c999"}}, "company_ids"},
		{map[string]any{"type": "substitution", "output_flow_id": "f0001"}, "input_flow_id"},
		{map[string]any{"type": "substitution", "output_flow_id": "f0007", "input_flow_id": "f0008"}, "output_flow_id"},
		{map[string]any{"type": "substitution", "output_flow_id": "f0001", "input_flow_id": "f0008", "status": "finie"}, "status"},
		{map[string]any{"id": "s01", "type": "mutualisation", "company_ids": "c001;c002"}, "id"},
	}
	for _, b := range bad {
		before := f.snapshot(t)
		rec := f.do(t, viaBearer, "facilitator", "POST", list, b.body)
		if (rec.Code != http.StatusBadRequest && rec.Code != http.StatusConflict) || decode[apiError](t, rec).Error.Field != b.field {
			t.Errorf("%v: %d %s", b.body, rec.Code, rec.Body)
		}
		if f.snapshot(t) != before {
			t.Errorf("%v: a rejected synergy was written", b.body)
		}
	}
	rec := f.do(t, viaBearer, "facilitator", "POST", list, map[string]any{"type": "substitution", "output_flow_id": "f0001",
		"input_flow_id": "f0008", "status": "qualifiée", "quantity": 300, "unit": "t", "started_on": "2025-03-01"})
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	s := decode[synergyJSON](t, rec)
	if s.Status != "qualified" || s.OutputFlowID != "f0001" || len(s.History) == 0 || s.History[len(s.History)-1].ToStatus != "qualified" {
		t.Fatalf("created %+v", s)
	}
	got := decode[synergyJSON](t, f.do(t, viaBearer, "facilitator", "GET", fmt.Sprintf("%s/%d", list, s.APIID), nil))
	if got.ID != s.ID || len(got.History) != len(s.History) {
		t.Errorf("read back %+v", got)
	}
	if f.auditCount(t, f.Demo.ID, "create", "synergy") != 1 {
		t.Error("the synergy is not audited")
	}
	if rec := f.do(t, viaBearer, "facilitator", "GET", fmt.Sprintf("%s/%d", territoryPath(f.Other.ID)+"/synergies", s.APIID), nil); rec.Code != http.StatusForbidden {
		t.Errorf("another territory's path: %d", rec.Code)
	}
	if rec := f.do(t, viaBearer, "admin", "GET", fmt.Sprintf("%s/%d", territoryPath(f.Other.ID)+"/synergies", s.APIID), nil); rec.Code != http.StatusNotFound {
		t.Errorf("a synergy under another territory: %d", rec.Code)
	}
}
