package matching

import (
	"fmt"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"

	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

// Substitution is one candidate exchange: an output of one company that
// can feed an input of another.
type Substitution struct {
	OutputFlowID    string   `json:"output_flow_id"`
	OutputCompanyID string   `json:"output_company_id"`
	InputFlowID     string   `json:"input_flow_id"`
	InputCompanyID  string   `json:"input_company_id"`
	Resource        string   `json:"resource"`       // what the output is
	InputResource   string   `json:"input_resource"` // what the input needs
	Score           float64  `json:"score"`
	DistanceKm      *float64 `json:"distance_km"` // null when a company has no coordinates
	Coverage        *float64 `json:"coverage,omitempty"`
	Reasons         []string `json:"reasons"`
	ReasonsFR       []string `json:"reasons_fr"`
}

// Weights of the score, documented in docs/matching.md:
// score = compatibility × (base + distance part + quantity part).
const (
	scoreBase     = 0.55
	scoreDistance = 0.30
	scoreQuantity = 0.15
)

// radiusKm is how far an output of a resource may travel to a receiver:
// heat and water a few km, dry bulk materials far more.
func (e *Engine) radiusKm(resource string) float64 {
	if e.opt.RadiusKm > 0 {
		return e.opt.RadiusKm
	}
	for _, r := range radii {
		if resource == r.prefix || strings.HasPrefix(resource, r.prefix+".") {
			return r.km
		}
	}
	res, _ := nomenclature.LookupResource(resource)
	switch res.Family {
	case model.FamilyEquipment, model.FamilyService, model.FamilySkill, model.FamilySpace:
		return 50
	case model.FamilyLogistics:
		return 300
	}
	return 200
}

// radii are the per-resource travel limits, most specific first.
var radii = []struct {
	prefix string
	km     float64
}{
	{"energy.heat", 25}, {"energy.cold", 10}, {"energy.compressed_air", 2}, {"water", 20},
	{"energy.gas", 20}, {"energy.biogas", 20}, {"energy.hydrogen", 20}, {"energy.electricity", 20},
	{"energy.solid_fuel", 150}, {"energy.liquid_fuel", 200},
	{"mineral", 80}, {"ash", 80}, {"gypsum", 120}, {"organic", 80},
}

// pairAs scores an output read as resource outRes against an input read as
// inRes, each reading weighted by how likely it is.
func (e *Engine) pairAs(in, out *flow, inRes, outRes string, c compat, km float64, located bool) (Substitution, bool) {
	w := in.weightOf(inRes) * out.weightOf(outRes)
	if w == 0 {
		return Substitution{}, false
	}
	c.score *= w
	s, ok := e.pair(in, out, c, km, located)
	if ok && w < 1 {
		s.Reasons = append(s.Reasons, fmt.Sprintf("uncertain reading of the labels: %s for %s", outRes, inRes))
		s.ReasonsFR = append(s.ReasonsFR, fmt.Sprintf("lecture incertaine des intitulés : %s pour %s", label(outRes, "fr"), label(inRes, "fr")))
	}
	return s, ok
}

// pair scores an output against an input; ok is false when the output
// cannot feed the input at all.
func (e *Engine) pair(in, out *flow, c compat, km float64, located bool) (Substitution, bool) {
	if in.company == out.company {
		return Substitution{}, false
	}
	if out.hazardous && !in.acceptsHaz {
		return Substitution{}, false
	}
	if !datesOverlap(out.m, in.m) {
		return Substitution{}, false
	}
	if out.hasTemp && in.hasTemp && isHeat(out.m.Resource) && out.temp+5 < in.temp {
		return Substitution{}, false // heat does not flow uphill
	}
	s := Substitution{OutputFlowID: out.m.ExtID, OutputCompanyID: out.company.id, InputFlowID: in.m.ExtID,
		InputCompanyID: in.company.id, Resource: out.m.Resource, InputResource: in.m.Resource}
	s.Reasons, s.ReasonsFR = []string{c.reasonEN}, []string{c.reasonFR}
	distance := 0.5
	if located {
		d := math.Round(km*10) / 10
		s.DistanceKm = &d
		distance = 1 / (1 + km/(e.radiusKm(out.m.Resource)/4))
		s.Reasons = append(s.Reasons, fmt.Sprintf("%s km apart", formatKm(d, ".")))
		s.ReasonsFR = append(s.ReasonsFR, fmt.Sprintf("à %s km", formatKm(d, ",")))
	} else {
		s.Reasons = append(s.Reasons, "distance unknown (no coordinates)")
		s.ReasonsFR = append(s.ReasonsFR, "distance inconnue (coordonnées manquantes)")
	}
	quantity := 0.5
	if out.hasQty && in.hasQty {
		if ratio, ok := coverage(out.qty, in.qty, out.dim, in.dim); ok {
			r := math.Round(ratio*100) / 100
			s.Coverage = &r
			quantity = math.Min(1, ratio)
			if ratio >= 1 {
				s.Reasons = append(s.Reasons, "supply covers the whole need")
				s.ReasonsFR = append(s.ReasonsFR, "l'offre couvre tout le besoin")
			} else {
				pct := max(1, int(math.Round(ratio*100)))
				s.Reasons = append(s.Reasons, fmt.Sprintf("supply covers %d%% of need", pct))
				s.ReasonsFR = append(s.ReasonsFR, fmt.Sprintf("l'offre couvre %d %% du besoin", pct))
			}
		}
	}
	if out.hazardous {
		s.Reasons = append(s.Reasons, "hazardous: the receiver accepts hazardous material")
		s.ReasonsFR = append(s.ReasonsFR, "dangereux : le receveur accepte les matières dangereuses")
	}
	s.Score = math.Round(c.score*(scoreBase+scoreDistance*distance+scoreQuantity*quantity)*10000) / 10000
	return s, true
}

func formatKm(d float64, sep string) string {
	return strings.Replace(fmt.Sprintf("%.1f", d), ".", sep, 1)
}

// isHeat reports whether a node is heat (steam, hot water, low-grade heat).
func isHeat(code string) bool {
	return code == "energy.heat" || nomenclature.IsAncestor("energy.heat", code)
}

// datesOverlap reports whether two flows' availability periods meet; an
// open end overlaps everything.
func datesOverlap(a, b model.Flow) bool {
	if a.AvailableUntil != "" && b.AvailableFrom != "" && a.AvailableUntil < b.AvailableFrom {
		return false
	}
	if b.AvailableUntil != "" && a.AvailableFrom != "" && b.AvailableUntil < a.AvailableFrom {
		return false
	}
	return true
}

// better orders candidates: higher score, then nearer, then by ids.
func better(a, b Substitution) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	da, db := math.Inf(1), math.Inf(1)
	if a.DistanceKm != nil {
		da = *a.DistanceKm
	}
	if b.DistanceKm != nil {
		db = *b.DistanceKm
	}
	if da != db {
		return da < db
	}
	if a.OutputFlowID != b.OutputFlowID {
		return a.OutputFlowID < b.OutputFlowID
	}
	return a.InputFlowID < b.InputFlowID
}

