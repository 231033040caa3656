package workshop

import (
	"fmt"
	"math/rand/v2"
)

// spec describes a random instance; fixed seeds make every test repeatable.
type spec struct {
	n, k, rounds      int
	competitors, must int
	fixed             int
	seed              uint64
}

func names(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("C%03d", i)
	}
	return out
}

// randomMatrix draws symmetric potentials uniform in [0, 1).
func randomMatrix(n int, rng *rand.Rand) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			m[i][j] = rng.Float64()
			m[j][i] = m[i][j]
		}
	}
	return m
}

// distinctPairs draws count different pairs that avoid the ones in used.
func distinctPairs(n, count int, rng *rand.Rand, used map[[2]int]bool) [][2]int {
	var out [][2]int
	for len(out) < count {
		a, b := rng.IntN(n), rng.IntN(n)
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		if used[[2]int{a, b}] {
			continue
		}
		used[[2]int{a, b}] = true
		out = append(out, [2]int{a, b})
	}
	return out
}

func (s spec) problem() Problem {
	rng := rand.New(rand.NewPCG(s.seed, 7))
	used := map[[2]int]bool{}
	p := Problem{
		Companies:   names(s.n),
		Potential:   MatrixPotential(randomMatrix(s.n, rng)),
		TableSize:   s.k,
		Rounds:      s.rounds,
		Competitors: distinctPairs(s.n, s.competitors, rng, used),
		MustMeet:    distinctPairs(s.n, s.must, rng, used),
	}
	// Fixed seats of distinct companies in the first round, spread over the
	// tables so that they cannot overflow one.
	tables := len(TableSizes(s.n, s.k))
	for i, c := range rng.Perm(s.n)[:s.fixed] {
		p.Fixed = append(p.Fixed, Seat{Company: c, Round: i % s.rounds, Table: i % tables})
	}
	return p
}

func totalPotential(p Problem) float64 {
	total := 0.0
	for i := range p.Companies {
		for j := i + 1; j < len(p.Companies); j++ {
			total += p.Potential(i, j)
		}
	}
	return total
}
