package worker

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"symbiose/internal/matching"
	"symbiose/internal/model"
	"symbiose/internal/storage"
	"symbiose/internal/storage/storagetest"
)

func fp(v float64) *float64 { return &v }

func TestMatchersFollowTheDatabase(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		ds := model.Dataset{
			Companies: []model.Company{
				{ExtID: "saw", Name: "Scierie", Lat: fp(45.65), Lon: fp(0.15)},
				{ExtID: "boiler", Name: "Chaufferie", Lat: fp(45.66), Lon: fp(0.16)},
			},
			Flows: []model.Flow{
				{ExtID: "fuel", CompanyExtID: "boiler", Direction: model.Input, Family: "energy", Label: "Plaquettes",
					Resource: "energy.solid_fuel.biomass", Visibility: "public"},
			},
		}
		st, err := b.ImportDataset(ctx, 0, ds, storage.ImportOptions{NewTerritory: "T"})
		if err != nil {
			t.Fatal(err)
		}
		m := NewMatchers(b.Storage, slog.New(slog.NewTextHandler(io.Discard, nil)), matching.Options{})
		if err := m.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		e := m.Engine(st.TerritoryID)
		if e == nil || len(e.CandidatesFor("fuel")) != 0 {
			t.Fatal("engine missing or with a candidate before any supply")
		}
		// A supply written afterwards reaches the engine on the next refresh.
		ds.Flows = []model.Flow{{ExtID: "dust", CompanyExtID: "saw", Direction: model.Output, Family: "waste",
			Label: "Sciure", Resource: "wood.sawdust", Visibility: "public"}}
		ds.Companies = nil
		if _, err := b.ImportDataset(ctx, st.TerritoryID, ds, storage.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := m.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		if c := m.Engine(st.TerritoryID).CandidatesFor("fuel"); len(c) != 1 || c[0].OutputFlowID != "dust" {
			t.Fatalf("after refresh: %+v", c)
		}
	})
}
