package matching

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

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
		return 40
	case model.FamilyLogistics:
		return 200
	}
	return 100
}

// radii are the per-resource travel limits, most specific first.
var radii = []struct {
	prefix string
	km     float64
}{
	{"energy.heat", 25}, {"energy.cold", 10}, {"energy.compressed_air", 2}, {"water", 20},
	{"energy.gas", 20}, {"energy.biogas", 20}, {"energy.hydrogen", 20}, {"energy.electricity", 20},
	{"energy.solid_fuel", 100}, {"energy.liquid_fuel", 150},
	{"mineral", 60}, {"ash", 60}, {"gypsum", 100}, {"organic", 60},
}

// rating is a candidate before it is explained: enough to rank it.
type rating struct {
	out           *flow
	inRes, outRes string
	c             compat // weighted by how likely both readings are
	km            float64
	located       bool
	ratio         float64 // supply over need, when hasRatio
	hasRatio      bool
	score         float64
	dist          float64 // km rounded to 0.1, +Inf when unknown
}

// rate scores an output read as resource outRes against an input read as
// inRes; ok is false when the output cannot feed the input at all, or
// scores below floor (a candidate list's last score, -1 for none), where
// nothing else need be checked.
func (e *Engine) rate(in, out *flow, inRes, outRes string, c compat, km float64, located bool, floor float64) (rating, bool) {
	if in.company == out.company {
		return rating{}, false
	}
	w := in.weightOf(inRes) * out.weightOf(outRes)
	if w == 0 {
		return rating{}, false
	}
	r := rating{out: out, inRes: inRes, outRes: outRes, c: c, km: km, located: located, dist: math.Inf(1)}
	r.c.score *= w
	distance := 0.5
	if located {
		r.dist = math.Round(km*10) / 10
		distance = 1 / (1 + km/(out.radius/4))
	}
	quantity := 0.5
	if out.hasQty && in.hasQty {
		if ratio, ok := coverage(out.qty, in.qty, out.dim, in.dim); ok {
			r.ratio, r.hasRatio = ratio, true
			quantity = math.Min(1, ratio)
		}
	}
	r.score = math.Round(r.c.score*(scoreBase+scoreDistance*distance+scoreQuantity*quantity)*10000) / 10000
	if r.score < floor {
		return rating{}, false
	}
	if out.hazardous && !in.acceptsHaz {
		return rating{}, false
	}
	if !datesOverlap(out.m, in.m) {
		return rating{}, false
	}
	if out.hasTemp && in.hasTemp && isHeat(out.m.Resource) && out.temp+5 < in.temp {
		return rating{}, false // heat does not flow uphill
	}
	return r, true
}

// ratedBefore orders the ratings of one input: like better orders
// substitutions, then, between two readings of the same output, by the
// resources read, so that the choice never depends on the order of work.
func ratedBefore(a, b rating) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.dist != b.dist {
		return a.dist < b.dist
	}
	if a.out.m.ExtID != b.out.m.ExtID {
		return a.out.m.ExtID < b.out.m.ExtID
	}
	if a.outRes != b.outRes {
		return a.outRes < b.outRes
	}
	return a.inRes < b.inRes
}

// explain turns a rating into a candidate with its reasons.
func (e *Engine) explain(in *flow, r rating) Substitution {
	out := r.out
	s := Substitution{OutputFlowID: out.m.ExtID, OutputCompanyID: out.company.id, InputFlowID: in.m.ExtID,
		InputCompanyID: in.company.id, Resource: out.m.Resource, InputResource: in.m.Resource, Score: r.score}
	s.Reasons, s.ReasonsFR = []string{r.c.reasonEN}, []string{r.c.reasonFR}
	if r.located {
		d := r.dist
		s.DistanceKm = &d
		s.Reasons = append(s.Reasons, formatKm(d, ".")+" km apart")
		s.ReasonsFR = append(s.ReasonsFR, "à "+formatKm(d, ",")+" km")
	} else {
		s.Reasons = append(s.Reasons, "distance unknown (no coordinates)")
		s.ReasonsFR = append(s.ReasonsFR, "distance inconnue (coordonnées manquantes)")
	}
	if r.hasRatio {
		cov := math.Round(r.ratio*100) / 100
		s.Coverage = &cov
		if r.ratio >= 1 {
			s.Reasons = append(s.Reasons, "supply covers the whole need")
			s.ReasonsFR = append(s.ReasonsFR, "l'offre couvre tout le besoin")
		} else {
			pct := strconv.Itoa(max(1, int(math.Round(r.ratio*100))))
			s.Reasons = append(s.Reasons, "supply covers "+pct+"% of need")
			s.ReasonsFR = append(s.ReasonsFR, "l'offre couvre "+pct+" % du besoin")
		}
	}
	if out.hazardous {
		s.Reasons = append(s.Reasons, "hazardous: the receiver accepts hazardous material")
		s.ReasonsFR = append(s.ReasonsFR, "dangereux : le receveur accepte les matières dangereuses")
	}
	if r.outRes != out.m.Resource || r.inRes != in.m.Resource {
		s.Reasons = append(s.Reasons, fmt.Sprintf("uncertain reading of the labels: %s for %s", r.outRes, r.inRes))
		s.ReasonsFR = append(s.ReasonsFR, fmt.Sprintf("lecture incertaine des intitulés : %s pour %s", label(r.outRes, "fr"), label(r.inRes, "fr")))
	}
	return s
}

