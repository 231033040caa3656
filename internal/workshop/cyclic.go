package workshop

import (
	"math/rand/v2"
	"sort"
)

// cyclicPlan gives the repair a start with few conflicts on tight problems,
// where greedy and random starts leave too many. Companies fill a k×T grid
// of slots (x, y); in round r the slot (x, y) sits at table y + r·x, with
// the arithmetic of the field GF(T). Two slots with x1 ≠ x2 meet in round r
// when r·(x1−x2) = y2−y1, that is for one r only, and slots of one column
// never meet: the plan has no repeat as long as T is a prime power (so that
// the field exists) and at least k and R. 40 companies at tables of 5 make
// 8 tables, a prime power but not a prime. Empty slots all sit in the last
// column, so they never share a table and table sizes stay as even as
// possible. Fixed seats are not handled: the caller skips this start when
// there are any.
func cyclicPlan(in *instance, rng *rand.Rand) *state {
	k, T := in.k, len(in.sizes)
	f := newField(T)
	companies := append([]int(nil), in.active...)
	rng.Shuffle(len(companies), func(i, j int) { companies[i], companies[j] = companies[j], companies[i] })
	ghosts := k*T - len(companies)
	slots := make([]slot, 0, len(companies))
	for x := 0; x < k; x++ {
		for y := 0; y < T; y++ {
			if x == k-1 && y >= T-ghosts {
				continue
			}
			slots = append(slots, slot{x, y})
		}
	}
	arrange(in, f, slots, companies, rng)
	s := newState(in)
	for r := 0; r < in.rounds; r++ {
		tables := make([][]int, T)
		for i, c := range companies {
			t := f.add[slots[i].y*T+f.mul[r*T+slots[i].x]]
			tables[t] = append(tables[t], c)
		}
		// Larger tables first, as TableSizes numbers them.
		sort.SliceStable(tables, func(a, b int) bool { return len(tables[a]) > len(tables[b]) })
		for t, cs := range tables {
			for _, c := range cs {
				s.seat(r, c, t)
			}
		}
	}
	return s
}

type slot struct{ x, y int }

// arrangeMoves caps the local search of arrange; on 40/5/6 with 15
// competitors and up to 6 must-meet pairs it needed at most 160 moves over
// 39 draws, and always reached a plan without any violation.
const arrangeMoves = 20000

// arrange permutes companies over the slots so that, as far as a short local
// search can, competitors and pairs that already met get slots that never
// meet, and must-meet pairs slots that do. The design itself has no repeat,
// so a good arrangement leaves the repair little or nothing to do: on 40
// companies at tables of 5 for 6 rounds each slot misses 15 others, plenty of
// room for a dozen competitor pairs, whereas repairing them swap by swap in
// a plan that tight often fails.
func arrange(in *instance, f *field, slots []slot, companies []int, rng *rand.Rand) {
	n, S, T := in.n, len(slots), f.q
	meet := make([]bool, S*S) // slots i and j share a table in some round
	for i := range slots {
		for j := range slots {
			dx := f.sub(slots[i].x, slots[j].x)
			dy := f.sub(slots[j].y, slots[i].y)
			for r := 0; r < in.rounds && dx != 0; r++ {
				if f.mul[r*T+dx] == dy {
					meet[i*S+j] = true
				}
			}
		}
	}
	// rules[c]: companies with which c must not meet (false) or must (true).
	type rule struct {
		other int
		need  bool
	}
	rules := make([][]rule, n)
	for _, a := range companies {
		for _, b := range companies {
			ab := a*n + b
			switch {
			case a == b:
			case in.compet[ab] || in.base[ab] > 0:
				rules[a] = append(rules[a], rule{b, false})
			case in.must[ab]:
				rules[a] = append(rules[a], rule{b, true})
			}
		}
	}
	at := make([]int, n) // slot of each company
	for i, c := range companies {
		at[c] = i
	}
	broken := func(c int) int {
		k := 0
		for _, r := range rules[c] {
			if meet[at[c]*S+at[r.other]] != r.need {
				k++
			}
		}
		return k
	}
	var bad []int
	for it := 0; it < arrangeMoves; it++ {
		// The list of companies with a broken rule is refreshed now and
		// then only: a stale pick costs one undone move, a refresh a scan.
		if it%16 == 0 {
			bad = bad[:0]
			for _, c := range companies {
				if broken(c) > 0 {
					bad = append(bad, c)
				}
			}
			if len(bad) == 0 {
				break
			}
		}
		a := bad[rng.IntN(len(bad))]
		b := companies[rng.IntN(len(companies))]
		before := broken(a) + broken(b)
		at[a], at[b] = at[b], at[a]
		// Sideways moves are kept, which lets the search drift off
		// plateaus; worse ones are undone.
		if broken(a)+broken(b) > before {
			at[a], at[b] = at[b], at[a]
		}
	}
	for _, c := range append([]int(nil), companies...) {
		companies[at[c]] = c
	}
}

// cyclicFits tells whether the cyclic plan is free of repeats (T a prime
// power, at least k and R) and there is no fixed seat it would ignore.
func (in *instance) cyclicFits() bool {
	T := len(in.sizes)
	if p, _ := primePower(T); p == 0 || T < in.k || T < in.rounds {
		return false
	}
	for r := range in.movable {
		if len(in.movable[r]) != len(in.active) {
			return false
		}
	}
	return true
}
