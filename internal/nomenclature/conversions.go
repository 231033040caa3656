package nomenclature

import (
	"strconv"
	"sync"
)

// Conversion says that an output of one taxonomy node can feed an input of
// another — wood waste feeds a biomass boiler — beyond the same node and
// parent or child, which the matching engine handles itself.
type Conversion struct {
	From, To string
	Score    float64 // 0..1: how strong and usual the substitution is
	ReasonFR string
	ReasonEN string
}

var loadConversions = sync.OnceValue(func() []Conversion {
	var out []Conversion
	for _, r := range mustLoad(readCSV("conversions.csv")) {
		score, err := strconv.ParseFloat(r["score"], 64)
		if err != nil {
			panic("nomenclature: conversions.csv: score " + r["score"] + ": " + err.Error())
		}
		out = append(out, Conversion{From: r["from"], To: r["to"], Score: score, ReasonFR: r["reason_fr"], ReasonEN: r["reason_en"]})
	}
	return out
})

// Conversions returns the conversion rules between taxonomy nodes.
func Conversions() []Conversion { return append([]Conversion(nil), loadConversions()...) }
