package workshop

import (
	"math"
	"math/rand/v2"
)

// greedy builds the plan round by round: fixed seats, then pending must-meet
// pairs (seated early, so that the constraint is met before the search
// starts), then each table is opened with the best admissible pair and filled
// with the company that adds the most potential. When no admissible company
// is left it takes the least bad one; repair removes those violations.
func greedy(in *instance) *state {
	s := newState(in)
	for r := 0; r < in.rounds; r++ {
		free := s.seatFixed(r)
		free = s.seatMustMeet(r, free)
		for t, size := range in.sizes {
			for len(s.mem[r][t]) < size && len(free) > 0 {
				if len(s.mem[r][t]) == 0 {
					free = s.openTable(r, t, free)
					continue
				}
				best, bestBad, bestGain := -1, math.MaxInt, -1.0
				for i, c := range free {
					bad, gain := s.fit(r, c, t)
					if bad < bestBad || (bad == bestBad && gain > bestGain) {
						best, bestBad, bestGain = i, bad, gain
					}
				}
				s.seat(r, free[best], t)
				free = remove(free, best)
			}
		}
	}
	return s
}

// randomPlan seats companies in random order; after repair it gives the
// "random admissible plan" the optimiser is compared with.
func randomPlan(in *instance, rng *rand.Rand) *state {
	s := newState(in)
	for r := 0; r < in.rounds; r++ {
		free := s.seatFixed(r)
		rng.Shuffle(len(free), func(i, j int) { free[i], free[j] = free[j], free[i] })
		t := 0
		for _, c := range free {
			for len(s.mem[r][t]) >= in.sizes[t] {
				t++
			}
			s.seat(r, c, t)
		}
	}
	return s
}

// seatFixed seats the fixed companies of round r and returns the others.
func (s *state) seatFixed(r int) []int {
	var free []int
	for _, c := range s.in.active {
		if t := s.in.fixed[r][c]; t >= 0 {
			s.seat(r, c, t)
		} else {
			free = append(free, c)
		}
	}
	return free
}

// seatMustMeet seats every must-meet pair not met yet at a common table of
// round r when a table can take them without breaking a rule.
func (s *state) seatMustMeet(r int, free []int) []int {
	in := s.in
	for _, a := range in.active {
		for _, b := range in.mustOf[a] {
			if s.cnt[a*in.n+b] > 0 {
				continue
			}
			ta, tb := s.tab[r][a], s.tab[r][b]
			switch {
			case ta >= 0 && tb >= 0:
				continue
			case ta >= 0 || tb >= 0:
				other, t := b, ta
				if tb >= 0 {
					other, t = a, tb
				}
				if bad, _ := s.fit(r, other, t); bad == 0 && len(s.mem[r][t]) < in.sizes[t] {
					s.seat(r, other, t)
					free = removeValue(free, other)
				}
			default:
				best, bestGain := -1, -1.0
				for t, size := range in.sizes {
					if len(s.mem[r][t])+2 > size || in.compet[a*in.n+b] {
						continue
					}
					badA, gA := s.fit(r, a, t)
					badB, gB := s.fit(r, b, t)
					if badA == 0 && badB == 0 && gA+gB > bestGain {
						best, bestGain = t, gA+gB
					}
				}
				if best >= 0 {
					s.seat(r, a, best)
					s.seat(r, b, best)
					free = removeValue(removeValue(free, a), b)
				}
			}
		}
	}
	return free
}

// openTable seeds an empty table with the highest-potential admissible pair.
func (s *state) openTable(r, t int, free []int) []int {
	in := s.in
	bi, bj, bw := 0, -1, -1.0
	if in.sizes[t] >= 2 {
		for i, a := range free {
			for j := i + 1; j < len(free); j++ {
				ij := a*in.n + free[j]
				if s.cnt[ij] == 0 && !in.compet[ij] && in.w[ij] > bw {
					bi, bj, bw = i, j, in.w[ij]
				}
			}
		}
	}
	a := free[bi]
	s.seat(r, a, t)
	if bj < 0 {
		return remove(free, bi)
	}
	b := free[bj]
	s.seat(r, b, t)
	return removeValue(removeValue(free, a), b)
}

// fit counts the rule breaks of seating c at table t of round r and the
// potential it would add.
func (s *state) fit(r, c, t int) (int, float64) {
	in := s.in
	bad, gain := 0, 0.0
	for _, x := range s.mem[r][t] {
		ij := c*in.n + x
		if s.cnt[ij] > 0 || in.compet[ij] {
			bad++
		} else {
			gain += in.w[ij]
		}
	}
	return bad, gain
}

func remove(xs []int, i int) []int {
	xs[i] = xs[len(xs)-1]
	return xs[:len(xs)-1]
}

func removeValue(xs []int, v int) []int {
	for i, x := range xs {
		if x == v {
			return remove(xs, i)
		}
	}
	return xs
}