func formatKm(d float64, sep string) string {
	return strings.Replace(strconv.FormatFloat(d, 'f', 1, 64), ".", sep, 1)
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

// searchFractions are the growing shares of each resource's radius that
// candidatesFor searches in turn: most needs fill their top from nearby
// supplies, and the search stops as soon as nothing farther can rank.
var searchFractions = []float64{1.0 / 4, 1}

// candidatesFor computes the best limit candidates of one input flow, as
// ratings: reasons are written when results are read.
func (e *Engine) candidatesFor(in *flow, limit int) []rating {
	if in.m.Direction != model.Input || in.m.Resource == "" {
		return nil
	}
	t := topList{n: limit, items: make([]rating, 0, limit+1)}
	floor, consider := t.floor, t.consider
	best := 0.0 // the highest compatibility any reading offers: bounds farther scores
	for _, inAlt := range in.alts {
		best = max(best, e.rules.bestFeeding(inAlt.res)*inAlt.weight)
	}
	inner := 0.0
	for pass, frac := range searchFractions {
		for _, inAlt := range in.alts {
			feeding := e.rules.feeding(inAlt.res)
			for _, outRes := range e.rules.feedingOrder(inAlt.res) {
				idx := e.outputs[outRes]
				if idx == nil || idx.size == 0 {
					continue
				}
				c, radius := feeding[outRes], e.radiusOf(outRes)
				if c.score*inAlt.weight+1e-4 < floor() {
					break // no output of this or any less compatible resource can rank
				}
				lo, hi := radius*inner, radius*frac
				if in.company.located {
					loC, hiC := e.chords.of(lo), e.chords.of(hi)
					if pass == 0 {
						loC = -1
					}
					p := in.company.p
					idx.grid.nearCells(in.company.lat, in.company.lon, hi, func(items []gridItem) {
						for k := range items {
							it := &items[k]
							dx, dy, dz := p.x-it.x, p.y-it.y, p.z-it.z
							if ch := dx*dx + dy*dy + dz*dz; ch > hiC || ch <= loC*(1-2e-9) {
								continue // surely outside the ring; the exact test below decides near its edges
							}
							out := e.slots[it.id]
							if km := distanceKm(p, out.company.p); km <= hi && (pass == 0 || km > lo) {
								if r, ok := e.rate(in, out, inAlt.res, outRes, c, km, true, floor()); ok {
									consider(r)
								}
							}
						}
					})
				} else if pass == 0 {
					e.near(idx, in.company, radius, func(out *flow, km float64, located bool) {
						if r, ok := e.rate(in, out, inAlt.res, outRes, c, km, located, floor()); ok {
							consider(r)
						}
					})
				}
				if pass == 0 && in.company.located {
					for slot := range idx.unlocated { //nolint
						if r, ok := e.rate(in, e.slots[slot], inAlt.res, outRes, c, 0, false, floor()); ok {
							consider(r)
						}
					}
				}
			}
		}
		if !in.company.located {
			break
		}
		// Anything beyond this ring is farther than frac of its radius.
		bound := best*(scoreBase+scoreDistance/(1+4*frac)+scoreQuantity) + 1e-4
		if len(t.items) == t.n && t.items[len(t.items)-1].score > bound {
			break
		}
		inner = frac
	}
	return t.items
}

// topList keeps the best n ratings of one input, one reading per output.
type topList struct {
	n     int
	items []rating
}

// floor is the score to beat to enter a full list, -1 while it is not full.
func (t *topList) floor() float64 {
	if len(t.items) < t.n {
		return -1
	}
	return t.items[len(t.items)-1].score
}

func (t *topList) consider(r rating) {
	for i := range t.items {
		if t.items[i].out == r.out { // another reading of the same output
			if !ratedBefore(r, t.items[i]) {
				return
			}
			t.items = append(t.items[:i], t.items[i+1:]...)
			break
		}
	}
	i := sort.Search(len(t.items), func(i int) bool { return ratedBefore(r, t.items[i]) })
	if i >= t.n {
		return
	}
	t.items = append(t.items, rating{})
	copy(t.items[i+1:], t.items[i:])
	t.items[i] = r
	if len(t.items) > t.n {
		t.items = t.items[:t.n]
	}
}

// matchAll computes every input's candidates, spread over the processors.
func (e *Engine) matchAll() {
	var inputs []*flow
	for _, f := range e.flows {
		if f.m.Direction == model.Input && f.m.Resource != "" {
			inputs = append(inputs, f)
		}
	}
	results := make([][]rating, len(inputs))
	parallel(len(inputs), func(i int) { results[i] = e.candidatesFor(inputs[i], e.opt.Top) })
	e.candidates, e.truncated = make(map[string][]rating, len(inputs)), map[string]bool{}
	e.listedIn = map[*flow]map[*flow]struct{}{}
	for i, in := range inputs {
		e.setList(in, results[i], len(results[i]) == e.opt.Top)
	}
}

// Substitutions returns every candidate, best first: at most Top per input.
func (e *Engine) Substitutions() []Substitution {
	e.mu.RLock()
	defer e.mu.RUnlock()
	ids := sortedKeys(e.candidates) // explainAll shows each list's first Top
	parts := make([][]Substitution, len(ids))
	parallel(len(ids), func(i int) { parts[i] = e.explainAll(ids[i]) })
	var all []Substitution
	for _, p := range parts {
		all = append(all, p...)
	}
	sort.Slice(all, func(i, j int) bool { return better(all[i], all[j]) })
	return all
}

// explainAll writes the reasons of an input's ranked candidates.
func (e *Engine) explainAll(inputID string) []Substitution {
	in, list := e.flows[inputID], e.shown(inputID)
	out := make([]Substitution, len(list))
	for i, r := range list {
		out[i] = e.explain(in, r)
	}
	return out
}

// CandidatesFor returns the ranked candidates of one input flow.
func (e *Engine) CandidatesFor(inputFlowID string) []Substitution {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.explainAll(inputFlowID)
}
