package workshop

import (
	"math/rand/v2"
	"testing"
	"time"
)

// replanProblem plays the first rounds of a 100-company bourse, then three
// companies leave and two arrive late: the situation on the day.
func replanProblem(t testing.TB, played int) Problem {
	first := spec{n: 100, k: 5, rounds: 6, competitors: 10, must: 10, seed: 77}.problem()
	plan, err := Solve(first, 77, 5*time.Second)
	if err != nil {
		t.Fatalf("initial plan: %v", err)
	}
	rng := rand.New(rand.NewPCG(77, 1))
	m := randomMatrix(102, rng)
	p := first
	p.Companies = names(102) // C100 and C101 arrive late
	p.Potential = MatrixPotential(m)
	p.Played = plan.Rounds[:played]
	p.Absent = []int{3, 50, 97}
	// Must-meet pairs of leavers cannot be honoured any more.
	var must [][2]int
	for _, mm := range first.MustMeet {
		if mm[0] != 3 && mm[0] != 50 && mm[0] != 97 && mm[1] != 3 && mm[1] != 50 && mm[1] != 97 {
			must = append(must, mm)
		}
	}
	p.MustMeet = append(must, [2]int{100, 101}, [2]int{100, 0})
	p.Fixed = []Seat{{Company: 101, Round: played, Table: 0}}
	return p
}

func TestReplan(t *testing.T) {
	tests := []struct {
		name   string
		played int
	}{
		{"after one round", 1},
		{"after three rounds", 3},
		{"after five rounds", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := replanProblem(t, tt.played)
			plan, err := Solve(p, 5, time.Second)
			if err != nil {
				t.Fatalf("Solve: %v", err)
			}
			// Verify checks that played rounds are untouched, absent companies
			// are left out, and every present one, late arrivals included, sits.
			if err := Verify(p, plan); err != nil {
				t.Fatalf("Verify: %v", err)
			}
			for r := range p.Played {
				if &plan.Rounds[r][0][0] == &p.Played[r][0][0] {
					t.Fatal("plan shares memory with the played rounds")
				}
			}
		})
	}
}

func TestReplanNothingLeft(t *testing.T) {
	p := replanProblem(t, 6)
	p.Absent, p.MustMeet, p.Fixed = nil, nil, nil
	p.Companies = names(100)
	plan, err := Solve(p, 1, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(p, plan); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkReplan100 re-plans the last three rounds of a 100-company bourse.
func BenchmarkReplan100(b *testing.B) {
	p := replanProblem(b, 3)
	var plan Plan
	for b.Loop() {
		var err error
		if plan, err = Solve(p, 5, time.Second); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(100*plan.Score/plan.UpperBound, "%bound")
}
