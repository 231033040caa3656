package workshop

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestTableSizes(t *testing.T) {
	tests := []struct {
		name string
		n, k int
		want []int
	}{
		{"exact", 25, 5, []int{5, 5, 5, 5, 5}},
		{"one short", 24, 5, []int{5, 5, 5, 5, 4}},
		{"spread the gap", 21, 5, []int{5, 4, 4, 4, 4}},
		{"tiny", 3, 5, []int{3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := TableSizes(tt.n, tt.k)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestCheck(t *testing.T) {
	base := func(n, k, r int) Problem {
		return Problem{Companies: names(n), TableSize: k, Rounds: r}
	}
	with := func(p Problem, f func(*Problem)) Problem { f(&p); return p }
	tests := []struct {
		name    string
		p       Problem
		wantErr string // substring of the reason; empty means feasible
	}{
		{"25/5/6 affine plane", base(25, 5, 6), ""},
		{"40/5/6", base(40, 5, 6), ""},
		{"20/5/1 single round", base(20, 5, 1), ""},
		{"20/5/2 pigeonhole", base(20, 5, 2), "4 tables, so a second round is impossible without repeats"},
		{"25/5/7 too many rounds", base(25, 5, 7), "at most 6 rounds"},
		{"must-meet competitors", with(base(25, 5, 2), func(p *Problem) {
			p.Competitors = [][2]int{{1, 2}}
			p.MustMeet = [][2]int{{2, 1}}
		}), "must meet but are competitors"},
		{"must-meet absent", with(base(25, 5, 2), func(p *Problem) {
			p.MustMeet = [][2]int{{3, 4}}
			p.Absent = []int{4}
		}), "one of them is absent"},
		{"fixed competitors together", with(base(25, 5, 2), func(p *Problem) {
			p.Competitors = [][2]int{{1, 2}}
			p.Fixed = []Seat{{1, 0, 3}, {2, 0, 3}}
		}), "competitors C001 and C002 are fixed at the same table"},
		{"fixed twice together", with(base(25, 5, 2), func(p *Problem) {
			p.Fixed = []Seat{{1, 0, 3}, {2, 0, 3}, {1, 1, 0}, {2, 1, 0}}
		}), "fixed at the same table in two rounds"},
		{"fixed at two tables", with(base(25, 5, 2), func(p *Problem) {
			p.Fixed = []Seat{{1, 0, 3}, {1, 0, 4}}
		}), "fixed at two tables"},
		{"fixed table overflow", with(base(25, 5, 2), func(p *Problem) {
			for c := 0; c < 6; c++ {
				p.Fixed = append(p.Fixed, Seat{c, 1, 0})
			}
		}), "6 companies are fixed at table 1"},
		{"fixed keeps must-meet apart", with(base(25, 5, 1), func(p *Problem) {
			p.MustMeet = [][2]int{{1, 2}}
			p.Fixed = []Seat{{1, 0, 0}, {2, 0, 1}}
		}), "keep them apart"},
		{"played repeat", with(base(9, 3, 3), func(p *Problem) {
			p.Played = [][][]int{{{0, 1, 2}, {3, 4, 5}, {6, 7, 8}}, {{0, 1, 3}, {2, 4, 6}, {5, 7, 8}}}
		}), "together twice"},
		{"too many must-meet", with(base(25, 5, 1), func(p *Problem) {
			for c := 1; c <= 5; c++ {
				p.MustMeet = append(p.MustMeet, [2]int{0, c})
			}
		}), "can meet at most 4"},
		{"negative potential", with(base(4, 2, 1), func(p *Problem) {
			p.Potential = func(i, j int) float64 { return -1 }
		}), "must be a finite number >= 0"},
		{"bad table size", base(10, 1, 1), "at least 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.p)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Check() = %v, want feasible", err)
				}
				return
			}
			if err == nil || !errors.Is(err, ErrInfeasible) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Check() = %v, want ErrInfeasible mentioning %q", err, tt.wantErr)
			}
		})
	}
}

// TestCheckInfeasibleIsFast guards the promise that the organiser learns at
// once that 20 companies at tables of 5 cannot play 2 rounds; the generous
// limit only catches an accidental search, the benchmark gives the real time.
func TestCheckInfeasibleIsFast(t *testing.T) {
	p := Problem{Companies: names(20), TableSize: 5, Rounds: 2}
	start := time.Now()
	err := Check(p)
	if err == nil {
		t.Fatal("20/5/2 reported feasible")
	}
	if d := time.Since(start); d > 10*time.Millisecond {
		t.Fatalf("Check took %v", d)
	}
	if _, err := Solve(p, 1, time.Second); !errors.Is(err, ErrInfeasible) {
		t.Fatalf("Solve() = %v, want ErrInfeasible", err)
	}
}
