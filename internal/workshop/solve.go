package workshop

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Solve plans the remaining rounds of p and returns the full plan, played
// rounds included and unchanged. It runs Check first, then builds a greedy
// plan (or the affine-plane design when it applies), repairs it until every
// hard rule holds, and improves it by simulated annealing.
//
// The search does a fixed number of moves that depends on the size of the
// problem, so the same seed gives the same plan; budget is a safety cap:
// if it is reached first the plan is still admissible but may differ.
func Solve(p Problem, seed uint64, budget time.Duration) (Plan, error) {
	in, err := newInstance(p)
	if err != nil {
		return Plan{}, err
	}
	if err := in.feasible(); err != nil {
		return Plan{}, err
	}
	start := time.Now()
	deadline := start.Add(budget)
	plan := Plan{UpperBound: upperBound(in)}
	if in.rounds == 0 || len(in.active) == 0 {
		s := newState(in)
		plan.Rounds, plan.Score, plan.Random, plan.Greedy = s.rounds(), s.score, s.score, s.score
		return plan, nil
	}
	moves := in.moveBudget()

	// Separate generators per phase keep each phase reproducible on its own.
	if rnd, ok := admissible(in, randomPlan(in, rngFor(seed, 1)), seed^0x5eed, 3, start.Add(budget/10)); ok {
		plan.Random = rnd.score
	}

	// The affine plane, when it applies, is admissible by construction and
	// is the start; the greedy plan is then only a reference figure.
	aff := affinePlan(in)
	attempts := 30
	if aff != nil {
		attempts = 1
	}
	cur, ok := admissible(in, greedy(in), seed, attempts, start.Add(budget*3/4))
	if ok {
		plan.Greedy = cur.score
	} else if aff == nil {
		return Plan{}, fmt.Errorf("%w: %d conflicts remain after the search (the problem passed the counting checks, "+
			"but may still be infeasible or need a longer budget)", ErrNoPlan, cur.viol)
	}
	if aff != nil && (cur.viol > 0 || aff.score >= cur.score) {
		cur = aff
	}
	best := anneal(cur, rngFor(seed, 4), moves, deadline)
	plan.Rounds, plan.Score = best.rounds(), best.score
	return plan, nil
}

// moveBudget scales the number of moves with the number of (round, company)
// decisions; the constant was tuned on the 100-company benchmarks.
func (in *instance) moveBudget() int {
	return 40000 * in.rounds * len(in.active) / max(1, in.k)
}

func rngFor(seed, phase uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, phase*0x9e3779b97f4a7c15+1))
}
