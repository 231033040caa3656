package server

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// The table plan of a demo bourse seats every participant once a round.
func TestWorkshopPlanPage(t *testing.T) {
	f := newFixture(t)
	bourses, err := f.Workshops(context.Background(), f.Demo.ID)
	if err != nil || len(bourses) == 0 {
		t.Fatalf("demo workshops: %v", err)
	}
	ws := bourses[0]
	path := fmt.Sprintf("/t/%d/workshops/%d?table_size=5&rounds=2", f.Demo.ID, ws.ID)
	rec := f.do("facilitator", "GET", path, nil)
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, "Tour 2") || !strings.Contains(body, "data-score") {
		t.Fatalf("plan page %d:\n%s", rec.Code, body)
	}
	rounds := strings.Split(body, `<ol class="tables">`)[1:]
	if len(rounds) != 2 {
		t.Fatalf("%d rounds shown", len(rounds))
	}
	for i, r := range rounds {
		r = r[:strings.Index(r, "</ol>")]
		seated := 0
		for _, table := range strings.Split(r, "<li>")[1:] {
			seated += len(strings.Split(strings.TrimSuffix(table, "</li>"), ", "))
		}
		if seated != len(ws.CompanyExtIDs) {
			t.Errorf("round %d seats %d companies, the bourse has %d", i+1, seated, len(ws.CompanyExtIDs))
		}
	}
	rec = f.do("facilitator", "GET", path+"&format=pdf", nil)
	if rec.Code != 200 || !strings.HasPrefix(rec.Body.String(), "%PDF-") || rec.Header().Get("Content-Type") != "application/pdf" {
		t.Fatalf("printables: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
}
