package workshop

import "fmt"

// instance is a validated Problem in the dense form the search works on:
// n×n matrices indexed i*n+j, rounds counted from the first one still to play.
type instance struct {
	p       Problem
	n, k    int
	rounds  int // rounds still to plan
	played  int // rounds already played
	active  []int
	isAct   []bool
	sizes   []int // table sizes of every remaining round
	w       []float64
	compet  []bool
	must    []bool
	mustOf  [][]int // must-meet partners of each company
	base    []int16 // how often each pair met in played rounds
	fixed   [][]int // fixed[r][c] = table, or -1, for remaining rounds
	movable [][]int // companies not fixed, per remaining round
	// playedScore is the potential already earned in played rounds.
	playedScore float64
}

func (in *instance) name(c int) string { return in.p.Companies[c] }

// newInstance validates indices and shapes (the "is this a well-formed
// question" part of Check) and builds the dense form.
func newInstance(p Problem) (*instance, error) {
	n := len(p.Companies)
	if n == 0 {
		return nil, infeasible("no companies", "aucune entreprise")
	}
	if p.TableSize < 2 {
		return nil, infeasible("tables must seat at least 2 companies, got %d",
			"une table doit accueillir au moins 2 entreprises, pas %d", p.TableSize)
	}
	if p.Rounds < 0 || len(p.Played) > p.Rounds {
		return nil, infeasible("%d rounds planned but %d already played",
			"%d tours prévus mais %d déjà joués", p.Rounds, len(p.Played))
	}
	in := &instance{p: p, n: n, k: p.TableSize, played: len(p.Played), rounds: p.Rounds - len(p.Played)}
	valid := func(c int) bool { return c >= 0 && c < n }
	pairOK := func(kindEN, kindFR string, a, b int) error {
		if !valid(a) || !valid(b) || a == b {
			return &Reason{Err: ErrInfeasible,
				EN: fmt.Sprintf("%s pair (%d, %d) does not name two different companies", kindEN, a, b),
				FR: fmt.Sprintf("la paire %s (%d, %d) ne désigne pas deux entreprises différentes", kindFR, a, b)}
		}
		return nil
	}
	var err error
	if in.w, err = potentialMatrix(p); err != nil {
		return nil, err
	}
	in.isAct = make([]bool, n)
	for i := range in.isAct {
		in.isAct[i] = true
	}
	for _, c := range p.Absent {
		if !valid(c) {
			return nil, infeasible("absent company %d does not exist", "l'entreprise absente %d n'existe pas", c)
		}
		in.isAct[c] = false
	}
	for c := 0; c < n; c++ {
		if in.isAct[c] {
			in.active = append(in.active, c)
		}
	}
	in.sizes = TableSizes(len(in.active), in.k)
	in.compet = make([]bool, n*n)
	for _, cp := range p.Competitors {
		if err := pairOK("competitor", "de concurrents", cp[0], cp[1]); err != nil {
			return nil, err
		}
		in.compet[cp[0]*n+cp[1]], in.compet[cp[1]*n+cp[0]] = true, true
	}
	in.must = make([]bool, n*n)
	in.mustOf = make([][]int, n)
	for _, m := range p.MustMeet {
		a, b := m[0], m[1]
		if err := pairOK("must-meet", "à faire se rencontrer", a, b); err != nil {
			return nil, err
		}
		if !in.must[a*n+b] {
			in.must[a*n+b], in.must[b*n+a] = true, true
			in.mustOf[a] = append(in.mustOf[a], b)
			in.mustOf[b] = append(in.mustOf[b], a)
		}
	}
	if err := in.loadPlayed(); err != nil {
		return nil, err
	}
	if err := in.loadFixed(); err != nil {
		return nil, err
	}
	return in, nil
}

// loadPlayed counts the meetings of played rounds; they are history, but a
// history that already breaks a hard rule cannot be extended into a valid plan.
func (in *instance) loadPlayed() error {
	n := in.n
	in.base = make([]int16, n*n)
	for r, round := range in.p.Played {
		seen := make([]bool, n)
		for _, table := range round {
			for _, c := range table {
				if c < 0 || c >= n {
					return infeasible("played round %d seats unknown company %d",
						"le tour joué %d place une entreprise inconnue (%d)", r+1, c)
				}
				if seen[c] {
					return infeasible("played round %d seats %s twice", "le tour joué %d place %s deux fois", r+1, in.name(c))
				}
				seen[c] = true
			}
			for x, a := range table {
				for _, b := range table[x+1:] {
					if in.base[a*n+b] == 0 {
						in.playedScore += in.w[a*n+b]
					}
					in.base[a*n+b]++
					in.base[b*n+a]++
					if in.base[a*n+b] > 1 {
						return infeasible("played rounds already seat %s and %s together twice",
							"les tours joués ont déjà réuni %s et %s deux fois", in.name(a), in.name(b))
					}
					if in.compet[a*n+b] {
						return infeasible("played round %d already seats competitors %s and %s together",
							"le tour joué %d a déjà réuni les concurrents %s et %s", r+1, in.name(a), in.name(b))
					}
				}
			}
		}
	}
	return nil
}

// loadFixed places fixed seats; seats in played rounds must match what happened.
func (in *instance) loadFixed() error {
	n := in.n
	in.fixed = make([][]int, in.rounds)
	for r := range in.fixed {
		in.fixed[r] = make([]int, n)
		for c := range in.fixed[r] {
			in.fixed[r][c] = -1
		}
	}
	for _, s := range in.p.Fixed {
		c := s.Company
		if c < 0 || c >= n || s.Round < 0 || s.Round >= in.played+in.rounds || s.Table < 0 {
			return infeasible("fixed seat of company %d at table %d of round %d is out of range",
				"la place imposée de l'entreprise %d à la table %d du tour %d est hors limites", c, s.Table+1, s.Round+1)
		}
		if s.Round < in.played {
			t := s.Table
			if t >= len(in.p.Played[s.Round]) || !contains(in.p.Played[s.Round][t], c) {
				return infeasible("fixed seat of %s at table %d of round %d contradicts the played round",
					"la place imposée de %s à la table %d du tour %d contredit le tour déjà joué", in.name(c), t+1, s.Round+1)
			}
			continue
		}
		r := s.Round - in.played
		if !in.isAct[c] {
			return infeasible("%s is absent but has a fixed seat in round %d",
				"l'entreprise %s est absente mais a une place imposée au tour %d", in.name(c), s.Round+1)
		}
		if s.Table >= len(in.sizes) {
			return infeasible("fixed seat of %s at table %d but there are only %d tables",
				"place imposée de %s à la table %d, mais il n'y a que %d tables", in.name(c), s.Table+1, len(in.sizes))
		}
		if old := in.fixed[r][c]; old >= 0 && old != s.Table {
			return infeasible("%s is fixed at two tables (%d and %d) in round %d",
				"l'entreprise %s a une place imposée à deux tables (%d et %d) au tour %d", in.name(c), old+1, s.Table+1, s.Round+1)
		}
		in.fixed[r][c] = s.Table
	}
	in.movable = make([][]int, in.rounds)
	for r := range in.fixed {
		for _, c := range in.active {
			if in.fixed[r][c] < 0 {
				in.movable[r] = append(in.movable[r], c)
			}
		}
	}
	return nil
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
