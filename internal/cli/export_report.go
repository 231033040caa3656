package cli

import (
	"maps"
	"math"
	"strconv"

	"symbiose/internal/impact"
	"symbiose/internal/model"
	"symbiose/internal/synergy"
)

// withFollowUpAndImpact adds to each synergy of an export the columns a
// facilitator reports on: its follow-up in the pipeline and its yearly
// impact (internal/impact, method in docs/impact.md). They go out as extra
// columns of the synergies file, after the specification's.
func withFollowUpAndImpact(ds *model.Dataset) error {
	factors, err := impact.Default()
	if err != nil {
		return err
	}
	results := impact.Dataset(*ds, factors)
	flows := make(map[string]model.Flow, len(ds.Flows))
	for _, f := range ds.Flows {
		flows[f.ExtID] = f
	}
	for i, s := range ds.Synergies {
		attrs := maps.Clone(s.Attrs)
		if attrs == nil {
			attrs = map[string]string{}
		}
		set := func(k, v string) {
			if v != "" {
				attrs[k] = v
			} else {
				delete(attrs, k)
			}
		}
		set("nature", synergy.Nature(s, flows)) // guessed when the facilitator did not choose
		set("owner", s.OwnerEmail)
		set("next_action", s.NextAction)
		set("next_action_on", s.NextActionOn)
		set("abandon_reason", s.AbandonReason)
		if !s.UpdatedAt.IsZero() {
			set("updated_on", s.UpdatedAt.Format("2006-01-02"))
		}
		r := results[s.ExtID]
		for col, v := range map[string]float64{"tonnes_diverted": r.TonnesDiverted, "co2e_avoided_t": r.Co2eAvoidedT,
			"euros_saved": r.EurosSaved, "water_saved_m3": r.WaterSavedM3, "energy_saved_mwh": r.EnergySavedMWh} {
			attrs[col] = strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
		}
		ds.Synergies[i].Attrs = attrs
	}
	return nil
}
