package impact

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"symbiose/internal/matching"
	"symbiose/internal/model"
)

// RoadDetour turns a straight-line distance into a road one: French road
// distances between two sites average about 1.3 times the crow-fly one.
const RoadDetour = 1.3

// Dataset computes the yearly impact of every synergy of a dataset, keyed
// by the synergy's id, filling what the synergy does not say from its
// flows and companies.
func Dataset(ds model.Dataset, f *Factors) map[string]Result {
	flows := make(map[string]model.Flow, len(ds.Flows))
	for _, fl := range ds.Flows {
		flows[fl.ExtID] = fl
	}
	companies := make(map[string]model.Company, len(ds.Companies))
	for _, c := range ds.Companies {
		companies[c.ExtID] = c
	}
	out := make(map[string]Result, len(ds.Synergies))
	for _, s := range ds.Synergies {
		in, notes := InputFor(s, flows, companies)
		r := Compute(in, f)
		r.Notes = append(notes, r.Notes...)
		out[s.ExtID] = r
	}
	return out
}

// InputFor gathers what Compute needs about one synergy: its own quantity,
// resource and savings, the treatment and costs of its flows, the distance
// between its companies. The notes say where each figure came from.
func InputFor(s model.Synergy, flows map[string]model.Flow, companies map[string]model.Company) (Input, []string) {
	var notes []string
	out, hasOut := flows[s.OutputFlowExtID]
	in, hasIn := flows[s.InputFlowExtID]
	x := Input{Type: s.Type, Resource: s.Resource, Unit: s.Unit, Period: s.Period}
	if s.Quantity != nil {
		x.Quantity = *s.Quantity
	}
	if x.Resource == "" {
		x.Resource = cmp.Or(out.Resource, in.Resource)
	}
	x.Family = cmp.Or(out.Family, in.Family)
	if s.Quantity == nil && hasOut && out.Quantity != nil {
		x.Quantity, x.Unit, x.Period = *out.Quantity, out.Unit, out.Period
		notes = append(notes, "no quantity on the synergy: the supplier's whole flow is counted")
	}
	if hasOut {
		x.OutputTreatment = out.Treatment
		if out.CostEUR != nil {
			x.DisposalCostEUR = *out.CostEUR * share(x, out, &notes, "disposal")
		}
	}
	if hasIn && in.CostEUR != nil {
		x.PurchaseCostEUR = *in.CostEUR * share(x, in, &notes, "purchase")
	}
	if v := s.Attrs["savings_eur"]; v != "" {
		if eur, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(v), ",", "."), 64); err == nil {
			x.SavingsEUR = eur
		} else {
			notes = append(notes, fmt.Sprintf("savings_eur %q is not a number: ignored", v))
		}
	}
	from, to := companies[cmp.Or(out.CompanyExtID, s.OutputCompExtID)], companies[cmp.Or(in.CompanyExtID, s.InputCompExtID)]
	if from.HasLocation() && to.HasLocation() {
		x.DistanceKm = matching.DistanceKm(*from.Lat, *from.Lon, *to.Lat, *to.Lon) * RoadDetour
		notes = append(notes, fmt.Sprintf("road distance estimated at %.1f km (straight line × %.1f)", x.DistanceKm, RoadDetour))
	}
	return x, notes
}

// share is the part of a flow's yearly cost the synergy avoids: the
// exchanged quantity over the flow's, when both are in the same unit, the
// whole cost otherwise.
func share(x Input, fl model.Flow, notes *[]string, what string) float64 {
	if fl.Quantity == nil || *fl.Quantity <= 0 || x.Quantity <= 0 || fl.Unit != x.Unit {
		return 1
	}
	flowYear := *fl.Quantity * periodsPerYear(fl.Period)
	exchangedYear := x.Quantity * periodsPerYear(x.Period)
	if exchangedYear >= flowYear {
		return 1
	}
	r := exchangedYear / flowYear
	*notes = append(*notes, fmt.Sprintf("%s cost counted for %.0f %% of the flow (the part exchanged)", what, r*100))
	return r
}

func periodsPerYear(p string) float64 {
	if n, ok := perYear[strings.ToLower(p)]; ok {
		return n
	}
	return 1
}
