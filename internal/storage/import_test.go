package storage_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"symbiose/internal/model"
	"symbiose/internal/storage"
	"symbiose/internal/storage/storagetest"
)

func ptr[T any](v T) *T { return &v }

func sampleDataset() model.Dataset {
	return model.Dataset{
		Companies: []model.Company{
			{ExtID: "c1", Name: "Scierie du Val", SIRET: "73282932000074", NAF: "16.10A", Employees: ptr(42),
				City: "Angoulême", Lat: ptr(45.65), Lon: ptr(0.16), Zone: "ZI Nord", Tags: []string{"ICPE", "bois"},
				Attrs: map[string]string{"note": "visite 2019"}},
			{ExtID: "c2", Name: "Chaufferie Biomasse", NAF: "35.30Z"},
		},
		Contacts: []model.Contact{{CompanyExtID: "c1", Name: "Anne Roy", Role: "QSE", Email: "anne@example.fr"}},
		Flows: []model.Flow{
			{ExtID: "f1", CompanyExtID: "c1", Direction: model.Output, Family: "waste", Label: "Sciure et copeaux",
				EWC: "030105", Quantity: ptr(120.5), Unit: "t", Period: "year", Treatment: "energy_recovery", Visibility: "anonymous"},
			{ExtID: "f2", CompanyExtID: "c2", Direction: model.Input, Family: "energy", Label: "Plaquettes bois",
				Quantity: ptr(900.0), Unit: "t", Period: "year", Visibility: "public", ResourceConfidence: ptr(0.8)},
		},
		Synergies: []model.Synergy{
			{ExtID: "s1", Type: model.Substitution, Status: model.StatusRealised, OutputFlowExtID: "f1", InputFlowExtID: "f2",
				Quantity: ptr(100.0), Unit: "t", Period: "year", StartedOn: "2020-03-01"},
			{ExtID: "s2", Type: model.Mutualisation, Status: model.StatusStudying, CompanyExtIDs: []string{"c2", "c1"}, Label: "Collecte"},
		},
	}
}

func territory(t *testing.T, b storagetest.Backend) model.Territory {
	t.Helper()
	tr, err := b.CreateTerritory(context.Background(), "Test")
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestImportAndReadBack(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		tr := territory(t, b)
		ds := sampleDataset()
		st, err := b.ImportDataset(ctx, tr.ID, ds, storage.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want := storage.ImportStats{TerritoryID: tr.ID, CompaniesCreated: 2, FlowsCreated: 2, SynergiesCreated: 2, Contacts: 1}
		if st != want {
			t.Fatalf("stats = %+v, want %+v", st, want)
		}
		companies, err := b.Companies(ctx, tr.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(companies) != 2 || companies[0].Name != "Scierie du Val" || *companies[0].Employees != 42 ||
			!reflect.DeepEqual(companies[0].Tags, []string{"ICPE", "bois"}) || companies[0].Attrs["note"] != "visite 2019" ||
			companies[1].Lat != nil {
			t.Fatalf("companies read back wrong: %+v", companies)
		}
		flows, err := b.Flows(ctx, tr.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(flows) != 2 || flows[0].CompanyExtID != "c1" || *flows[0].Quantity != 120.5 || flows[1].ResourceConfidence == nil {
			t.Fatalf("flows read back wrong: %+v", flows)
		}
		syn, err := b.Synergies(ctx, tr.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(syn) != 2 || syn[0].OutputFlowExtID != "f1" || syn[0].InputFlowExtID != "f2" ||
			!reflect.DeepEqual(syn[1].CompanyExtIDs, []string{"c2", "c1"}) {
			t.Fatalf("synergies read back wrong: %+v", syn)
		}
		contacts, err := b.Contacts(ctx, tr.ID)
		if err != nil || len(contacts) != 1 || contacts[0].CompanyExtID != "c1" {
			t.Fatalf("contacts = %+v, %v", contacts, err)
		}

		// Re-importing updates by id: no duplicates, one new history event
		// for the synergy whose status changed.
		ds.Synergies[1].Status = model.StatusImplementing
		ds.Companies[1].Name = "Chaufferie Biomasse SAS"
		st, err = b.ImportDataset(ctx, tr.ID, ds, storage.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want = storage.ImportStats{TerritoryID: tr.ID, CompaniesUpdated: 2, FlowsUpdated: 2, SynergiesUpdated: 2, Contacts: 1}
		if st != want {
			t.Fatalf("second import stats = %+v, want %+v", st, want)
		}
		companies, _ = b.Companies(ctx, tr.ID)
		if len(companies) != 2 || companies[1].Name != "Chaufferie Biomasse SAS" {
			t.Fatalf("after re-import: %+v", companies)
		}
		syn, _ = b.Synergies(ctx, tr.ID)
		events, err := b.SynergyEvents(ctx, syn[1].ID)
		if err != nil || len(events) != 2 || events[1].FromStatus != "studying" || events[1].ToStatus != "implementing" {
			t.Fatalf("history = %+v, %v", events, err)
		}
		contacts, _ = b.Contacts(ctx, tr.ID)
		if len(contacts) != 1 {
			t.Fatalf("contacts duplicated: %+v", contacts)
		}
	})
}

func TestImportWritesNothingOnFailureOrDryRun(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		tr := territory(t, b)

		st, err := b.ImportDataset(ctx, tr.ID, sampleDataset(), storage.ImportOptions{DryRun: true})
		if err != nil || st.FlowsCreated != 2 {
			t.Fatalf("dry run: %+v, %v", st, err)
		}
		if companies, _ := b.Companies(ctx, tr.ID); len(companies) != 0 {
			t.Fatalf("dry run wrote %d companies", len(companies))
		}

		bad := sampleDataset()
		bad.Synergies[0].InputFlowExtID = "missing"
		if _, err := b.ImportDataset(ctx, tr.ID, bad, storage.ImportOptions{}); err == nil {
			t.Fatal("import with a dangling reference succeeded")
		}
		if companies, _ := b.Companies(ctx, tr.ID); len(companies) != 0 {
			t.Fatalf("failed import left %d companies", len(companies))
		}
	})
}

func TestNotFound(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		if _, err := b.TerritoryByName(ctx, "nowhere"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("TerritoryByName: %v", err)
		}
		if _, err := b.Company(ctx, 999); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("Company: %v", err)
		}
		tr := territory(t, b)
		if _, err := b.CompanyByExtID(ctx, tr.ID, "x"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("CompanyByExtID: %v", err)
		}
	})
}

