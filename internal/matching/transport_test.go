package matching

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"symbiose/internal/matching/mincost"
)

// randomTransport places n supplies and n demands in a 200 km square and
// links each demand to its k nearest supplies (all of them when k >= n).
func randomTransport(n, k int, seed uint64) (supply, demand []int64, arcs []transportArc) {
	rng := rand.New(rand.NewPCG(seed, 99))
	type xy struct{ x, y float64 }
	sp, dp := make([]xy, n), make([]xy, n)
	for i := range n {
		sp[i], dp[i] = xy{rng.Float64() * 200, rng.Float64() * 200}, xy{rng.Float64() * 200, rng.Float64() * 200}
		supply = append(supply, int64(1+rng.IntN(100))*1000)
		demand = append(demand, int64(1+rng.IntN(100))*1000)
	}
	dist := func(a, b xy) int64 {
		dx, dy := a.x-b.x, a.y-b.y
		return int64(1000 * math.Sqrt(dx*dx+dy*dy))
	}
	for j, d := range dp {
		type cand struct {
			i    int
			cost int64
		}
		cands := make([]cand, n)
		for i := range sp {
			cands[i] = cand{i, dist(sp[i], d)}
		}
		sort.Slice(cands, func(a, b int) bool {
			return cands[a].cost < cands[b].cost || (cands[a].cost == cands[b].cost && cands[a].i < cands[b].i)
		})
		for _, c := range cands[:min(k, len(cands))] {
			arcs = append(arcs, transportArc{c.i, j, c.cost})
		}
	}
	return supply, demand, arcs
}

// The transportation solver agrees with the reference solver and delivers
// the most that can be delivered.
func TestTransportMatchesReference(t *testing.T) {
	for seed := range uint64(20) {
		supply, demand, arcs := randomTransport(15, 4, seed)
		flows, err := solveTransport(supply, demand, arcs)
		if err != nil {
			t.Fatal(err)
		}
		var cost, moved int64
		for i, f := range flows {
			cost += f * arcs[i].cost
			moved += f
		}
		// Reference: the same network solved by successive shortest paths
		// as a maximum flow of minimum cost, built independently.
		s, d := len(supply), len(demand)
		p := mincost.Problem{Supply: make([]int64, s+d+2)}
		for i, q := range supply {
			p.Supply[i] = q
		}
		for j, q := range demand {
			p.Supply[s+j] = -q
		}
		var tot, totD int64
		for _, q := range supply {
			tot += q
		}
		for _, q := range demand {
			totD += q
		}
		p.Supply[s+d], p.Supply[s+d+1] = -tot, totD
		big := int64(1) << 40
		for _, a := range arcs {
			p.Arcs = append(p.Arcs, mincost.Arc{From: a.supply, To: s + a.demand, Cost: a.cost, Cap: mincost.Inf})
		}
		for i := range supply {
			p.Arcs = append(p.Arcs, mincost.Arc{From: i, To: s + d, Cost: big, Cap: mincost.Inf})
		}
		for j := range demand {
			p.Arcs = append(p.Arcs, mincost.Arc{From: s + d + 1, To: s + j, Cost: big, Cap: mincost.Inf})
		}
		p.Arcs = append(p.Arcs, mincost.Arc{From: s + d + 1, To: s + d, Cap: mincost.Inf})
		ref, err := mincost.SuccessiveShortestPath(p)
		if err != nil {
			t.Fatal(err)
		}
		var refCost, refMoved int64
		for i := range arcs {
			refCost += ref.Flow[i] * arcs[i].cost
			refMoved += ref.Flow[i]
		}
		if moved != refMoved || cost != refCost {
			t.Fatalf("seed %d: moved %d at %d, reference %d at %d", seed, moved, cost, refMoved, refCost)
		}
	}
}

func benchmarkTransport(b *testing.B, n, k int) {
	supply, demand, arcs := randomTransport(n, k, 1)
	b.ResetTimer()
	for range b.N {
		if _, err := solveTransport(supply, demand, arcs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAllocate200AllPairs(b *testing.B)    { benchmarkTransport(b, 200, 200) }
func BenchmarkAllocate2000Nearest30(b *testing.B)  { benchmarkTransport(b, 2000, 30) }
func BenchmarkAllocate10000Nearest20(b *testing.B) { benchmarkTransport(b, 10000, 20) }
