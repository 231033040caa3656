package workshop

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"testing"
	"time"
)

// bruteForce returns the best score of any admissible plan, found by
// enumerating every plan (fixed seats and must-meet pairs are not used by
// these instances). It is the judge of the bounds on tiny problems.
func bruteForce(in *instance) float64 {
	n := in.n
	met := append([]int16(nil), in.base...)
	best := math.Inf(-1)
	var round func(r int, score float64)
	var table func(r int, free []int, sizes []int, score float64)
	round = func(r int, score float64) {
		if r == in.rounds {
			best = max(best, score)
			return
		}
		table(r, append([]int(nil), in.active...), append([]int(nil), in.sizes...), score)
	}
	// table opens a table with the first free company, of each size still
	// needed, and every choice of guests among the later free companies.
	table = func(r int, free []int, sizes []int, score float64) {
		if len(free) == 0 {
			round(r+1, score)
			return
		}
		host, rest := free[0], free[1:]
		tried := map[int]bool{}
		for si, s := range sizes {
			if tried[s] {
				continue
			}
			tried[s] = true
			left := append(append([]int(nil), sizes[:si]...), sizes[si+1:]...)
			var pick func(from int, group []int, gain float64)
			pick = func(from int, group []int, gain float64) {
				if len(group) == s {
					var others []int
					for _, c := range rest {
						if !contains(group, c) {
							others = append(others, c)
						}
					}
					for x, a := range group {
						for _, b := range group[:x] {
							met[a*n+b]++
							met[b*n+a]++
						}
					}
					table(r, others, left, score+gain)
					for x, a := range group {
						for _, b := range group[:x] {
							met[a*n+b]--
							met[b*n+a]--
						}
					}
					return
				}
				for i := from; i < len(rest); i++ {
					c, g, ok := rest[i], 0.0, true
					for _, a := range group {
						if met[a*n+c] > 0 || in.compet[a*n+c] {
							ok = false
							break
						}
						g += in.w[a*n+c]
					}
					if ok {
						pick(i+1, append(group, c), gain+g)
					}
				}
			}
			pick(0, []int{host}, 0)
		}
	}
	round(0, in.playedScore)
	return best
}

// TestBoundsAgainstBruteForce checks on tiny problems, where every plan can
// be enumerated, that no bound falls below the true optimum, however long
// the subgradient method runs and whatever the potentials look like.
func TestBoundsAgainstBruteForce(t *testing.T) {
	type tiny struct {
		n, k, rounds, competitors int
		played, absent            bool
	}
	cases := []tiny{
		{6, 2, 3, 1, false, false},
		{7, 2, 3, 0, false, false},
		{6, 3, 2, 0, false, false},
		{7, 3, 2, 1, false, false},
		{8, 3, 2, 2, false, false},
		{8, 3, 3, 0, false, false},
		{9, 3, 2, 0, false, false},
		{9, 3, 3, 2, false, false},
		{9, 3, 4, 0, false, false},
		{10, 4, 2, 1, false, false},
		{12, 4, 2, 0, false, false},
		{10, 3, 3, 0, true, false},
		{10, 3, 3, 1, true, true},
	}
	for i, tc := range cases {
		for _, dist := range []string{"uniform", "clustered", "sparse"} {
			seed := uint64(100*i + len(dist))
			t.Run(fmt.Sprintf("n%d_k%d_r%d_c%d_played%v_absent%v_%s", tc.n, tc.k, tc.rounds, tc.competitors, tc.played, tc.absent, dist), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(seed, 3))
				p := Problem{Companies: names(tc.n), TableSize: tc.k, Rounds: tc.rounds,
					Potential: MatrixPotential(tinyMatrix(tc.n, dist, rng))}
				p.Competitors = distinctPairs(tc.n, tc.competitors, rng, map[[2]int]bool{})
				if tc.played {
					p.Played = [][][]int{{{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {9}}}
					p.Competitors = nil
				}
				if tc.absent {
					p.Absent = []int{4}
				}
				if Check(p) != nil {
					t.Skip("infeasible")
				}
				in, err := newInstance(p)
				if err != nil {
					t.Fatal(err)
				}
				opt := bruteForce(in)
				if math.IsInf(opt, -1) {
					t.Skip("no admissible plan")
				}
				pair := in.playedScore + pairBound(in)
				// A low target makes large steps: the multipliers
				// wander far, which is where a wrong bound would show.
				for _, lower := range []float64{0, (opt - in.playedScore) * 0.9, opt - in.playedScore} {
					tb, ok := tableBound(in, lower, 2e6, time.Now().Add(time.Minute))
					if !ok {
						t.Fatal("table bound gave up")
					}
					if tb+in.playedScore < opt-1e-9 {
						t.Fatalf("table bound %v below the optimum %v (lower %v)", tb+in.playedScore, opt, lower)
					}
					t.Logf("optimum %.4f  pair bound %.4f (%.1f %%)  table bound %.4f (%.1f %%)",
						opt, pair, 100*opt/pair, tb+in.playedScore, 100*opt/(tb+in.playedScore))
				}
				if pair < opt-1e-9 {
					t.Fatalf("pair bound %v below the optimum %v", pair, opt)
				}
				plan, err := Solve(p, 1, time.Second)
				if err != nil {
					t.Fatal(err)
				}
				if plan.Score > opt+1e-9 || plan.UpperBound < opt-1e-9 {
					t.Fatalf("score %v, bound %v, optimum %v", plan.Score, plan.UpperBound, opt)
				}
			})
		}
	}
}

