package workshop

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkSolve100 reports the score as a share of the upper bound, next to
// the greedy and random plans, for 100 companies at tables of 5.
func BenchmarkSolve100(b *testing.B) {
	for _, rounds := range []int{4, 6} {
		b.Run(fmt.Sprintf("rounds=%d", rounds), func(b *testing.B) {
			p := spec{n: 100, k: 5, rounds: rounds, seed: 2026}.problem()
			var plan Plan
			for b.Loop() {
				var err error
				if plan, err = Solve(p, 1, 2*time.Second); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(100*plan.Score/plan.UpperBound, "%bound")
			b.ReportMetric(100*plan.Greedy/plan.UpperBound, "%bound_greedy")
			b.ReportMetric(100*plan.Random/plan.UpperBound, "%bound_random")
		})
	}
}

// BenchmarkCheckInfeasible measures how fast 20 companies, tables of 5,
// 2 rounds is rejected.
func BenchmarkCheckInfeasible(b *testing.B) {
	p := Problem{Companies: names(20), TableSize: 5, Rounds: 2}
	for b.Loop() {
		if Check(p) == nil {
			b.Fatal("20/5/2 reported feasible")
		}
	}
}
