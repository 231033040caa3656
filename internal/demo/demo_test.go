package demo

import (
	"context"
	"errors"
	"testing"
	"time"

	"symbiose/internal/dataset"
	"symbiose/internal/model"
	"symbiose/internal/storage/storagetest"
)

func TestDemoTerritory(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		tr, err := Load(ctx, b.Storage, dataset.Options{})
		if err != nil {
			t.Fatal(err)
		}
		companies, _ := b.Companies(ctx, tr.ID)
		flows, _ := b.Flows(ctx, tr.ID)
		synergies, _ := b.Synergies(ctx, tr.ID)
		if len(companies) < 60 || len(flows) < 8*len(companies) {
			t.Fatalf("%d companies, %d flows: want at least 60 companies with about ten flows each", len(companies), len(flows))
		}
		for _, c := range companies {
			if c.NAF == "" || !c.HasLocation() {
				t.Errorf("company %s lacks a NAF code or coordinates", c.ExtID)
			}
		}
		realised := map[string]int{}
		largestPool := 0
		for _, s := range synergies {
			if s.Status == model.StatusRealised {
				realised[s.Type]++
				if s.Type == model.Mutualisation {
					largestPool = max(largestPool, len(s.CompanyExtIDs))
				}
			}
		}
		if realised[model.Substitution] != 5 || realised[model.Mutualisation] != 5 || largestPool < 8 {
			t.Fatalf("realised synergies %v, largest pool %d: want 5 + 5 with a grouped purchase of about ten", realised, largestPool)
		}
		workshops, _ := b.Workshops(ctx, tr.ID)
		if len(workshops) != 3 || len(workshops[0].CompanyExtIDs) < 15 {
			t.Fatalf("workshops = %+v", workshops)
		}
		coming := workshops[2]
		parts, _ := b.Participants(ctx, coming.ID)
		cards, _ := b.Cards(ctx, coming.ID)
		status := map[string]int{}
		for _, p := range parts {
			status[p.Status]++
		}
		if coming.Date <= time.Now().Format("2006-01-02") || status[model.ParticipantRegistered] != upcomingCapacity ||
			status[model.ParticipantWaiting] != upcomingInvited-upcomingCapacity || len(cards) < 6*upcomingCapacity {
			t.Fatalf("coming bourse %s: %v, %d cards", coming.Date, status, len(cards))
		}
		campaigns, _ := b.Campaigns(ctx, tr.ID)
		if len(campaigns) != 1 {
			t.Fatalf("campaigns = %+v", campaigns)
		}
		visits, _ := b.CampaignVisits(ctx, campaigns[0].ID)
		if len(visits) < 60 {
			t.Fatalf("%d visits, want 60+", len(visits))
		}
		history, _ := b.SynergyEvents(ctx, synergies[0].ID)
		if len(history) < 2 || history[len(history)-1].ToStatus != synergies[0].Status {
			t.Fatalf("history of %s = %+v", synergies[0].ExtID, history)
		}
		if _, err := Load(ctx, b.Storage, dataset.Options{}); !errors.Is(err, ErrAlreadyLoaded) {
			t.Fatalf("second load: %v", err)
		}
	})
}
