package impact

import (
	"fmt"
	"strings"

	"symbiose/internal/model"
)

// Input is what Compute needs to know about one synergy. Quantities are the
// synergy's own (what is actually exchanged); costs are yearly and come from
// the flows when known.
type Input struct {
	Type            string // model.Substitution or model.Mutualisation
	Resource        string // taxonomy code, e.g. wood.pallet
	Quantity        float64
	Unit            string  // t, kg, m3, L, MWh, kWh
	Period          string  // year, month, week, day, once
	Family          string  // flow family: waste, material, energy, water…
	OutputTreatment string  // landfill, incineration, energy_recovery, recycling, reuse, other, ""
	DisposalCostEUR float64 // yearly cost of disposing of the output, 0 if unknown
	PurchaseCostEUR float64 // yearly cost of buying the input, 0 if unknown
	DistanceKm      float64 // road distance between the two sites, 0 if unknown or piped
	SavingsEUR      float64 // mutualisation only: yearly savings estimated by the facilitator
}

// Result is the yearly impact of one synergy. Notes explain every factor
// used and every assumption made, so a facilitator can defend the figures.
type Result struct {
	TonnesDiverted float64 // tonnes a year no longer landfilled or incinerated
	Co2eAvoidedT   float64 // tonnes CO2e a year; negative when transport outweighs the gain
	EurosSaved     float64
	WaterSavedM3   float64
	EnergySavedMWh float64
	Notes          []string
}

// perYear is how many times a period fits in a year, as in the matching
// package: a "day" is a working day, 250 a year.
var perYear = map[string]float64{"year": 1, "month": 12, "week": 52, "day": 250, "once": 1, "": 1}

// unitBase maps a unit to its dimension and its factor to t, m3 or MWh.
var unitBase = map[string]struct {
	dim    string
	factor float64
}{
	"t": {"mass", 1}, "kg": {"mass", 0.001},
	"m3": {"volume", 1}, "L": {"volume", 0.001},
	"MWh": {"energy", 1}, "kWh": {"energy", 0.001},
}

// Compute returns the yearly impact of one synergy. The method is in
// docs/impact.md; in short:
//   - mutualisation: no material changes hands, so only SavingsEUR counts;
//   - energy units: MWh saved, CO2e = MWh × the energy factor;
//   - water: m3 saved, CO2e = m3 × the water supply factor;
//   - mass (or m3 of a waste or material at 1 t/m3): tonnes diverted when the
//     output was landfilled, incinerated or of unknown fate, and CO2e =
//     avoided production + avoided disposal − transport.
//
// Euros saved are the disposal and purchase costs avoided, as given.
func Compute(in Input, f *Factors) Result {
	var r Result
	note := func(format string, args ...any) { r.Notes = append(r.Notes, fmt.Sprintf(format, args...)) }

	if strings.EqualFold(in.Type, model.Mutualisation) {
		r.EurosSaved = in.SavingsEUR
		note("mutualisation: no material replaces another, so no tonnes, CO2e, water or energy are counted")
		if in.SavingsEUR == 0 {
			note("mutualisation: no savings figure given, euros saved left at 0")
		}
		return r
	}

	// Costs are yearly already: they count even when the quantity is unknown.
	r.EurosSaved = in.DisposalCostEUR + in.PurchaseCostEUR
	if in.Quantity <= 0 {
		note("no quantity: only euros are counted")
		return r
	}
	times, ok := perYear[strings.ToLower(in.Period)]
	if !ok {
		times = 1
		note("period %q unknown: quantity counted once a year", in.Period)
	}
	u, ok := unitBase[in.Unit]
	if !ok {
		note("unit %q has no mass, volume or energy equivalent: no physical impact counted", in.Unit)
		return r
	}
	qty := in.Quantity * u.factor * times // t, m3 or MWh a year

	switch {
	case u.dim == "energy":
		computeEnergy(&r, in, qty, f, note)
	case isWater(in):
		computeWater(&r, in, qty, f, note)
	case u.dim == "mass":
		computeMaterial(&r, in, qty, f, note)
	case in.Family == model.FamilyWaste || in.Family == model.FamilyMaterial:
		// Liquid wastes and materials (whey, oils, sludges) are mostly water:
		// 1 t/m3 is close enough and better than nothing.
		note("%.4g m3 counted as %.4g t (density 1)", qty, qty)
		computeMaterial(&r, in, qty, f, note)
	default:
		note("volume of a %q flow: no tonnes or CO2e counted", in.Family)
	}
	return r
}

// isWater says whether the exchanged resource is water, by code or, when no
// code is set, by family.
func isWater(in Input) bool {
	code := strings.ToLower(in.Resource)
	if code == "" {
		return in.Family == model.FamilyWater
	}
	return code == "water" || strings.HasPrefix(code, "water.")
}

func computeEnergy(r *Result, in Input, mwh float64, f *Factors, note func(string, ...any)) {
	r.EnergySavedMWh = mwh
	if in.DistanceKm > 0 {
		note("energy is piped or wired: distance ignored")
	}
	fa, ok := f.Lookup(in.Resource, KindEnergy)
	if !ok {
		note("no energy factor for %q: CO2e not counted", in.Resource)
		return
	}
	r.Co2eAvoidedT = mwh * fa.Value / 1000
	note("%.4g MWh × %.5g %s (%s)", mwh, fa.Value, fa.Unit, fa.Source)
}

func computeWater(r *Result, in Input, qty float64, f *Factors, note func(string, ...any)) {
	r.WaterSavedM3 = qty // t and m3 are the same for water
	if in.DistanceKm > 0 {
		note("water is assumed piped: distance ignored")
	}
	fa, ok := f.Lookup(in.Resource, KindWater)
	if !ok {
		fa, ok = f.Lookup("water", KindWater) // a water-family flow without a water code
	}
	if !ok {
		note("no water factor: CO2e not counted")
		return
	}
	r.Co2eAvoidedT = qty * fa.Value / 1000
	note("%.4g m3 × %.5g %s (%s)", qty, fa.Value, fa.Unit, fa.Source)
}

// TonnesPerYear converts a quantity given by mass to tonnes a year; false
// when the unit is not a mass.
func TonnesPerYear(quantity float64, unit, period string) (float64, bool) {
	u, ok := unitBase[unit]
	if !ok || u.dim != "mass" {
		return 0, false
	}
	times, ok := perYear[strings.ToLower(period)]
	if !ok {
		times = 1
	}
	return quantity * u.factor * times, true
}
