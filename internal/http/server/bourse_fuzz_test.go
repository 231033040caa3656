package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"symbiose/internal/model"
)

// Whatever a capture page sends, the answer is a 2xx or a 4xx with a
// message, never a 500; the demo's coming bourse has cards to aim at.
func FuzzCaptureRecord(f *testing.F) {
	fx := newFixture(f)
	ctx := context.Background()
	bourses, err := fx.Workshops(ctx, fx.Demo.ID)
	if err != nil || len(bourses) < 3 {
		f.Fatalf("demo bourses: %v", err)
	}
	w := bourses[2]
	link := "/s/" + addSecretary(f, fx, w.ID, "Fuzz")
	cards, _ := fx.Cards(ctx, w.ID)
	parts, _ := fx.Participants(ctx, w.ID)
	f.Add(fmt.Sprintf(`{"client_id":"a","round":1,"company_id":%d,"flow_id":%d,"note":"ok"}`, parts[1].CompanyID, cards[0].ID))
	f.Add(`{"client_id":"a","remove":true}`)
	f.Add(`{"client_id":"","round":1}`)
	f.Add(`{"client_id":"b","round":-1,"company_id":1e30,"flow_id":"x"}`)
	f.Add(`[1,2,3]`)
	f.Add(`{"client_id":"` + strings.Repeat("é", 50) + `","round":2}`)
	f.Add("\x00\xff")
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest("POST", link+"/interests", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		fx.srv.Handler().ServeHTTP(rec, req)
		if rec.Code >= 500 || (rec.Code >= 400 && !strings.Contains(rec.Body.String(), "message")) {
			t.Fatalf("%q: %d %s", body, rec.Code, rec.Body.String())
		}
	})
}

// addSecretary adds a secretary of table 1 to a bourse and returns the
// token of its capture page.
func addSecretary(tb testing.TB, fx *fixture, workshopID int64, name string) string {
	tb.Helper()
	ctx := context.Background()
	st := model.Staff{WorkshopID: workshopID, Role: model.StaffSecretary, Name: name, Table: 1}
	token, hash, err := fx.StaffToken(ctx, st)
	if err == nil {
		_, err = fx.AddStaff(ctx, st, hash)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return token
}
