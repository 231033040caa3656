package matching

import (
	"math"
	"sort"
)

// Assignment is a quantity of one output sent to one input.
type Assignment struct {
	OutputFlowID    string  `json:"output_flow_id"`
	OutputCompanyID string  `json:"output_company_id"`
	InputFlowID     string  `json:"input_flow_id"`
	InputCompanyID  string  `json:"input_company_id"`
	Quantity        float64 `json:"quantity"` // per year, in Unit
	Unit            string  `json:"unit"`
	DistanceKm      float64 `json:"distance_km"`
}

// Allocation is the optimal assignment of supplies to needs for one kind
// of quantity (mass, volume, energy…), with the nearest-candidate baseline.
type Allocation struct {
	Unit        string       `json:"unit"`
	Assignments []Assignment `json:"assignments"`
	Matched     float64      `json:"matched"`     // quantity delivered per year
	UnitKm      float64      `json:"quantity_km"` // Σ quantity × km: tonne-km for masses
	Baseline    Baseline     `json:"nearest_baseline"`
	Optimal     bool         `json:"proven_optimal"` // the solution passed the optimality certificate check
}

// Baseline is what serving every need from its nearest candidates gives.
type Baseline struct {
	Matched float64 `json:"matched"`
	UnitKm  float64 `json:"quantity_km"`
}

// transported are the kinds of quantity that travel: hours of a skill or
// square metres of a space are shared, not shipped.
var transported = map[string]bool{"mass": true, "volume": true, "energy": true, "unit": true, "pallet": true}

// scale turns yearly quantities into integer thousandths (kg of a tonne,
// litres of a cubic metre) and distances into metres.
const scale = 1000

// Allocate assigns the outputs' quantities to the inputs' needs along the
// current substitution candidates (located, with known quantities of the
// same kind), delivering as much as possible with the least quantity ×
// distance. Each supply may be split across needs and each need filled
// from several supplies. One allocation per kind of quantity.
func (e *Engine) Allocate() ([]Allocation, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	type problem struct {
		supplyIdx, demandIdx map[string]int
		supplies, demands    []*flow
		arcs                 []transportArc
		km                   []float64
	}
	byDim := map[string]*problem{}
	for _, inID := range sortedKeys(e.candidates) {
		in := e.flows[inID]
		for _, r := range e.shown(inID) {
			out := r.out
			if !r.located || !in.hasQty || !out.hasQty || in.dim != out.dim || !transported[in.dim] {
				continue
			}
			p := byDim[in.dim]
			if p == nil {
				p = &problem{supplyIdx: map[string]int{}, demandIdx: map[string]int{}}
				byDim[in.dim] = p
			}
			si, ok := p.supplyIdx[out.m.ExtID]
			if !ok {
				si = len(p.supplies)
				p.supplyIdx[out.m.ExtID] = si
				p.supplies = append(p.supplies, out)
			}
			di, ok := p.demandIdx[in.m.ExtID]
			if !ok {
				di = len(p.demands)
				p.demandIdx[in.m.ExtID] = di
				p.demands = append(p.demands, in)
			}
			p.arcs = append(p.arcs, transportArc{si, di, int64(math.Round(r.dist * scale))})
			p.km = append(p.km, r.dist)
		}
	}
	var out []Allocation
	for _, dim := range sortedKeys(byDim) {
		p := byDim[dim]
		supply, demand := make([]int64, len(p.supplies)), make([]int64, len(p.demands))
		for i, f := range p.supplies {
			supply[i] = int64(math.Round(f.qty * scale))
		}
		for j, f := range p.demands {
			demand[j] = int64(math.Round(f.qty * scale))
		}
		flows, err := solveTransport(supply, demand, p.arcs)
		if err != nil {
			return nil, err
		}
		a := Allocation{Unit: baseUnit[dim], Optimal: true}
		for i, f := range flows {
			if f == 0 {
				continue
			}
			arc := p.arcs[i]
			q := float64(f) / scale
			a.Assignments = append(a.Assignments, Assignment{OutputFlowID: p.supplies[arc.supply].m.ExtID,
				OutputCompanyID: p.supplies[arc.supply].company.id, InputFlowID: p.demands[arc.demand].m.ExtID,
				InputCompanyID: p.demands[arc.demand].company.id, Quantity: q, Unit: a.Unit, DistanceKm: p.km[i]})
			a.Matched += q
			a.UnitKm += q * p.km[i]
		}
		a.Baseline = nearestBaseline(supply, demand, p.arcs, p.km)
		a.Matched, a.UnitKm = round3(a.Matched), round3(a.UnitKm)
		out = append(out, a)
	}
	return out, nil
}

// nearestBaseline serves each need in turn from its nearest candidates
// while they have something left: what a facilitator pairing by hand does.
func nearestBaseline(supply, demand []int64, arcs []transportArc, km []float64) Baseline {
	left := append([]int64(nil), supply...)
	byDemand := map[int][]int{}
	for i, a := range arcs {
		byDemand[a.demand] = append(byDemand[a.demand], i)
	}
	var b Baseline
	for j := range demand {
		need := demand[j]
		list := byDemand[j]
		sort.SliceStable(list, func(x, y int) bool { return arcs[list[x]].cost < arcs[list[y]].cost })
		for _, i := range list {
			take := min(need, left[arcs[i].supply])
			if take <= 0 {
				continue
			}
			need -= take
			left[arcs[i].supply] -= take
			b.Matched += float64(take) / scale
			b.UnitKm += float64(take) / scale * km[i]
		}
	}
	b.Matched, b.UnitKm = round3(b.Matched), round3(b.UnitKm)
	return b
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }
