package workshop

import (
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// tableBound is a Lagrangian bound that, unlike pairBound, knows that a
// table is worth all of its pairs, so that guests must suit each other and
// not only their host.
//
// Proof. Take any admissible plan, any price π_c (of any sign) per present
// company and any price μ_ij ≥ 0 per pair. Write w' = w − μ, val'(T) for
// the w'-value of the pairs of a table T and π(T) for the prices of its
// members. No pair meets twice, so the score of the remaining rounds is at
// most Σ μ_ij + Σ_T val'(T) over their tables. In a round every present
// company sits at exactly one table, and
//
//	val'(T) = π(T) + Σ_{c∈T} (val'(T) − π(T))/|T|,
//
// so, over the R remaining rounds, with T_rc the table of c in round r,
//
//	score ≤ Σ μ_ij + R·Σ_c π_c + Σ_c Σ_r (val'(T_rc) − π(T_rc))/|T_rc|
//	      ≤ Σ μ_ij + R·Σ_c π_c + R·Σ_c h_c = U,
//
// where h_c is the best value of (val'(S∪c) − π(S∪c))/s over table sizes s
// and sets S of s−1 companies that may sit with c and with each other.
//
// U bounds every plan whatever the prices, so a subgradient method lowers
// it: a company that many best tables want gets dearer (π), and so does a
// pair that sits at several best tables (μ), which also stops a company
// from choosing the same guests for all its rounds. h_c comes from
// bestTable, an exact branch and bound that returns an upper bound when its
// node cap is hit, so every U computed is a valid bound whatever the
// iterations do, and the smallest is kept. With all prices at 0 and one round
// U reads "each company sits at its best possible table".
//
// Fixed seats and must-meet pairs are ignored (a relaxation can only gain).
//
// The method stops after work options examined by bestTable (a measure of
// time that does not depend on the machine, so that the bound of a problem
// is reproducible) or at deadline, a safety cap. ok is false when no
// iteration could complete, or some company cannot fill a table (which
// Check reports).
func tableBound(in *instance, lower float64, work int, deadline time.Time) (float64, bool) {
	tb := newTableBounder(in)
	if tb == nil {
		return 0, false
	}
	return tb.run(lower, work, deadline)
}

// Tuning of the subgradient method on the 100-company benchmarks: an exact
// bestTable call there needs a few hundred nodes, the node cap only guards
// larger tables; the step starts at the full Polyak step and is halved
// after boundStall iterations without progress, down to boundMinStep.
const (
	boundNodeCap = 20000
	boundStall   = 3
	boundMinStep = 1.0 / 1024
)

type tableBounder struct {
	in     *instance
	R      float64
	sizes  []int          // distinct table sizes
	cand   [][]int        // cand[c]: companies c may still meet
	tables [][]*bestTable // tables[c][size index]
	pi     []float64      // price of each company
	mu     []float64      // mu[i*n+j], i < j: price of each pair
	w      []float64      // in.w − mu, symmetric, read by the bestTables
}

func newTableBounder(in *instance) *tableBounder {
	n := in.n
	tb := &tableBounder{in: in, R: float64(in.rounds), pi: make([]float64, n),
		mu: make([]float64, n*n), w: append([]float64(nil), in.w...)}
	for _, s := range in.sizes {
		if len(tb.sizes) == 0 || tb.sizes[len(tb.sizes)-1] != s {
			tb.sizes = append(tb.sizes, s)
		}
	}
	allowed := allowedPairs(in)
	tb.cand = make([][]int, n)
	tb.tables = make([][]*bestTable, n)
	for _, c := range in.active {
		for _, j := range in.active {
			if allowed[c*n+j] {
				tb.cand[c] = append(tb.cand[c], j)
			}
		}
		if len(tb.cand[c]) < tb.sizes[len(tb.sizes)-1]-1 {
			return nil
		}
		for _, s := range tb.sizes {
			tb.tables[c] = append(tb.tables[c], newBestTable(in, tb.w, allowed, c, s-1, tb.cand[c], boundNodeCap))
		}
	}
	return tb
}

// run minimises U by projected subgradient steps of Polyak's kind, aiming
// at lower (an achievable score), and halves the step when U stalls.
func (tb *tableBounder) run(lower float64, work int, deadline time.Time) (float64, bool) {
	in, n, R := tb.in, tb.in.n, tb.R
	best, done := math.Inf(1), false
	mu, stall := 1.0, 0
	gPi := make([]float64, n)
	gMu := make([]float64, n*n)
	h := make([]float64, n)
	chosen := make([][]int, n) // members of each company's best table
	share := make([]float64, n)
	spent, last := 0, 0
	for it := 0; ; it++ {
		// Stop before an iteration that would overrun the work allowed.
		if it > 0 && spent+last > work {
			return best, done
		}
		if last = tb.evaluate(h, chosen, share, work-spent, deadline); last < 0 {
			return best, done // an unfinished iteration gives no bound
		}
		spent += last
		u := 0.0
		for _, m := range tb.mu {
			u += m // only i < j is ever positive
		}
		for _, c := range in.active {
			u += R * (tb.pi[c] + h[c])
		}
		if !done || u < best-1e-9*math.Abs(best) {
			best, stall, done = u, 0, true
		} else if stall++; stall >= boundStall {
			mu, stall = mu/2, 0
			if mu < boundMinStep {
				return best, done // converged as far as steps go
			}
		}
		// Subgradients of U: ∂π_j = R − Σ_c R/s_c·[j ∈ T_c] and
		// ∂μ_ij = 1 − Σ_c R/s_c·[i, j ∈ T_c], T_c being the best table
		// of c and s_c its size; μ stays ≥ 0 (projection).
		for _, c := range in.active {
			gPi[c] = R
		}
		for i := range gMu {
			gMu[i] = 1
		}
		for _, c := range in.active {
			for x, a := range chosen[c] {
				gPi[a] -= share[c]
				for _, b := range chosen[c][:x] {
					gMu[min(a, b)*n+max(a, b)] -= share[c]
				}
			}
		}
		norm := 0.0
		for _, c := range in.active {
			norm += gPi[c] * gPi[c]
		}
		for _, a := range in.active {
			for _, b := range in.active {
				if ij := a*n + b; a < b && (tb.mu[ij] > 0 || gMu[ij] < 0) {
					norm += gMu[ij] * gMu[ij]
				}
			}
		}
		if norm < 1e-12 {
			return best, done // the best tables fit together: U is exact
		}
		step := mu * math.Max(u-lower, 1e-3*math.Abs(u)) / norm
		for _, c := range in.active {
			tb.pi[c] -= step * gPi[c]
		}
		for _, a := range in.active {
			for _, b := range in.active {
				if ij := a*n + b; a < b && (tb.mu[ij] > 0 || gMu[ij] < 0) {
					tb.mu[ij] = math.Max(0, tb.mu[ij]-step*gMu[ij])
					tb.w[ij] = in.w[ij] - tb.mu[ij]
					tb.w[b*n+a] = tb.w[ij]
				}
			}
		}
	}
}

// evaluate computes, for every company c, h_c, the members of its best
// table and R/size, on all cores (each company has its own bestTable, so
// the work splits without locks and the result does not depend on the
// split). It returns the work done, or −1 if it was interrupted: by the
// deadline, by a company without a possible table, or by a worker whose
// share exceeds twice its part of the work left (on tables so large that
// a single iteration would not fit, giving up early saves the budget; the
// decision depends on the companies of the worker only, so it is the same
// on every run).
func (tb *tableBounder) evaluate(h []float64, chosen [][]int, share []float64, left int, deadline time.Time) int {
	active := tb.in.active
	workers := min(runtime.GOMAXPROCS(0), len(active))
	works := make([]int, workers)
	var late atomic.Bool
	var wg sync.WaitGroup
	for wk := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for x := wk; x < len(active); x += workers {
				if late.Load() || works[wk] > 2*left/workers || time.Now().After(deadline) {
					late.Store(true)
					return
				}
				c := active[x]
				hc, guests, s, w := tb.company(c)
				works[wk] += w
				if math.IsNaN(hc) || hc <= negInf {
					// c has no possible table: then no plan exists and
					// there is nothing to bound; give up rather than
					// return a meaningless number.
					late.Store(true)
					return
				}
				h[c], share[c] = hc, tb.R/float64(s)
				chosen[c] = chosen[c][:0]
				for _, g := range guests {
					chosen[c] = append(chosen[c], tb.cand[c][g])
				}
				chosen[c] = append(chosen[c], c)
			}
		}()
	}
	wg.Wait()
	if late.Load() {
		return -1
	}
	total := 0
	for _, w := range works {
		total += w
	}
	return total
}

// company returns h_c (see tableBound), the guests of its best table as
// positions in cand[c], that table's size and the work it took.
func (tb *tableBounder) company(c int) (float64, []int, int, int) {
	h, size, work := math.Inf(-1), 0, 0
	var set []int
	for si, s := range tb.sizes {
		bt := tb.tables[c][si]
		bt.work = 0
		v := bt.solve(tb.pi)
		work += bt.work
		if v <= negInf {
			continue
		}
		if v = (v - tb.pi[c]) / float64(s); v > h {
			h, size = v, s
			set = bt.bestSet
		}
	}
	return h, set, size, work
}
