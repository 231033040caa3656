// Package workshop plans the tables of a "bourse inter-entreprises": companies
// sit at small tables for several rounds, and the plan decides who meets whom.
//
// The package is pure: problems in, plans out, no storage and no HTTP. Every
// random choice comes from a seeded generator so that a plan can be rebuilt.
package workshop

import (
	"errors"
	"math"
)

// ErrInfeasible marks problems for which no plan can satisfy the hard
// constraints. Check and Solve wrap it in a *Reason that gives the reason in
// English and French.
var ErrInfeasible = errors.New("workshop: infeasible")

// ErrNoPlan marks problems that passed Check but for which the search found no
// admissible plan; Check only proves necessary conditions. Solve wraps it in
// a *Reason as well.
var ErrNoPlan = errors.New("workshop: no admissible plan found")

// Seat pins a company to a table in a given round (rounds and tables count from 0).
type Seat struct {
	Company, Round, Table int
}

// Problem describes a bourse: who comes, how interesting each pair is, and the
// rules the table plan must follow.
type Problem struct {
	// Companies names the participants; indices into it identify companies.
	// Late arrivals are simply appended: they are absent from Played rounds.
	Companies []string
	// Potential is the symmetric, non-negative interest of seating i with j.
	// A nil Potential means every pair is worth 0 (feasibility only).
	Potential func(i, j int) float64
	// TableSize is the maximum number of companies at a table.
	TableSize int
	// Rounds is the total number of rounds of the event, played ones included.
	Rounds int
	// Competitors must never sit at the same table.
	Competitors [][2]int
	// MustMeet pairs must share a table at least once.
	MustMeet [][2]int
	// Fixed seats are imposed by the organiser.
	Fixed []Seat
	// Played holds the rounds already played, Played[r][t] listing the
	// companies of table t; they are kept exactly as they are.
	Played [][][]int
	// Absent companies are left out of the remaining rounds.
	Absent []int
}

// Plan is a complete table plan with its score and reference figures.
type Plan struct {
	// Rounds[r][t] lists the companies of table t in round r, played rounds included.
	Rounds [][][]int
	// Score is the total potential of the pairs that share a table, each pair once.
	Score float64
	// Random is the score of a random admissible plan (0 if none was found).
	Random float64
	// Greedy is the score of the first admissible plan: the greedy plan once
	// repaired, or a restart when repair could not save it (0 when only the
	// affine design was admissible).
	Greedy float64
	// UpperBound no plan can exceed; see bound.go for how it is computed.
	UpperBound float64
}

// MatrixPotential adapts a square matrix to the Potential function.
func MatrixPotential(m [][]float64) func(i, j int) float64 {
	return func(i, j int) float64 { return m[i][j] }
}

// TableSizes splits n companies over ceil(n/k) tables as evenly as possible,
// larger tables first, so that no table exceeds k and sizes differ by at most one.
func TableSizes(n, k int) []int {
	if n <= 0 || k <= 0 {
		return nil
	}
	t := (n + k - 1) / k
	sizes := make([]int, t)
	for i := range sizes {
		sizes[i] = n / t
		if i < n%t {
			sizes[i]++
		}
	}
	return sizes
}

// potentialMatrix evaluates Potential once, because the search reads it
// millions of times and a user function may be slow; it also validates it.
func potentialMatrix(p Problem) ([]float64, error) {
	n := len(p.Companies)
	w := make([]float64, n*n)
	if p.Potential == nil {
		return w, nil
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a, b := p.Potential(i, j), p.Potential(j, i)
			if math.IsNaN(a) || math.IsInf(a, 0) || a < 0 {
				return nil, infeasible("potential of %s and %s is %v, it must be a finite number >= 0",
					"le potentiel de %s et %s vaut %v ; il doit être un nombre fini, positif ou nul",
					p.Companies[i], p.Companies[j], a)
			}
			if math.Abs(a-b) > 1e-9*math.Max(1, math.Abs(a)) {
				return nil, infeasible("potential is not symmetric for %s and %s (%v vs %v)",
					"le potentiel n'est pas symétrique pour %s et %s (%v contre %v)",
					p.Companies[i], p.Companies[j], a, b)
			}
			w[i*n+j], w[j*n+i] = a, a
		}
	}
	return w, nil
}
