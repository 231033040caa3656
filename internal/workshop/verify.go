package workshop

import (
	"fmt"
	"math"
)

// Verify checks a plan against every hard rule of p, recomputing everything
// from plan.Rounds alone. It deliberately shares no code with the solver so
// that a bug in the solver's bookkeeping cannot hide itself.
func Verify(p Problem, plan Plan) error {
	n := len(p.Companies)
	if len(plan.Rounds) != p.Rounds {
		return fmt.Errorf("plan has %d rounds, want %d", len(plan.Rounds), p.Rounds)
	}
	absent := map[int]bool{}
	for _, c := range p.Absent {
		absent[c] = true
	}
	type pair struct{ a, b int }
	key := func(a, b int) pair {
		if a > b {
			a, b = b, a
		}
		return pair{a, b}
	}
	met := map[pair]int{}
	where := map[[2]int]int{} // (round, company) -> table
	for r, round := range plan.Rounds {
		if r < len(p.Played) && !sameRound(round, p.Played[r]) {
			return fmt.Errorf("played round %d was changed", r+1)
		}
		for t, table := range round {
			for _, c := range table {
				if c < 0 || c >= n {
					return fmt.Errorf("round %d table %d: unknown company %d", r+1, t+1, c)
				}
				if _, dup := where[[2]int{r, c}]; dup {
					return fmt.Errorf("round %d: %s seated twice", r+1, p.Companies[c])
				}
				where[[2]int{r, c}] = t
			}
			for x := range table {
				for y := x + 1; y < len(table); y++ {
					met[key(table[x], table[y])]++
				}
			}
		}
		if r < len(p.Played) {
			continue
		}
		if err := verifyTables(p, r, round, absent, where); err != nil {
			return err
		}
	}
	score := 0.0
	for pr, m := range met {
		if m > 1 {
			return fmt.Errorf("%s and %s meet %d times", p.Companies[pr.a], p.Companies[pr.b], m)
		}
		if p.Potential != nil {
			score += p.Potential(pr.a, pr.b)
		}
	}
	for _, c := range p.Competitors {
		if met[key(c[0], c[1])] > 0 {
			return fmt.Errorf("competitors %s and %s share a table", p.Companies[c[0]], p.Companies[c[1]])
		}
	}
	for _, m := range p.MustMeet {
		if met[key(m[0], m[1])] == 0 {
			return fmt.Errorf("%s and %s must meet but never do", p.Companies[m[0]], p.Companies[m[1]])
		}
	}
	for _, s := range p.Fixed {
		if t, ok := where[[2]int{s.Round, s.Company}]; !ok || t != s.Table {
			return fmt.Errorf("fixed seat of %s at table %d of round %d not respected", p.Companies[s.Company], s.Table+1, s.Round+1)
		}
	}
	if math.Abs(score-plan.Score) > 1e-6*math.Max(1, score) {
		return fmt.Errorf("plan claims score %v, its pairs are worth %v", plan.Score, score)
	}
	return nil
}

// verifyTables checks that a planned round seats every present company, no
// absent one, at tables of at most TableSize whose sizes differ by at most
// one, larger tables first.
func verifyTables(p Problem, r int, round [][]int, absent map[int]bool, where map[[2]int]int) error {
	present := 0
	for c := range p.Companies {
		_, seated := where[[2]int{r, c}]
		switch {
		case absent[c] && seated:
			return fmt.Errorf("round %d seats absent %s", r+1, p.Companies[c])
		case !absent[c] && !seated:
			return fmt.Errorf("round %d leaves out %s", r+1, p.Companies[c])
		case seated:
			present++
		}
	}
	if want := (present + p.TableSize - 1) / p.TableSize; len(round) != want {
		return fmt.Errorf("round %d has %d tables, want %d", r+1, len(round), want)
	}
	for t, table := range round {
		if len(table) > p.TableSize {
			return fmt.Errorf("round %d table %d seats %d, more than %d", r+1, t+1, len(table), p.TableSize)
		}
		if t > 0 && (len(table) > len(round[t-1]) || len(round[0])-len(table) > 1) {
			return fmt.Errorf("round %d: table sizes are not as even as possible", r+1)
		}
	}
	return nil
}

func sameRound(a, b [][]int) bool {
	if len(a) != len(b) {
		return false
	}
	for t := range a {
		if len(a[t]) != len(b[t]) {
			return false
		}
		for i := range a[t] {
			if a[t][i] != b[t][i] {
				return false
			}
		}
	}
	return true
}
