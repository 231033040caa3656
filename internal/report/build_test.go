package report

import (
	"testing"
	"time"

	"symbiose/internal/impact"
	"symbiose/internal/model"
	"symbiose/internal/programme"
)

func fp(v float64) *float64 { return &v }

func TestBuild(t *testing.T) {
	factors, err := impact.Default()
	if err != nil {
		t.Fatal(err)
	}
	in := Input{
		Lang: "fr", Territory: "Grand Angoumois", Factors: factors, Now: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
		Companies: []model.Company{{ExtID: "saw", Name: "Scierie", Zone: "ZI Nersac", Lat: fp(45.65), Lon: fp(0.15)},
			{ExtID: "boiler", Name: "Chaufferie", Zone: "ZI Nersac", Lat: fp(45.65), Lon: fp(0.16)},
			{ExtID: "print", Name: "Imprimerie", Zone: "ZA Les Montagnes"}},
		Flows: []model.Flow{
			{ExtID: "dust", CompanyExtID: "saw", Direction: model.Output, Family: "waste", Resource: "wood.sawdust",
				Quantity: fp(100), Unit: "t", Period: "year", Treatment: "landfill", CostEUR: fp(3000)},
			{ExtID: "fuel", CompanyExtID: "boiler", Direction: model.Input, Family: "energy", Resource: "energy.solid_fuel.biomass"},
		},
		Synergies: []model.Synergy{
			{ExtID: "s1", Type: model.Substitution, Status: model.StatusRealised, OutputFlowExtID: "dust", InputFlowExtID: "fuel",
				Label: "Sciure vers chaufferie", StartedOn: "2020-03-01", Attrs: map[string]string{"jobs": " 2 "}},
			{ExtID: "s2", Type: model.Mutualisation, Status: model.StatusRealised, CompanyExtIDs: []string{"saw", "print"},
				Label: "Collecte des cartons", StartedOn: "2021-05-01", Attrs: map[string]string{"savings_eur": "1000"}},
			{ExtID: "s3", Type: model.Substitution, Status: model.StatusStudying, Label: "Chaleur", StartedOn: "2021-01-01"},
			{ExtID: "s4", Type: model.Substitution, Status: model.StatusAbandoned, Label: "Boues"},
		},
		Visits: []model.CampaignVisit{{CompanyID: 1, VisitedOn: "2019-02-01"}, {CompanyID: 2, VisitedOn: "2019-02-02"},
			{CompanyID: 2, VisitedOn: "2019-03-02"}, {CompanyID: 3}},
		Programme: &programme.Programme{Name: "Programme EIT",
			Objectives: []programme.Objective{{Label: "2 synergies d'ici 2021", Target: 2, By: 2021},
				{Label: "1 substitution matière", Target: 1, Type: model.Substitution, Nature: "material"}},
			Means: []programme.Means{{Year: 2021, StaffEUR: 30000}, {Year: 2020, StaffEUR: 20000, SoftwareEUR: 2000}}},
	}
	r := Build(in)
	if r.Programme != "Programme EIT" || r.Context.Companies != 3 || r.Context.CompaniesVisited != 2 || len(r.Context.Zones) != 2 {
		t.Errorf("context: %+v", r.Context)
	}
	if r.Objectives[0].Achieved != 2 || r.Objectives[1].Achieved != 1 {
		t.Errorf("objectives: %+v", r.Objectives)
	}
	// diagnostics, detected, qualified, contacted, studying, implementing, realised
	wantFunnel := []int{2, 4, 3, 3, 3, 2, 2}
	for i, c := range r.Results.Funnel {
		if c.Value != wantFunnel[i] {
			t.Errorf("funnel %s = %d, want %d", c.Label, c.Value, wantFunnel[i])
		}
	}
	if len(r.Results.ByYear) != 2 || r.Results.ByYear[1] != (YearCount{Year: 2021, Realised: 1, Other: 1}) {
		t.Errorf("by year: %+v", r.Results.ByYear)
	}
	if r.Results.Total.Synergies != 2 || r.Results.Total.TonnesDiverted != 100 || r.Results.Total.EurosSaved != 4000 {
		t.Errorf("impact total: %+v", r.Results.Total)
	}
	if r.Results.Jobs != 2 {
		t.Errorf("%d jobs, want 2", r.Results.Jobs)
	}
	if r.Results.Companies != 3 {
		t.Errorf("%d companies involved, want 3", r.Results.Companies)
	}
	if got := r.Results.Realised[0]; got.Companies != "Scierie → Chaufferie" || got.Nature != "material" {
		t.Errorf("first realised synergy: %+v", got)
	}
	if r.Means[0].Year != 2020 || r.CostPerRealised != 26000 {
		t.Errorf("means %+v, cost per realised %v", r.Means, r.CostPerRealised)
	}
}

func TestBuildWithoutProgramme(t *testing.T) {
	factors, _ := impact.Default()
	r := Build(Input{Territory: "Vide", Factors: factors})
	if r.Programme != "" || r.Objectives != nil || r.CostPerRealised != 0 || r.Results.Total.Synergies != 0 {
		t.Errorf("empty report: %+v", r)
	}
	if len(r.Results.Funnel) != 7 {
		t.Errorf("funnel has %d steps", len(r.Results.Funnel))
	}
}
