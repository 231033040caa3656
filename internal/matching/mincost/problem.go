// Package mincost solves minimum-cost flow problems to proven optimality:
// a primal network simplex for speed, a successive-shortest-path solver as
// a simple reference, and a checker of the optimality certificate.
package mincost

import (
	"errors"
	"fmt"
)

// Inf is the capacity of an uncapacitated arc.
const Inf int64 = 1 << 62

// Arc is a directed arc with a unit cost and a capacity.
type Arc struct {
	From, To int
	Cost     int64 // per unit of flow, not negative
	Cap      int64 // Inf for none
}

// Problem is a network with a supply (positive) or demand (negative) at
// each node; supplies and demands sum to zero.
type Problem struct {
	Supply []int64
	Arcs   []Arc
}

// Solution is an optimal flow with the node potentials that prove it.
type Solution struct {
	Flow      []int64 // per arc
	Cost      int64
	Potential []int64 // per node: reduced costs Cost + p[From] - p[To] certify optimality
}

// ErrInfeasible is returned when the supplies cannot reach the demands.
var ErrInfeasible = errors.New("mincost: no feasible flow")

func (p Problem) check() error {
	var sum int64
	for _, s := range p.Supply {
		sum += s
	}
	if sum != 0 {
		return fmt.Errorf("mincost: supplies sum to %d, not 0", sum)
	}
	for i, a := range p.Arcs {
		if a.From < 0 || a.From >= len(p.Supply) || a.To < 0 || a.To >= len(p.Supply) {
			return fmt.Errorf("mincost: arc %d: node out of range", i)
		}
		if a.Cost < 0 || a.Cap < 0 {
			return fmt.Errorf("mincost: arc %d: negative cost or capacity", i)
		}
	}
	return nil
}

// Verify checks that a solution is a feasible flow of the problem and that
// its potentials satisfy the complementary slackness conditions, which
// proves it optimal: every arc with a negative reduced cost is saturated,
// every arc with a positive one is empty.
func Verify(p Problem, s Solution) error {
	if len(s.Flow) != len(p.Arcs) || len(s.Potential) != len(p.Supply) {
		return fmt.Errorf("mincost: solution has the wrong size")
	}
	balance := make([]int64, len(p.Supply))
	var cost int64
	for i, a := range p.Arcs {
		f := s.Flow[i]
		if f < 0 || f > a.Cap {
			return fmt.Errorf("mincost: arc %d carries %d outside 0..%d", i, f, a.Cap)
		}
		balance[a.From] += f
		balance[a.To] -= f
		cost += f * a.Cost
		rc := a.Cost + s.Potential[a.From] - s.Potential[a.To]
		if rc < 0 && f != a.Cap {
			return fmt.Errorf("mincost: arc %d has reduced cost %d but is not saturated", i, rc)
		}
		if rc > 0 && f != 0 {
			return fmt.Errorf("mincost: arc %d has reduced cost %d but carries %d", i, rc, f)
		}
	}
	for v, b := range balance {
		if b != p.Supply[v] {
			return fmt.Errorf("mincost: node %d sends %d, its supply is %d", v, b, p.Supply[v])
		}
	}
	if cost != s.Cost {
		return fmt.Errorf("mincost: cost is %d, solution says %d", cost, s.Cost)
	}
	return nil
}
