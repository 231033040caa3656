package workshop

import (
	"math/rand/v2"
	"time"
)

// Solve plans the remaining rounds of p and returns the full plan, played
// rounds included and unchanged. It runs Check first, then builds a greedy
// plan (or the affine-plane design when it applies), repairs it until every
// hard rule holds, and improves it by simulated annealing while a second
// goroutine computes the upper bound.
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
	var plan Plan
	if in.rounds == 0 || len(in.active) == 0 {
		s := newState(in)
		plan.Rounds, plan.Score, plan.Random, plan.Greedy = s.rounds(), s.score, s.score, s.score
		plan.UpperBound = upperBound(in, 0, 0, deadline)
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
		return Plan{}, noPlan("%d conflicts remain after the search (the problem passed the counting checks, "+
			"but may still be infeasible or need a longer budget)",
			"%d conflits subsistent après la recherche (le problème passe les contrôles de dénombrement, "+
				"mais il est peut-être impossible ou demande plus de temps)", cur.viol)
	}
	if aff != nil && (cur.viol > 0 || aff.score >= cur.score) {
		cur = aff
	}
	// The bound only reads the instance, so it runs on a second core while
	// the annealing improves the plan; the admissible start tells it which
	// score is reachable.
	bound := make(chan float64, 1)
	go func(lower float64) {
		bound <- upperBound(in, lower, boundWork(budget), start.Add(budget*7/10))
	}(cur.score - in.playedScore)
	best := cur
	// A start that reaches the pair bound (the affine plane with every
	// round of it) cannot be improved: no need to search.
	if cur.score-in.playedScore < pairBound(in)*(1-1e-12) {
		best = anneal(cur, rngFor(seed, 4), moves, deadline)
	}
	plan.Rounds, plan.Score = best.rounds(), best.score
	plan.UpperBound = <-bound
	return plan, nil
}

// boundWork sizes the table bound from the budget: 150 million options per
// second of budget, at most 600 million. On the 2-core benchmark machine an
// option costs about 2 ns while the annealing runs beside, so a 2 s budget
// gives the bound about 0.6 s and a 1 s budget (the re-planning case) about
// 0.3 s; the bound gains only tenths of a percent past that. The deadline
// (70 % of the budget) stops it on slower machines, at the price of a bound
// that then depends on the machine.
func boundWork(budget time.Duration) int {
	const perSecond, most = 150e6, 600e6
	return int(min(most, budget.Seconds()*perSecond))
}

// moveBudget scales the number of moves with the number of (round, company)
// decisions. The constant was 40000, tuned on the 100-company benchmarks;
// swapGain made moves 2.3 times cheaper, and three times as many moves gain
// 0.3 to 0.7 % of score there and 0.5 to 0.7 % on the demo territory (five
// times as many gain nothing more).
func (in *instance) moveBudget() int {
	return 120000 * in.rounds * len(in.active) / max(1, in.k)
}

func rngFor(seed, phase uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, phase*0x9e3779b97f4a7c15+1))
}
