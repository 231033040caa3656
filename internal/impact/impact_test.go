package impact

import (
	"math"
	"strings"
	"testing"
)

// The expected figures are worked by hand from factors.csv; the arithmetic
// is in each case's comment so a reviewer can redo it.
func TestCompute(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		in       Input
		want     Result // Notes ignored here, see wantNote
		wantNote string
	}{
		{
			// 100 × (230.96128 + 925.34348) − 100 × 5 × 0.10163 = 115 579.661 kg
			name: "wood pallets from landfill to reuse 5 km away",
			in: Input{Type: "substitution", Resource: "wood.pallet", Quantity: 100, Unit: "t", Period: "year",
				Family: "waste", OutputTreatment: "landfill", DisposalCostEUR: 8000, PurchaseCostEUR: 12000, DistanceKm: 5},
			want:     Result{TonnesDiverted: 100, Co2eAvoidedT: 115.579661, EurosSaved: 20000},
			wantNote: "transport",
		},
		{
			// 800 × 182.96 / 0.9 (rounded 203.28889) = 162 631.112 kg
			name:     "800 MWh of recovered hot water",
			in:       Input{Type: "substitution", Resource: "energy.heat.hot_water", Quantity: 800, Unit: "MWh", Period: "year", Family: "energy", DistanceKm: 1},
			want:     Result{Co2eAvoidedT: 162.631112, EnergySavedMWh: 800},
			wantNote: "0.9 boiler efficiency",
		},
		{
			// 800 000 kWh = 800 MWh, same as above
			name: "heat given in kWh",
			in:   Input{Resource: "energy.heat", Quantity: 800000, Unit: "kWh", Period: "year"},
			want: Result{Co2eAvoidedT: 162.631112, EnergySavedMWh: 800},
		},
		{
			// 100 × 177 = 17 700 kg
			name:     "grid electricity is a UK proxy",
			in:       Input{Resource: "energy.electricity", Quantity: 100, Unit: "MWh", Period: "year"},
			want:     Result{Co2eAvoidedT: 17.7, EnergySavedMWh: 100},
			wantNote: "proxy",
		},
		{
			// 10 000 × 0.1913 = 1 913 kg
			name: "10 000 m3 of process water",
			in:   Input{Resource: "water.process", Quantity: 10000, Unit: "m3", Period: "year", Family: "water", DistanceKm: 3},
			want: Result{Co2eAvoidedT: 1.913, WaterSavedM3: 10000},
		},
		{
			name: "water family without a code",
			in:   Input{Quantity: 1000, Unit: "m3", Period: "year", Family: "water"},
			want: Result{Co2eAvoidedT: 0.1913, WaterSavedM3: 1000},
		},
		{
			// 2 t × 12 = 24 t; 24 × 101.611 = 2 438.664 kg, no disposal claimed
			name:     "unknown treatment",
			in:       Input{Resource: "paper.cardboard", Quantity: 2, Unit: "t", Period: "month", Family: "waste"},
			want:     Result{TonnesDiverted: 24, Co2eAvoidedT: 2.438664},
			wantNote: "treatment unknown",
		},
		{
			name:     "mutualisation without savings",
			in:       Input{Type: "mutualisation", Resource: "service.waste_collection", Quantity: 50, Unit: "t", OutputTreatment: "landfill", DisposalCostEUR: 900},
			want:     Result{},
			wantNote: "no savings figure",
		},
		{
			name:     "mutualisation with savings",
			in:       Input{Type: "mutualisation", Resource: "service.waste_collection", SavingsEUR: 4500},
			want:     Result{EurosSaved: 4500},
			wantNote: "mutualisation",
		},
		{
			name:     "already recycled scrap counts euros only",
			in:       Input{Resource: "metal.ferrous.scrap", Quantity: 50, Unit: "t", Period: "year", OutputTreatment: "recycling", PurchaseCostEUR: 3000},
			want:     Result{EurosSaved: 3000},
			wantNote: "counted twice",
		},
		{
			// 10 × (1265 + 4.68568) = 12 696.8568 kg, not diverted
			name: "PP from energy recovery",
			in:   Input{Resource: "plastic.pp.rigid", Quantity: 10, Unit: "t", Period: "year", OutputTreatment: "energy_recovery"},
			want: Result{Co2eAvoidedT: 12.6968568},
		},
		{
			// 0.5 t × 250 days = 125 t; 125 × (8120.82341 + 8.98311) = 1 016 225.815 kg
			name: "aluminium in kg per working day",
			in:   Input{Resource: "metal.non_ferrous.aluminium", Quantity: 500, Unit: "kg", Period: "day", OutputTreatment: "landfill"},
			want: Result{TonnesDiverted: 125, Co2eAvoidedT: 1016.225815},
		},
		{
			// whey has no production factor; 100 × 656.08614 = 65 608.614 kg
			name:     "liquid waste in m3 at density 1",
			in:       Input{Resource: "organic.dairy.whey", Quantity: 100, Unit: "m3", Period: "year", Family: "waste", OutputTreatment: "landfill"},
			want:     Result{TonnesDiverted: 100, Co2eAvoidedT: 65.608614},
			wantNote: "density 1",
		},
		{
			// 1 × (4.57471 + 1.26338) − 1 × 100 × 0.10163 = −4.32491 kg
			name: "transport can outweigh a small gain",
			in:   Input{Resource: "mineral.aggregate", Quantity: 1, Unit: "t", Period: "once", OutputTreatment: "landfill", DistanceKm: 100},
			want: Result{TonnesDiverted: 1, Co2eAvoidedT: -0.00432491},
		},
		{
			name:     "unit without mass keeps euros",
			in:       Input{Resource: "wood.pallet", Quantity: 300, Unit: "pallet", Period: "year", DisposalCostEUR: 600},
			want:     Result{EurosSaved: 600},
			wantNote: "no mass, volume or energy",
		},
		{
			name:     "no quantity",
			in:       Input{Resource: "wood", Unit: "t", DisposalCostEUR: 100, PurchaseCostEUR: 50},
			want:     Result{EurosSaved: 150},
			wantNote: "no quantity",
		},
		{
			name:     "unknown period counted once",
			in:       Input{Resource: "glass", Quantity: 10, Unit: "t", Period: "fortnight", OutputTreatment: "other"},
			want:     Result{Co2eAvoidedT: 5.7957713},
			wantNote: "period",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compute(tt.in, f)
			check := func(field string, got, want float64) {
				if math.Abs(got-want) > 1e-6 {
					t.Errorf("%s = %.9g, want %.9g", field, got, want)
				}
			}
			check("TonnesDiverted", got.TonnesDiverted, tt.want.TonnesDiverted)
			check("Co2eAvoidedT", got.Co2eAvoidedT, tt.want.Co2eAvoidedT)
			check("EurosSaved", got.EurosSaved, tt.want.EurosSaved)
			check("WaterSavedM3", got.WaterSavedM3, tt.want.WaterSavedM3)
			check("EnergySavedMWh", got.EnergySavedMWh, tt.want.EnergySavedMWh)
			if len(got.Notes) == 0 {
				t.Error("no notes: every result must explain itself")
			}
			if tt.wantNote != "" && !strings.Contains(strings.Join(got.Notes, "\n"), tt.wantNote) {
				t.Errorf("notes %q lack %q", got.Notes, tt.wantNote)
			}
		})
	}
}

func TestComputeNilFactors(t *testing.T) {
	got := Compute(Input{Resource: "wood", Quantity: 10, Unit: "t", OutputTreatment: "landfill"}, nil)
	if got.TonnesDiverted != 10 || got.Co2eAvoidedT != 0 {
		t.Errorf("without factors: %+v, want 10 t diverted and no CO2e", got)
	}
}
