package workshop

import "sort"

// upperBound returns the smaller of two valid bounds on the score:
//
//   - per company: over the remaining rounds a company meets at most
//     R·(smax−1) new companies, so its share cannot exceed the sum of its
//     R·(smax−1) best potentials towards companies it may still meet; every
//     pair is counted by both ends, hence the half;
//   - global: the rounds hold at most P = R·Σ s(s−1)/2 new pairs, worth at
//     most the P largest admissible potentials.
//
// Both add the potential already earned in played rounds.
func upperBound(in *instance) float64 {
	if in.rounds == 0 || len(in.active) == 0 {
		return in.playedScore
	}
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
	return in.playedScore + min(half/2, sumLargest(all, pairs))
}

func sumLargest(xs []float64, m int) float64 {
	sort.Sort(sort.Reverse(sort.Float64Slice(xs)))
	total := 0.0
	for i := 0; i < m && i < len(xs); i++ {
		total += xs[i]
	}
	return total
}