func TestSynergyFollowUpAndMoves(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		tr := territory(t, b)
		if _, err := b.ImportDataset(ctx, tr.ID, sampleDataset(), storage.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		u, err := b.CreateUser(ctx, model.User{Email: "claire@example.org", Role: model.RoleFacilitator, Territories: []int64{tr.ID}})
		if err != nil {
			t.Fatal(err)
		}
		syn, _ := b.Synergies(ctx, tr.ID)
		s := syn[1] // studying
		if err := b.UpdateSynergyFollowUp(ctx, s.ID, storage.SynergyFollowUp{Nature: "service", OwnerID: u.ID,
			NextAction: "Appeler le prestataire", NextActionOn: "2026-12-01", Notes: "devis attendu"}); err != nil {
			t.Fatal(err)
		}
		if err := b.MoveSynergy(ctx, s.ID, "studying", "abandoned", "economic", "trop cher", "claire@example.org"); err != nil {
			t.Fatal(err)
		}
		if err := b.MoveSynergy(ctx, s.ID, "studying", "implementing", "", "", "x"); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("a move from a stale status: %v", err)
		}
		syn, _ = b.Synergies(ctx, tr.ID)
		got := syn[1]
		if got.Status != "abandoned" || got.AbandonReason != "economic" || got.OwnerEmail != "claire@example.org" ||
			got.NextActionOn != "2026-12-01" || got.Nature != "service" {
			t.Fatalf("synergy after follow-up: %+v", got)
		}
		events, _ := b.SynergyEvents(ctx, s.ID)
		if last := events[len(events)-1]; last.ToStatus != "abandoned" || last.Note != "trop cher" {
			t.Fatalf("history: %+v", events)
		}
		// Reopened and realised without a start date: it starts today.
		if got.StartedOn != "" {
			t.Fatalf("fixture synergy already dated %s", got.StartedOn)
		}
		if err := b.MoveSynergy(ctx, s.ID, "abandoned", "qualified", "", "", "x"); err != nil {
			t.Fatal(err)
		}
		if err := b.MoveSynergy(ctx, s.ID, "qualified", "realised", "", "", "x"); err != nil {
			t.Fatal(err)
		}
		syn, _ = b.Synergies(ctx, tr.ID)
		if today := time.Now().UTC().Format("2006-01-02"); syn[1].StartedOn != today {
			t.Fatalf("realised synergy started on %q, want %s", syn[1].StartedOn, today)
		}
	})
}
