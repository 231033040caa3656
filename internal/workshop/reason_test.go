package workshop

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestReasonsBilingual triggers every reason Check and Solve can give and
// checks that each carries an English and a French text, reachable with
// errors.As, while errors.Is and the English Error() keep working.
func TestReasonsBilingual(t *testing.T) {
	base := func(n, k, r int) Problem { return Problem{Companies: names(n), TableSize: k, Rounds: r} }
	with := func(p Problem, f func(*Problem)) Problem { f(&p); return p }
	played := [][][]int{{{0, 1, 2}, {3, 4, 5}, {6, 7, 8}}}
	tests := []struct {
		name string
		p    Problem
	}{
		{"no companies", base(0, 3, 1)},
		{"table size", base(10, 1, 1)},
		{"played more than planned", with(base(9, 3, 0), func(p *Problem) { p.Played = played })},
		{"negative potential", with(base(4, 2, 1), func(p *Problem) { p.Potential = func(i, j int) float64 { return -1 } })},
		{"asymmetric potential", with(base(4, 2, 1), func(p *Problem) { p.Potential = func(i, j int) float64 { return float64(i) } })},
		{"bad competitor pair", with(base(9, 3, 1), func(p *Problem) { p.Competitors = [][2]int{{1, 1}} })},
		{"bad must-meet pair", with(base(9, 3, 1), func(p *Problem) { p.MustMeet = [][2]int{{1, 99}} })},
		{"unknown absent", with(base(9, 3, 1), func(p *Problem) { p.Absent = []int{9} })},
		{"played unknown company", with(base(9, 3, 2), func(p *Problem) { p.Played = [][][]int{{{0, 1, 20}}} })},
		{"played twice in a round", with(base(9, 3, 2), func(p *Problem) { p.Played = [][][]int{{{0, 1, 2}, {0, 4, 5}}} })},
		{"played repeat", with(base(9, 3, 3), func(p *Problem) {
			p.Played = [][][]int{{{0, 1, 2}, {3, 4, 5}, {6, 7, 8}}, {{0, 1, 3}, {2, 4, 6}, {5, 7, 8}}}
		})},
		{"played competitors", with(base(9, 3, 2), func(p *Problem) { p.Played, p.Competitors = played, [][2]int{{0, 2}} })},
		{"fixed out of range", with(base(9, 3, 2), func(p *Problem) { p.Fixed = []Seat{{0, 5, 0}} })},
		{"fixed contradicts played", with(base(9, 3, 2), func(p *Problem) { p.Played, p.Fixed = played, []Seat{{0, 0, 2}} })},
		{"fixed absent", with(base(9, 3, 2), func(p *Problem) { p.Absent, p.Fixed = []int{0}, []Seat{{0, 1, 0}} })},
		{"fixed beyond the tables", with(base(9, 3, 2), func(p *Problem) { p.Fixed = []Seat{{0, 1, 3}} })},
		{"fixed at two tables", with(base(25, 5, 2), func(p *Problem) { p.Fixed = []Seat{{1, 0, 3}, {1, 0, 4}} })},
		{"pigeonhole", base(20, 5, 2)},
		{"too many rounds", base(25, 5, 7)},
		{"company short of partners", with(base(25, 5, 6), func(p *Problem) { p.Competitors = [][2]int{{0, 1}} })},
		{"fixed overflow", with(base(25, 5, 2), func(p *Problem) {
			for c := 0; c < 6; c++ {
				p.Fixed = append(p.Fixed, Seat{c, 1, 0})
			}
		})},
		{"fixed competitors", with(base(25, 5, 2), func(p *Problem) {
			p.Competitors, p.Fixed = [][2]int{{1, 2}}, []Seat{{1, 0, 3}, {2, 0, 3}}
		})},
		{"fixed with a played partner", with(base(9, 3, 3), func(p *Problem) { p.Played, p.Fixed = played, []Seat{{0, 1, 0}, {1, 1, 0}} })},
		{"fixed together twice", with(base(25, 5, 2), func(p *Problem) { p.Fixed = []Seat{{1, 0, 3}, {2, 0, 3}, {1, 1, 0}, {2, 1, 0}} })},
		{"must-meet competitors", with(base(25, 5, 2), func(p *Problem) { p.Competitors, p.MustMeet = [][2]int{{1, 2}}, [][2]int{{2, 1}} })},
		{"must-meet absent", with(base(25, 5, 2), func(p *Problem) { p.MustMeet, p.Absent = [][2]int{{3, 4}}, []int{4} })},
		{"must-meet kept apart", with(base(25, 5, 1), func(p *Problem) {
			p.MustMeet, p.Fixed = [][2]int{{1, 2}}, []Seat{{1, 0, 0}, {2, 0, 1}}
		})},
		{"too many must-meet", with(base(25, 5, 1), func(p *Problem) {
			for c := 1; c <= 5; c++ {
				p.MustMeet = append(p.MustMeet, [2]int{0, c})
			}
		})},
	}
	seen := map[string]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.p)
			if !errors.Is(err, ErrInfeasible) {
				t.Fatalf("Check() = %v, want ErrInfeasible", err)
			}
			r := checkReason(t, err, ErrInfeasible)
			if other, dup := seen[r.EN]; dup {
				t.Fatalf("same reason as %q: the case does not reach a new reason", other)
			}
			seen[r.EN] = tt.name
		})
	}
	t.Run("no plan found", func(t *testing.T) {
		// Passes the counting checks but would need two orthogonal Latin
		// squares of order 6, which do not exist.
		_, err := Solve(base(36, 6, 4), 1, 100*time.Millisecond)
		checkReason(t, err, ErrNoPlan)
	})
}

func checkReason(t *testing.T, err, kind error) *Reason {
	t.Helper()
	var r *Reason
	if !errors.As(err, &r) || !errors.Is(err, kind) {
		t.Fatalf("error %v is not a *Reason wrapping %v", err, kind)
	}
	if r.EN == "" || r.FR == "" || r.EN == r.FR {
		t.Fatalf("reason needs distinct English and French texts: %+v", r)
	}
	for _, text := range []string{r.EN, r.FR} {
		if strings.Contains(text, "%!") {
			t.Fatalf("badly formatted reason %q", text)
		}
	}
	if err.Error() != kind.Error()+": "+r.EN {
		t.Fatalf("Error() = %q, want the English reason", err.Error())
	}
	if r.Text("fr-FR") != r.FR || r.Text("en") != r.EN || r.Text("") != r.EN {
		t.Fatal("Text picks the wrong language")
	}
	t.Logf("EN: %s\nFR: %s", r.EN, r.FR)
	return r
}
