package workshop

import (
	"math"
	"math/rand/v2"
	"time"
)

// checkEvery is how many moves pass between two looks at the clock: reading
// it costs more than a move.
const checkEvery = 4096

// Tabu tenure is 4 to 6 steps, and at most repairSample conflicted companies
// are examined per step; both were tuned on 40 companies, tables of 5, 6
// rounds with competitors and must-meet pairs.
const (
	tabuSpread   = 3
	repairSample = 16
)

// pickSwap draws two movable companies at different tables of a random round.
func (s *state) pickSwap(rng *rand.Rand) (r, a, b int, ok bool) {
	r = rng.IntN(s.in.rounds)
	mv := s.in.movable[r]
	if len(mv) < 2 {
		return 0, 0, 0, false
	}
	a = mv[rng.IntN(len(mv))]
	for try := 0; try < 8; try++ {
		b = mv[rng.IntN(len(mv))]
		if s.tab[r][a] != s.tab[r][b] {
			return r, a, b, true
		}
	}
	return 0, 0, 0, false
}

// repair removes violations with a tabu search in the style used for the
// "social golfer" problem: take a company involved in a violation, try every
// swap with a company of another table of the same round, and make the best
// one even if it is worse, then forbid moving both for a few steps so that
// the search does not undo it at once. Potential breaks ties, so repair keeps
// as much as it can of what the construction earned.
func repair(s *state, rng *rand.Rand, maxMoves int, deadline time.Time) bool {
	in := s.in
	tabu := make([][]int, in.rounds)
	for r := range tabu {
		tabu[r] = make([]int, in.n)
	}
	bestViol, stale := s.viol, 0
	var cands [][2]int
	for it := 1; s.viol > 0 && it <= maxMoves; it++ {
		if it%64 == 0 && time.Now().After(deadline) {
			break
		}
		cands = cands[:0]
		for r := range in.movable {
			for _, c := range in.movable[r] {
				if s.conflicted(r, c) {
					cands = append(cands, [2]int{r, c})
				}
			}
		}
		if len(cands) == 0 {
			break // the remaining violations sit on fixed seats only
		}
		// A handful of conflicted companies is enough to find a good move
		// and keeps a step cheap when conflicts are many.
		if len(cands) > repairSample {
			for i := 0; i < repairSample; i++ {
				j := i + rng.IntN(len(cands)-i)
				cands[i], cands[j] = cands[j], cands[i]
			}
			cands = cands[:repairSample]
		}
		bestR, bestA, bestB, bestDV, ties := -1, -1, -1, 0, 0
		for _, pick := range cands {
			r, a := pick[0], pick[1]
			for _, b := range in.movable[r] {
				if s.tab[r][a] == s.tab[r][b] {
					continue
				}
				_, dv := s.swapDelta(r, a, b)
				if (tabu[r][a] >= it || tabu[r][b] >= it) && s.viol+dv >= bestViol {
					continue
				}
				switch {
				case bestB < 0 || dv < bestDV:
					bestR, bestA, bestB, bestDV, ties = r, a, b, dv, 1
				case dv == bestDV:
					ties++ // reservoir sampling among equal moves
					if rng.IntN(ties) == 0 {
						bestR, bestA, bestB = r, a, b
					}
				}
			}
		}
		if bestB < 0 {
			continue
		}
		s.swap(bestR, bestA, bestB)
		tenure := 4 + rng.IntN(tabuSpread)
		tabu[bestR][bestA], tabu[bestR][bestB] = it+tenure, it+tenure
		if s.viol < bestViol {
			bestViol, stale = s.viol, 0
		} else if stale++; stale > 2000 {
			// Stuck on a plateau: shake the plan with a few random swaps.
			for i := 0; i < 5; i++ {
				if r, a, b, ok := s.pickSwap(rng); ok {
					s.swap(r, a, b)
				}
			}
			stale = 0
			bestViol = s.viol
		}
	}
	return s.viol == 0
}

