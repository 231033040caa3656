package workshop

import (
	"sort"
	"time"
)

// upperBound returns a score no plan can exceed: the played score plus the
// smallest of three valid bounds on the remaining rounds (see pairBound and
// tableBound). lower is the score of an admissible plan of the remaining
// rounds: it only sizes the steps of the table bound and, when it already
// reaches the pair bound, makes the table bound useless. work and deadline
// limit the table bound (see there); with work 0 it is skipped.
func upperBound(in *instance, lower float64, work int, deadline time.Time) float64 {
	if in.rounds == 0 || len(in.active) == 0 {
		return in.playedScore
	}
	b := pairBound(in)
	if work > 0 && lower < b*(1-1e-9) {
		if t, ok := tableBound(in, lower, work, deadline); ok {
			b = min(b, t)
		}
	}
	return in.playedScore + b
}

// pairBound is the smaller of two bounds that look at pairs only:
//
//   - per company: over the remaining rounds a company meets at most
//     R·(smax−1) new companies, so its share cannot exceed the sum of its
//     R·(smax−1) best potentials towards companies it may still meet; every
//     pair is counted by both ends, hence the half;
//   - global: the rounds hold at most P = R·Σ s(s−1)/2 new pairs, worth at
//     most the P largest admissible potentials.
//
// Both ignore that the guests of a table must also suit each other, which
// is what tableBound adds.
func pairBound(in *instance) float64 {
	n := in.n
	perCompany := in.rounds * (in.sizes[0] - 1)
	pairs := 0
	for _, s := range in.sizes {
		pairs += in.rounds * s * (s - 1) / 2
	}
	var all []float64
	half := 0.0
	row := make([]float64, 0, n)
	for _, a := range in.active {
		row = row[:0]
		for _, b := range in.active {
			ij := a*n + b
			if a != b && in.base[ij] == 0 && !in.compet[ij] {
				row = append(row, in.w[ij])
				if a < b {
					all = append(all, in.w[ij])
				}
			}
		}
		half += sumLargest(row, perCompany)
	}
	return min(half/2, sumLargest(all, pairs))
}

func sumLargest(xs []float64, m int) float64 {
	sort.Sort(sort.Reverse(sort.Float64Slice(xs)))
	total := 0.0
	for i := 0; i < m && i < len(xs); i++ {
		total += xs[i]
	}
	return total
}
