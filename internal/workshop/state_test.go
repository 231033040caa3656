package workshop

import (
	"math/rand/v2"
	"testing"
)

// TestIncrementalBookkeeping compares the counters kept by swaps with a
// plan rebuilt from scratch: the search trusts them blindly.
func TestIncrementalBookkeeping(t *testing.T) {
	p := spec{n: 23, k: 4, rounds: 4, competitors: 8, must: 6, fixed: 3, seed: 5}.problem()
	in, err := newInstance(p)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	s := randomPlan(in, rng)
	for i := 0; i < 2000; i++ {
		r, a, b, ok := s.pickSwap(rng)
		if !ok {
			continue
		}
		ds, dv := s.swapDelta(r, a, b)
		score, viol := s.score, s.viol
		s.swap(r, a, b)
		if abs(s.score-score-ds) > 1e-9 || s.viol-viol != dv {
			t.Fatalf("move %d: delta (%v, %d), applied (%v, %d)", i, ds, dv, s.score-score, s.viol-viol)
		}
	}
	fresh := fromTables(in, s.snapshot())
	if abs(fresh.score-s.score) > 1e-9 || fresh.viol != s.viol {
		t.Fatalf("incremental (%v, %d), rebuilt (%v, %d)", s.score, s.viol, fresh.score, fresh.viol)
	}
}
