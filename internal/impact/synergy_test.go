package impact

import (
	"math"
	"strings"
	"testing"

	"symbiose/internal/model"
)

func fptr(v float64) *float64 { return &v }

func TestInputFor(t *testing.T) {
	companies := map[string]model.Company{
		"saw":     {ExtID: "saw", Lat: fptr(45.65), Lon: fptr(0.15)},
		"boiler":  {ExtID: "boiler", Lat: fptr(45.65), Lon: fptr(0.25)}, // about 7.8 km east
		"nowhere": {ExtID: "nowhere"},
	}
	flows := map[string]model.Flow{
		"dust": {ExtID: "dust", CompanyExtID: "saw", Family: "waste", Resource: "wood.sawdust", Quantity: fptr(100), Unit: "t",
			Period: "year", CostEUR: fptr(4000), Treatment: "landfill"},
		"fuel": {ExtID: "fuel", CompanyExtID: "boiler", Family: "energy", Resource: "energy.solid_fuel.biomass", Quantity: fptr(10),
			Unit: "t", Period: "month", CostEUR: fptr(9000)},
	}
	tests := []struct {
		name      string
		s         model.Synergy
		want      Input // DistanceKm checked apart
		wantKm    float64
		wantNotes []string
	}{
		{
			name: "half the supply, costs in proportion",
			s:    model.Synergy{Type: "substitution", OutputFlowExtID: "dust", InputFlowExtID: "fuel", Quantity: fptr(50), Unit: "t", Period: "year"},
			// disposal 4000 × 50/100; purchase: 50 t/yr ≥ 120 t/yr? no: 50/120 of 9000 = 3750
			want: Input{Type: "substitution", Resource: "wood.sawdust", Quantity: 50, Unit: "t", Period: "year", Family: "waste",
				OutputTreatment: "landfill", DisposalCostEUR: 2000, PurchaseCostEUR: 3750},
			wantKm:    7.8 * RoadDetour,
			wantNotes: []string{"disposal cost counted for 50 %", "purchase cost counted for 42 %", "road distance"},
		},
		{
			name: "no quantity on the synergy: the whole supply",
			s:    model.Synergy{Type: "substitution", OutputFlowExtID: "dust", InputCompExtID: "nowhere"},
			want: Input{Type: "substitution", Resource: "wood.sawdust", Quantity: 100, Unit: "t", Period: "year", Family: "waste",
				OutputTreatment: "landfill", DisposalCostEUR: 4000},
			wantNotes: []string{"supplier's whole flow"},
		},
		{
			name: "companies only, resource on the synergy",
			s: model.Synergy{Type: "substitution", OutputCompExtID: "saw", InputCompExtID: "boiler", Resource: "wood.chips",
				Quantity: fptr(3), Unit: "t", Period: "week"},
			want:   Input{Type: "substitution", Resource: "wood.chips", Quantity: 3, Unit: "t", Period: "week"},
			wantKm: 7.8 * RoadDetour,
		},
		{
			name: "mutualisation with the facilitator's savings",
			s:    model.Synergy{Type: "mutualisation", Attrs: map[string]string{"savings_eur": " 1200,5 "}},
			want: Input{Type: "mutualisation", SavingsEUR: 1200.5},
		},
		{
			name:      "savings that are not a number",
			s:         model.Synergy{Type: "mutualisation", Attrs: map[string]string{"savings_eur": "beaucoup"}},
			want:      Input{Type: "mutualisation"},
			wantNotes: []string{`savings_eur "beaucoup" is not a number`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, notes := InputFor(tt.s, flows, companies)
			km := got.DistanceKm
			got.DistanceKm = 0
			if got != tt.want {
				t.Errorf("input\n got %+v\nwant %+v", got, tt.want)
			}
			if math.Abs(km-tt.wantKm) > 0.2 {
				t.Errorf("distance %.2f km, want about %.2f", km, tt.wantKm)
			}
			all := strings.Join(notes, "\n")
			for _, n := range tt.wantNotes {
				if !strings.Contains(all, n) {
					t.Errorf("notes lack %q:\n%s", n, all)
				}
			}
		})
	}
}

func TestDatasetComputesEverySynergy(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ds := model.Dataset{
		Flows: []model.Flow{{ExtID: "dust", CompanyExtID: "saw", Family: "waste", Resource: "wood.sawdust",
			Quantity: fptr(100), Unit: "t", Period: "year", Treatment: "landfill"}},
		Synergies: []model.Synergy{
			{ExtID: "s1", Type: "substitution", OutputFlowExtID: "dust"},
			{ExtID: "s2", Type: "mutualisation", Attrs: map[string]string{"savings_eur": "500"}},
		},
	}
	got := Dataset(ds, f)
	if len(got) != 2 || got["s1"].TonnesDiverted != 100 || got["s2"].EurosSaved != 500 {
		t.Fatalf("got %+v", got)
	}
	if !strings.Contains(strings.Join(got["s1"].Notes, "\n"), "whole flow") {
		t.Errorf("the note on where the quantity came from is lost: %v", got["s1"].Notes)
	}
}
