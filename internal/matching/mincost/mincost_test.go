package mincost

import (
	"math/rand/v2"
	"testing"
)

// randomProblem makes a feasible problem: supplies at some nodes, demands
// at others, random arcs plus a costly path that guarantees feasibility.
func randomProblem(rng *rand.Rand, n, m int, capped bool) Problem {
	p := Problem{Supply: make([]int64, n)}
	for i := 0; i < n/2; i++ {
		q := int64(rng.IntN(50))
		a, b := rng.IntN(n), rng.IntN(n)
		p.Supply[a] += q
		p.Supply[b] -= q
	}
	for range m {
		a := Arc{From: rng.IntN(n), To: rng.IntN(n), Cost: int64(rng.IntN(100)), Cap: Inf}
		if capped && rng.IntN(2) == 0 {
			a.Cap = int64(rng.IntN(40))
		}
		if a.From != a.To {
			p.Arcs = append(p.Arcs, a)
		}
	}
	for v := 0; v < n; v++ { // a ring of expensive arcs keeps every instance feasible
		p.Arcs = append(p.Arcs, Arc{From: v, To: (v + 1) % n, Cost: 1000, Cap: Inf})
	}
	return p
}

func TestSimplexAgreesWithSuccessiveShortestPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		n := 2 + rng.IntN(30)
		p := randomProblem(rng, n, rng.IntN(n*4), i%2 == 0)
		fast, err := NetworkSimplex(p)
		if err != nil {
			t.Fatalf("instance %d: simplex: %v", i, err)
		}
		slow, err := SuccessiveShortestPath(p)
		if err != nil {
			t.Fatalf("instance %d: ssp: %v", i, err)
		}
		if err := Verify(p, fast); err != nil {
			t.Fatalf("instance %d: simplex solution: %v", i, err)
		}
		if err := Verify(p, slow); err != nil {
			t.Fatalf("instance %d: ssp solution: %v", i, err)
		}
		if fast.Cost != slow.Cost {
			t.Fatalf("instance %d: simplex cost %d, ssp cost %d", i, fast.Cost, slow.Cost)
		}
	}
}

func TestInfeasibleAndInvalid(t *testing.T) {
	p := Problem{Supply: []int64{5, -5}} // no arc
	if _, err := NetworkSimplex(p); err != ErrInfeasible {
		t.Fatalf("simplex: %v", err)
	}
	if _, err := SuccessiveShortestPath(p); err != ErrInfeasible {
		t.Fatalf("ssp: %v", err)
	}
	if _, err := NetworkSimplex(Problem{Supply: []int64{1, 0}}); err == nil {
		t.Fatal("unbalanced supplies accepted")
	}
	if _, err := NetworkSimplex(Problem{Supply: []int64{0}, Arcs: []Arc{{From: 0, To: 3}}}); err == nil {
		t.Fatal("arc to a missing node accepted")
	}
}

func TestVerifyRejectsSuboptimal(t *testing.T) {
	p := Problem{Supply: []int64{4, -4}, Arcs: []Arc{{0, 1, 10, Inf}, {0, 1, 3, Inf}}}
	bad := Solution{Flow: []int64{4, 0}, Cost: 40, Potential: []int64{0, 10}}
	if Verify(p, bad) == nil {
		t.Fatal("a suboptimal flow passed verification")
	}
	good, err := NetworkSimplex(p)
	if err != nil || good.Cost != 12 || Verify(p, good) != nil {
		t.Fatalf("simplex: %+v, %v", good, err)
	}
}
