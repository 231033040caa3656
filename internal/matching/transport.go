package matching

import (
	"fmt"

	"symbiose/internal/matching/mincost"
)

// transportArc is a possible delivery from supply i to demand j at a unit cost.
type transportArc struct {
	supply, demand int
	cost           int64
}

// solveTransport assigns supplies to demands along the given arcs so that
// the quantity delivered is as large as possible and, for that quantity,
// the total cost is the least: a transportation problem solved exactly as
// a minimum-cost flow, with "unmatched" arcs priced above any real path.
// It returns the quantity on each arc and the proof-checked solution cost.
func solveTransport(supply, demand []int64, arcs []transportArc) ([]int64, error) {
	s, d := len(supply), len(demand)
	dump, shortage := s+d, s+d+1
	p := mincost.Problem{Supply: make([]int64, s+d+2)}
	var total, totalDemand, maxCost int64
	for i, q := range supply {
		p.Supply[i] = q
		total += q
	}
	for j, q := range demand {
		p.Supply[s+j] = -q
		totalDemand += q
	}
	p.Supply[dump], p.Supply[shortage] = -total, totalDemand
	for _, a := range arcs {
		p.Arcs = append(p.Arcs, mincost.Arc{From: a.supply, To: s + a.demand, Cost: a.cost, Cap: mincost.Inf})
		maxCost = max(maxCost, a.cost)
	}
	// Leaving a unit unmatched costs more than any alternating path of real
	// arcs could save, so the flow first matches as much as it can.
	unmatched := (maxCost + 1) * int64(s+d+2)
	for i := range supply {
		p.Arcs = append(p.Arcs, mincost.Arc{From: i, To: dump, Cost: unmatched, Cap: mincost.Inf})
	}
	for j := range demand {
		p.Arcs = append(p.Arcs, mincost.Arc{From: shortage, To: s + j, Cost: unmatched, Cap: mincost.Inf})
	}
	p.Arcs = append(p.Arcs, mincost.Arc{From: shortage, To: dump, Cost: 0, Cap: mincost.Inf})
	sol, err := mincost.NetworkSimplex(p)
	if err != nil {
		return nil, fmt.Errorf("allocate: %w", err)
	}
	if err := mincost.Verify(p, sol); err != nil {
		return nil, fmt.Errorf("allocate: optimality check failed: %w", err)
	}
	return sol.Flow[:len(arcs)], nil
}