// admissible repairs first and, when the search stalls, starts again from
// a fresh plan: tabu search on these problems either succeeds within a few
// thousand steps or wanders, and a new start is the cheapest way out. The
// new starts alternate cyclic plans (conflict-free when they fit) and random
// ones.
func admissible(in *instance, first *state, seed uint64, attempts int, deadline time.Time) (*state, bool) {
	steps := 2000 + 10*len(in.active)*in.rounds
	s := first
	for a := uint64(0); ; a++ {
		if repair(s, rngFor(seed, 100+a), steps, deadline) {
			return s, true
		}
		if int(a)+1 >= attempts || time.Now().After(deadline) {
			return s, false
		}
		if a%2 == 0 && in.cyclicFits() {
			s = cyclicPlan(in, rngFor(seed, 200+a))
		} else {
			s = randomPlan(in, rngFor(seed, 200+a))
		}
	}
}

// anneal improves an admissible plan by simulated annealing over swaps of
// two companies of the same round. Any swap that would create a violation
// (repeat, competitors together, last meeting of a must-meet pair) is
// rejected, and fixed or played seats are never candidates, so the plan stays
// admissible at every step. The best plan seen is then polished (see
// polish) and returned.
func anneal(s *state, rng *rand.Rand, moves int, deadline time.Time) *state {
	// The start is already a good greedy plan: a hot start would only
	// scramble it, so annealing begins at a twentieth of the typical loss.
	t0, free := s.startTemperature(rng)
	t0 /= 20
	if t0 <= 0 || moves <= 0 {
		return s
	}
	// When almost no swap is admissible (the plan is tight: 40 companies
	// at tables of 5 for 6 rounds meet 24 of 39 others, and competitors
	// forbid more), a share of the moves exchange two companies in
	// several rounds at once (see multiSwap).
	multi := 0.0
	if free < tightShare {
		multi = multiShare
	}
	const tEndRatio = 1e-2
	best, bestScore := s.snapshot(), s.score
	cool := math.Pow(tEndRatio, 1/float64(moves))
	temp := t0
	sinceSnap := 0
	for it := 0; it < moves; it++ {
		if it%checkEvery == 0 && time.Now().After(deadline) {
			break
		}
		temp *= cool
		if multi > 0 && rng.Float64() < multi {
			if s.multiSwap(rng, temp) {
				sinceSnap++
				if s.score > bestScore+1e-12 && (sinceSnap > 64 || temp < t0*0.01) {
					best, bestScore, sinceSnap = s.snapshot(), s.score, 0
				}
			}
			continue
		}
		r, a, b, ok := s.pickSwap(rng)
		if !ok {
			continue
		}
		ds, ok := s.swapGain(r, a, b)
		if !ok {
			continue
		}
		if ds >= 0 || rng.Float64() < math.Exp(ds/temp) {
			s.swap(r, a, b)
			sinceSnap++
			// Snapshot only on a clear improvement after some movement,
			// because copying the plan costs as much as many moves.
			if s.score > bestScore+1e-12 && (sinceSnap > 64 || temp < t0*0.01) {
				best, bestScore, sinceSnap = s.snapshot(), s.score, 0
			}
		}
	}
	if s.score < bestScore {
		s = fromTables(s.in, best)
	}
	polish(s, deadline)
	return s
}

// startTemperature is the mean loss of a sample of admissible worsening
// moves, which makes the schedule independent of the scale of the
// potentials; it also returns the share of sampled swaps that are
// admissible (see tightShare).
func (s *state) startTemperature(rng *rand.Rand) (float64, float64) {
	sum, n := 0.0, 0
	tried, admissible := 0, 0
	for i := 0; i < 2000 && n < 200; i++ {
		r, a, b, ok := s.pickSwap(rng)
		if !ok {
			continue
		}
		tried++
		if ds, dv := s.swapDelta(r, a, b); dv <= 0 {
			admissible++
			if ds < 0 {
				sum -= ds
				n++
			}
		}
	}
	free := float64(admissible) / float64(max(1, tried))
	if n == 0 {
		// Tight plans (9 companies in triples for 3 rounds) admit no
		// single swap: the scale is then the mean potential of a pair.
		for _, a := range s.in.active {
			for _, b := range s.in.active {
				if w := s.in.w[a*s.in.n+b]; w > 0 && a < b {
					sum += w
					n++
				}
			}
		}
		if n == 0 {
			return 0, free
		}
	}
	return sum / float64(n), free
}