// betterReading chooses between two readings of the same output for the
// same input: the better candidate, and between equals the first by reasons,
// so that the choice never depends on the order of computation.
func betterReading(a, b Substitution) bool {
	if better(a, b) || better(b, a) {
		return better(a, b)
	}
	return strings.Join(a.Reasons, "\n") < strings.Join(b.Reasons, "\n")
}

// candidatesFor computes the ranked candidates of one input flow.
func (e *Engine) candidatesFor(in *flow) []Substitution {
	if in.m.Direction != model.Input || in.m.Resource == "" {
		return nil
	}
	best := map[string]Substitution{} // by output flow: its best reading
	for _, inAlt := range in.alts {
		feeding := e.rules.feeding(inAlt.res)
		for _, outRes := range sortedKeys(feeding) {
			c := feeding[outRes]
			e.near(e.outputs[outRes], in.company, e.radiusKm(outRes), func(out *flow, km float64, located bool) {
				if s, ok := e.pairAs(in, out, inAlt.res, outRes, c, km, located); ok {
					if prev, seen := best[out.m.ExtID]; !seen || betterReading(s, prev) {
						best[out.m.ExtID] = s
					}
				}
			})
		}
	}
	list := make([]Substitution, 0, len(best))
	for _, s := range best {
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool { return better(list[i], list[j]) })
	if len(list) > e.opt.Top {
		list = list[:e.opt.Top:e.opt.Top]
	}
	return list
}

// matchAll computes every input's candidates, spread over the processors.
func (e *Engine) matchAll() {
	var inputs []*flow
	for _, f := range e.flows {
		if f.m.Direction == model.Input && f.m.Resource != "" {
			inputs = append(inputs, f)
		}
	}
	results := make([][]Substitution, len(inputs))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(inputs); i += workers {
				results[i] = e.candidatesFor(inputs[i])
			}
		}()
	}
	wg.Wait()
	e.candidates = make(map[string][]Substitution, len(inputs))
	for i, in := range inputs {
		if len(results[i]) > 0 {
			e.candidates[in.m.ExtID] = results[i]
		}
	}
}

// Substitutions returns every candidate, best first: at most Top per input.
func (e *Engine) Substitutions() []Substitution {
	e.mu.RLock()
	defer e.mu.RUnlock()
	var all []Substitution
	for _, list := range e.candidates {
		all = append(all, list...)
	}
	sort.Slice(all, func(i, j int) bool { return better(all[i], all[j]) })
	return all
}

// CandidatesFor returns the ranked candidates of one input flow.
func (e *Engine) CandidatesFor(inputFlowID string) []Substitution {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return append([]Substitution(nil), e.candidates[inputFlowID]...)
}
