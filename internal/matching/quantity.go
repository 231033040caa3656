package matching

import "strings"

// perYear is how many times a period fits in a year. A "day" counts as a
// working day (250 a year): industrial flows follow the working calendar.
var perYear = map[string]float64{"year": 1, "month": 12, "week": 52, "day": 250, "once": 1, "": 1}

// unitBase maps a unit to its dimension and factor to the dimension's base
// unit (tonne, cubic metre, MWh…).
var unitBase = map[string]struct {
	dim    string
	factor float64
}{
	"t": {"mass", 1}, "kg": {"mass", 0.001},
	"m3": {"volume", 1}, "L": {"volume", 0.001},
	"MWh": {"energy", 1}, "kWh": {"energy", 0.001},
	"unit": {"unit", 1}, "pallet": {"pallet", 1}, "h": {"time", 1}, "m2": {"area", 1},
}

// baseUnit names the base unit of each dimension.
var baseUnit = map[string]string{"mass": "t", "volume": "m3", "energy": "MWh", "unit": "unit", "pallet": "pallet", "time": "h", "area": "m2"}

// yearly converts a quantity to its dimension's base unit per year. ok is
// false when the quantity or unit is unknown.
func yearly(qty *float64, unit, period string) (value float64, dim string, ok bool) {
	if qty == nil || *qty <= 0 {
		return 0, "", false
	}
	u, known := unitBase[unit]
	if !known {
		return 0, "", false
	}
	p, known := perYear[strings.ToLower(period)]
	if !known {
		p = 1
	}
	return *qty * u.factor * p, u.dim, true
}

// coverage is supply over need for two yearly quantities of one dimension.
// Liquids given in tonnes on one side and cubic metres on the other are
// compared at a density of 1, which holds for the watery flows that are
// usually written so.
func coverage(supply, need float64, supplyDim, needDim string) (float64, bool) {
	if supplyDim != needDim {
		massVolume := (supplyDim == "mass" && needDim == "volume") || (supplyDim == "volume" && needDim == "mass")
		if !massVolume {
			return 0, false
		}
	}
	if need <= 0 {
		return 0, false
	}
	return supply / need, true
}
