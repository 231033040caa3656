package workshop

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"
)

// benchSolve solves p b.N times with a 2 s budget and returns the plan.
func benchSolve(b *testing.B, p Problem) Plan {
	var plan Plan
	for b.Loop() {
		var err error
		if plan, err = Solve(p, 1, 2*time.Second); err != nil {
			b.Fatal(err)
		}
	}
	return plan
}

// reportPlan reports a plan's score, greedy and random plans as shares of
// its upper bound.
func reportPlan(b *testing.B, plan Plan) {
	b.ReportMetric(100*plan.Score/plan.UpperBound, "%bound")
	b.ReportMetric(100*plan.Greedy/plan.UpperBound, "%bound_greedy")
	b.ReportMetric(100*plan.Random/plan.UpperBound, "%bound_random")
}

// BenchmarkSolve100 reports the score as a share of the upper bound, next to
// the greedy and random plans, for 100 companies at tables of 5.
func BenchmarkSolve100(b *testing.B) {
	for _, rounds := range []int{4, 6} {
		b.Run(fmt.Sprintf("rounds=%d", rounds), func(b *testing.B) {
			reportPlan(b, benchSolve(b, spec{n: 100, k: 5, rounds: rounds, seed: 2026}.problem()))
		})
	}
}

// demo68 loads testdata/demo68.json, the pair potentials the matching
// engine gives the 68 companies of the demo territory (see testdata/README.md).
func demo68(tb testing.TB, rounds int) Problem {
	tb.Helper()
	data, err := os.ReadFile("testdata/demo68.json")
	if err != nil {
		tb.Fatal(err)
	}
	var fx struct {
		Companies []string    `json:"companies"`
		Potential [][]float64 `json:"potential"`
	}
	if err := json.Unmarshal(data, &fx); err != nil {
		tb.Fatal(err)
	}
	return Problem{Companies: fx.Companies, Potential: MatrixPotential(fx.Potential), TableSize: 5, Rounds: rounds}
}

// BenchmarkSolveDemo68 is the realistic case: the demo territory's 68
// companies at tables of 5, potentials from the matching engine (skewed and
// clustered, unlike the uniform ones of BenchmarkSolve100).
func BenchmarkSolveDemo68(b *testing.B) {
	for _, rounds := range []int{4, 6} {
		b.Run(fmt.Sprintf("rounds=%d", rounds), func(b *testing.B) {
			p := demo68(b, rounds)
			plan := benchSolve(b, p)
			if err := Verify(p, plan); err != nil {
				b.Fatal(err)
			}
			reportPlan(b, plan)
		})
	}
}

// BenchmarkSolve40Competitors plans 40 companies at tables of 5 for 6
// rounds with 12 competitor pairs and 6 must-meet pairs; Verify must accept
// the plan (no repeat, no competitors together, every must-meet pair met).
func BenchmarkSolve40Competitors(b *testing.B) {
	p := spec{n: 40, k: 5, rounds: 6, competitors: 12, must: 6, seed: 40}.problem()
	plan := benchSolve(b, p)
	if err := Verify(p, plan); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(0, "violations")
	b.ReportMetric(100*plan.Score/plan.UpperBound, "%bound")
}

// BenchmarkSolve25Perfect plans 25 companies at tables of 5 for 6 rounds:
// the affine plane seats every pair exactly once, score = bound.
func BenchmarkSolve25Perfect(b *testing.B) {
	plan := benchSolve(b, spec{n: 25, k: 5, rounds: 6, seed: 25}.problem())
	b.ReportMetric(100*plan.Score/plan.UpperBound, "%bound")
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
