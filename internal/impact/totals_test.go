package impact

import (
	"math"
	"strconv"
	"testing"
)

func TestTotals(t *testing.T) {
	in := []Dated{
		{Year: 2025, Result: Result{TonnesDiverted: 100, Co2eAvoidedT: 115.5, EurosSaved: 20000, Notes: []string{"x"}}},
		{Year: 2024, Result: Result{EnergySavedMWh: 800, Co2eAvoidedT: 162.6}},
		{Year: 2025, Result: Result{WaterSavedM3: 10000, Co2eAvoidedT: 1.9, EurosSaved: 500}},
		{Year: 0, Result: Result{EurosSaved: 4500}},
	}
	byYear, overall := Totals(in)
	want := []Total{
		{Year: 0, Synergies: 1, Result: Result{EurosSaved: 4500}},
		{Year: 2024, Synergies: 1, Result: Result{EnergySavedMWh: 800, Co2eAvoidedT: 162.6}},
		{Year: 2025, Synergies: 2, Result: Result{TonnesDiverted: 100, Co2eAvoidedT: 117.4, EurosSaved: 20500, WaterSavedM3: 10000}},
	}
	if len(byYear) != len(want) {
		t.Fatalf("got %d years, want %d", len(byYear), len(want))
	}
	for i := range want {
		t.Run(strconv.Itoa(want[i].Year), func(t *testing.T) { sameTotal(t, byYear[i], want[i]) })
	}
	t.Run("overall", func(t *testing.T) {
		sameTotal(t, overall, Total{Synergies: 4, Result: Result{TonnesDiverted: 100, Co2eAvoidedT: 280,
			EurosSaved: 25000, WaterSavedM3: 10000, EnergySavedMWh: 800}})
	})
	if b, o := Totals(nil); len(b) != 0 || o.Synergies != 0 {
		t.Errorf("Totals(nil) = %v, %v", b, o)
	}
}

func sameTotal(t *testing.T, got, want Total) {
	t.Helper()
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if got.Year != want.Year || got.Synergies != want.Synergies || !near(got.TonnesDiverted, want.TonnesDiverted) ||
		!near(got.Co2eAvoidedT, want.Co2eAvoidedT) || !near(got.EurosSaved, want.EurosSaved) ||
		!near(got.WaterSavedM3, want.WaterSavedM3) || !near(got.EnergySavedMWh, want.EnergySavedMWh) || len(got.Notes) != 0 {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestYearOf(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
	}{
		{"date", "2025-03-14", 2025},
		{"year only", "2024", 2024},
		{"empty", "", 0},
		{"garbage", "mars 2025", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := YearOf(tt.in); got != tt.want {
				t.Errorf("YearOf(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}