// tinyMatrix draws potentials of three kinds: uniform, clustered (pairs
// inside hidden groups are worth much more, so that good tables exist) and
// sparse (most pairs worth 0).
func tinyMatrix(n int, dist string, rng *rand.Rand) [][]float64 {
	m := randomMatrix(n, rng)
	group := make([]int, n)
	for i := range group {
		group[i] = rng.IntN(3)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			switch dist {
			case "clustered":
				if group[i] == group[j] {
					m[i][j] += 2
				}
			case "sparse":
				if rng.IntN(4) > 0 {
					m[i][j] = 0
				}
			}
			m[j][i] = m[i][j]
		}
	}
	return m
}

// TestBestTableExact compares the branch and bound with an enumeration of
// every table, under penalties of both signs and lowered potentials; cut
// short by its node cap, it must still not underestimate.
func TestBestTableExact(t *testing.T) {
	for seed := uint64(1); seed <= 60; seed++ {
		rng := rand.New(rand.NewPCG(seed, 9))
		n := 8 + rng.IntN(10)
		p := Problem{Companies: names(n), TableSize: 2 + rng.IntN(5), Rounds: 1,
			Potential: MatrixPotential(tinyMatrix(n, []string{"uniform", "clustered", "sparse"}[seed%3], rng))}
		p.Competitors = distinctPairs(n, rng.IntN(n), rng, map[[2]int]bool{})
		in, err := newInstance(p)
		if err != nil {
			t.Fatal(err)
		}
		c, m := 0, p.TableSize-1
		var cand []int
		for j := 1; j < n; j++ {
			if !in.compet[j] {
				cand = append(cand, j)
			}
		}
		w := append([]float64(nil), in.w...)
		allowed := allowedPairs(in)
		bt := newBestTable(in, w, allowed, c, m, cand, 1<<30)
		capped := newBestTable(in, w, allowed, c, m, cand, 2) // stops early: an upper bound only
		pen := make([]float64, n)
		for round := 0; round < 5; round++ {
			for j := range pen {
				pen[j] = rng.NormFloat64()
			}
			for i := 0; i < n; i++ {
				for j := i + 1; j < n; j++ {
					w[i*n+j] = in.w[i*n+j] * rng.Float64()
					w[j*n+i] = w[i*n+j]
				}
			}
			got := bt.solve(pen)
			want := enumerateTables(in, w, c, m, cand, pen)
			if math.Abs(got-want) > 1e-9 && !(got <= negInf && want <= negInf) {
				t.Fatalf("seed %d round %d: branch and bound %v, enumeration %v", seed, round, got, want)
			}
			if ub := capped.solve(pen); ub < want-1e-9 {
				t.Fatalf("seed %d round %d: capped search says %v, below the best table %v", seed, round, ub, want)
			}
			if got > negInf && math.Abs(bt.valueOf(w, pen)-got) > 1e-9 {
				t.Fatalf("seed %d: best set %v is worth %v, not %v", seed, bt.bestSet, bt.valueOf(w, pen), got)
			}
		}
	}
}

