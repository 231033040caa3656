package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"symbiose/internal/model"
)

// BenchmarkBourseLive measures, on the demo's coming bourse with every
// demo company registered and carrying its cards and 500 interests
// recorded, a secretary's record and the facilitators' refresh.
func BenchmarkBourseLive(b *testing.B) {
	fx := newFixture(b)
	ctx := context.Background()
	bourses, _ := fx.Workshops(ctx, fx.Demo.ID)
	w := bourses[2]
	w.Capacity = 0 // room for every demo company
	if err := fx.UpdateWorkshop(ctx, w); err != nil {
		b.Fatal(err)
	}
	companies, _ := fx.Companies(ctx, fx.Demo.ID)
	flows, _ := fx.Flows(ctx, fx.Demo.ID)
	for _, c := range companies {
		fx.InviteParticipant(ctx, w.ID, c.ID, "", fmt.Sprintf("bench-%d", c.ID))
		fx.Register(ctx, w.ID, c.ID)
		var ids []int64
		for _, f := range flows {
			if f.CompanyID == c.ID && f.Visibility != model.VisibilityPrivate {
				ids = append(ids, f.ID)
			}
		}
		if err := fx.SetCards(ctx, w.ID, c.ID, ids); err != nil {
			b.Fatal(err)
		}
	}
	cards, _ := fx.Cards(ctx, w.ID)
	token := addSecretary(b, fx, w.ID, "Bench")
	registered, _ := fx.Participants(ctx, w.ID)
	record := func(i int) {
		card := cards[i%len(cards)]
		who := registered[(i*7)%len(registered)]
		if who.CompanyID == card.CompanyID || who.Status != model.ParticipantRegistered {
			who = registered[0]
		}
		body := fmt.Sprintf(`{"client_id":"k%d","round":1,"company_id":%d,"flow_id":%d}`, i, who.CompanyID, card.ID)
		req := httptest.NewRequest("POST", "/s/"+token+"/interests", strings.NewReader(body))
		rec := httptest.NewRecorder()
		fx.srv.Handler().ServeHTTP(rec, req)
		if rec.Code != 200 && rec.Code != 400 {
			b.Fatalf("record: %d %s", rec.Code, rec.Body.String())
		}
	}
	for i := range 500 {
		record(i)
	}
	if len(registered) != len(companies) || len(cards) < 400 {
		b.Fatalf("%d of %d companies registered, %d cards", len(registered), len(companies), len(cards))
	}
	b.Logf("%d companies registered, %d cards, 500 interests", len(registered), len(cards))
	b.Run("record", func(b *testing.B) {
		i := 1000
		for b.Loop() {
			record(i)
			i++
		}
	})
	b.Run("live.json", func(b *testing.B) {
		for b.Loop() {
			rec := fx.do("facilitator", "GET", fmt.Sprintf("/t/%d/workshops/%d/live.json", fx.Demo.ID, w.ID), nil)
			if rec.Code != 200 {
				b.Fatal(rec.Code)
			}
		}
	})
	b.Run("capture state", func(b *testing.B) {
		for b.Loop() {
			req := httptest.NewRequest("GET", "/s/"+token+"/state", nil)
			rec := httptest.NewRecorder()
			fx.srv.Handler().ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatal(rec.Code)
			}
		}
	})
}
