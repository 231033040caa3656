package api

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"symbiose/internal/model"
)

// The API lists the bourses and the interests recorded at one, with the
// dataset ids outside tools know.
func TestWorkshopsAndInterests(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	list, err := f.Workshops(ctx, f.Demo.ID)
	if err != nil || len(list) < 3 {
		t.Fatalf("demo bourses: %v", err)
	}
	coming := list[2]
	parts, _ := f.Participants(ctx, coming.ID)
	cards, _ := f.Cards(ctx, coming.ID)
	var who int64
	for _, p := range parts {
		if p.Status == model.ParticipantRegistered && p.CompanyID != cards[0].CompanyID {
			who = p.CompanyID
		}
	}
	if _, err := f.AddInterest(ctx, model.Interest{WorkshopID: coming.ID, ClientID: "k1", Round: 2, Table: 1,
		CompanyID: who, FlowID: cards[0].ID, Note: "à suivre", RecordedBy: "Paul"}); err != nil {
		t.Fatal(err)
	}
	rec := f.do(t, viaBearer, "facilitator", "GET", territoryPath(f.Demo.ID)+"/workshops", nil)
	got := decode[struct{ Items []workshopJSON }](t, rec)
	if rec.Code != http.StatusOK || len(got.Items) != len(list) || got.Items[2].ID != coming.ExtID ||
		len(got.Items[2].CompanyIDs) != len(coming.CompanyExtIDs) || got.Items[2].Capacity != coming.Capacity {
		t.Fatalf("workshops: %d %+v", rec.Code, got)
	}
	rec = f.do(t, viaBearer, "facilitator", "GET", fmt.Sprintf("%s/workshops/%d/interests", territoryPath(f.Demo.ID), coming.ID), nil)
	in := decode[struct{ Items []interestJSON }](t, rec)
	if rec.Code != http.StatusOK || len(in.Items) != 1 || in.Items[0].CardFlowID != cards[0].ExtID ||
		in.Items[0].CardCompanyID != cards[0].CompanyExtID || in.Items[0].Note != "à suivre" || in.Items[0].Round != 2 ||
		in.Items[0].CardDirection != string(cards[0].Direction) || in.Items[0].CompanyID == "" {
		t.Fatalf("interests: %d %+v", rec.Code, in)
	}
	// Another territory's bourse is not found from the demo's path.
	rec = f.do(t, viaBearer, "foreign", "GET", fmt.Sprintf("%s/workshops/%d/interests", territoryPath(f.Other.ID), coming.ID), nil)
	if rec.Code != http.StatusNotFound {
		t.Fatalf("a bourse through another territory: %d", rec.Code)
	}
}