func enumerateTables(in *instance, w []float64, c, m int, cand []int, pen []float64) float64 {
	n, best := in.n, negInf
	var rec func(from int, set []int, v float64)
	rec = func(from int, set []int, v float64) {
		if len(set) == m {
			best = max(best, v)
			return
		}
		for i := from; i < len(cand); i++ {
			x, g, ok := cand[i], w[c*n+cand[i]]-pen[cand[i]], true
			for _, y := range set {
				if in.compet[x*n+y] || in.base[x*n+y] > 0 {
					ok = false
					break
				}
				g += w[x*n+y]
			}
			if ok {
				rec(i+1, append(set, x), v+g)
			}
		}
	}
	rec(0, nil, 0)
	return best
}

// valueOf recomputes the value of bestSet from scratch.
func (bt *bestTable) valueOf(w, pen []float64) float64 {
	n, v := bt.in.n, 0.0
	for x, i := range bt.bestSet {
		a := bt.cand[i]
		v += w[bt.c*n+a] - pen[a]
		for _, j := range bt.bestSet[:x] {
			v += w[a*n+bt.cand[j]]
		}
	}
	return v
}

// TestDemo68SubInstances takes small neighbourhoods of the demo territory
// (a company and its best partners: real, skewed potentials), where every
// plan can be enumerated, and compares the optimum with Solve's score and
// its bound. The bound must stay above the optimum and the score below it;
// the log tells how far each is (the README quotes it).
func TestDemo68SubInstances(t *testing.T) {
	full := demo68(t, 1)
	n := len(full.Companies)
	for _, tc := range []struct{ size, k, rounds, host int }{
		{9, 3, 3, 0}, {9, 3, 3, 17}, {9, 3, 4, 31}, {9, 3, 4, 45},
		{9, 3, 3, 8}, {9, 3, 3, 52}, {8, 2, 3, 23}, {8, 2, 3, 60},
	} {
		t.Run(fmt.Sprintf("n%d_k%d_r%d_host%d", tc.size, tc.k, tc.rounds, tc.host), func(t *testing.T) {
			// The host and its size−1 best partners.
			others := make([]int, 0, n-1)
			for j := 0; j < n; j++ {
				if j != tc.host {
					others = append(others, j)
				}
			}
			sort.Slice(others, func(a, b int) bool {
				return full.Potential(tc.host, others[a]) > full.Potential(tc.host, others[b])
			})
			pick := append([]int{tc.host}, others[:tc.size-1]...)
			m := make([][]float64, tc.size)
			for i := range m {
				m[i] = make([]float64, tc.size)
				for j := range m[i] {
					if i != j {
						m[i][j] = full.Potential(pick[i], pick[j])
					}
				}
			}
			p := Problem{Companies: names(tc.size), Potential: MatrixPotential(m), TableSize: tc.k, Rounds: tc.rounds}
			in, err := newInstance(p)
			if err != nil {
				t.Fatal(err)
			}
			opt := bruteForce(in)
			plan, err := Solve(p, 1, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			pair := pairBound(in)
			if plan.Score > opt+1e-9 || plan.UpperBound < opt-1e-9 || pair < opt-1e-9 {
				t.Fatalf("score %v, bound %v, pair bound %v, optimum %v", plan.Score, plan.UpperBound, pair, opt)
			}
			t.Logf("optimum %.3f  score %.1f %%  optimum / bound %.1f %% (pair bound %.1f %%)",
				opt, 100*plan.Score/opt, 100*opt/plan.UpperBound, 100*opt/pair)
		})
	}
}