// swapGain is swapDelta for an admissible plan, the only kind anneal
// sees: it tells whether swapping a and b (at different tables of round r)
// keeps the plan admissible and, if so, the change of score. In an
// admissible plan a swap breaks a rule exactly when a new table-mate was
// met before or is a competitor, or when a lost table-mate is a must-meet
// partner met only there, so the check stops at the first such pair: most
// random swaps fail it at once (after 4 rounds at tables of 5 a company of
// the demo territory has met 16 of the 67 others), which makes anneal
// about 2.3 times as fast as with swapDelta, for the same plans.
func (s *state) swapGain(r, a, b int) (float64, bool) {
	in := s.in
	n := in.n
	ds := 0.0
	for _, x := range s.mem[r][s.tab[r][a]] {
		if x == a {
			continue
		}
		bx, ax := b*n+x, a*n+x
		if s.cnt[bx] > 0 || in.compet[bx] || (in.must[ax] && s.cnt[ax] == 1) {
			return 0, false
		}
		ds += in.w[bx] - in.w[ax]
	}
	for _, y := range s.mem[r][s.tab[r][b]] {
		if y == b {
			continue
		}
		ay, by := a*n+y, b*n+y
		if s.cnt[ay] > 0 || in.compet[ay] || (in.must[by] && s.cnt[by] == 1) {
			return 0, false
		}
		ds += in.w[ay] - in.w[by]
	}
	return ds, true
}

// A plan is tight when fewer than tightShare of random swaps are
// admissible; anneal then makes multiShare of its moves multiSwaps. On the
// benchmarks the share of admissible swaps at the start of the annealing
// is 31 % and 13 % (100 companies, 4 and 6 rounds), 19 % and 4.6 % (demo
// territory), 0.05 % (40 companies with competitors); multiSwaps gain
// nothing on the first four (at the same number of moves) and 15 % of
// score on the last.
const (
	tightShare = 0.01
	multiShare = 0.05
)

// multiSwap exchanges two companies a and b in several rounds at once: in
// every round where they sit apart (b takes a's whole schedule, so the
// meetings stay the same up to the names of a and b) or, half of the time,
// in two random rounds (the meeting of a with a table-mate can move from a
// round to another, which no single swap can do without a repeat on the
// way). Kempe-chain-like moves of this kind are what tight plans need: on
// 9 companies in triples for 3 rounds no single swap is admissible at all.
// The move is accepted like a swap (never if it adds a violation) and
// undone otherwise.
func (s *state) multiSwap(rng *rand.Rand, temp float64) bool {
	in := s.in
	a := in.active[rng.IntN(len(in.active))]
	b := in.active[rng.IntN(len(in.active))]
	if a == b {
		return false
	}
	var rs [64]int
	nr := 0
	try := func(r int) {
		if in.fixed[r][a] < 0 && in.fixed[r][b] < 0 && s.tab[r][a] != s.tab[r][b] {
			rs[nr] = r
			nr++
		}
	}
	if rng.IntN(2) == 0 {
		for r := 0; r < in.rounds && nr < len(rs); r++ {
			try(r)
		}
	} else {
		r1 := rng.IntN(in.rounds)
		r2 := rng.IntN(in.rounds)
		if r1 == r2 {
			return false
		}
		try(r1)
		try(r2)
	}
	if nr < 2 {
		return false
	}
	score, viol := s.score, s.viol
	for _, r := range rs[:nr] {
		s.swap(r, a, b)
	}
	ds := s.score - score
	if s.viol <= viol && (ds >= 0 || rng.Float64() < math.Exp(ds/temp)) {
		return true
	}
	for x := nr - 1; x >= 0; x-- {
		s.swap(rs[x], a, b)
	}
	s.score = score // the same pairs again, without rounding drift
	return false
}
