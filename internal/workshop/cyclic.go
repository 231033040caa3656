package workshop

import (
	"math/rand/v2"
	"sort"
)

// cyclicPlan gives the repair a start with few conflicts on tight problems,
// where greedy and random starts leave too many. Companies fill a k×T grid
// of slots (x, y); in round r the slot (x, y) sits at table y + r·x mod T.
// Two slots with x1 ≠ x2 meet in round r when r·(x1−x2) ≡ y2−y1, so they meet
// at most once as long as T divides no product of a difference of rounds by a
// difference of columns, which holds when T is prime and at least k and R
// (for composite T many pairs meet again, so it is not used). Empty slots all
// sit in the last column, so they never share a table and table sizes stay
// as even as possible. Fixed seats are not handled: the caller skips this
// start when there are any.
func cyclicPlan(in *instance, rng *rand.Rand) *state {
	k, T := in.k, len(in.sizes)
	companies := append([]int(nil), in.active...)
	rng.Shuffle(len(companies), func(i, j int) { companies[i], companies[j] = companies[j], companies[i] })
	ghosts := k*T - len(companies)
	type slot struct{ x, y int }
	slots := make([]slot, 0, len(companies))
	for x := 0; x < k; x++ {
		for y := 0; y < T; y++ {
			if x == k-1 && y >= T-ghosts {
				continue
			}
			slots = append(slots, slot{x, y})
		}
	}
	s := newState(in)
	for r := 0; r < in.rounds; r++ {
		tables := make([][]int, T)
		for i, c := range companies {
			t := (slots[i].y + r*slots[i].x) % T
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

// cyclicFits tells whether the cyclic plan is free of repeats (T prime, at
// least k and R) and there is no fixed seat it would ignore.
func (in *instance) cyclicFits() bool {
	T := len(in.sizes)
	if !isPrime(T) || T < in.k || T < in.rounds {
		return false
	}
	for r := range in.movable {
		if len(in.movable[r]) != len(in.active) {
			return false
		}
	}
	return true
}
