package workshop

import (
	"math/rand/v2"
	"testing"
	"time"
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

// TestAdmissibleMoves checks the moves of the annealing on admissible plans:
// swapGain agrees with swapDelta (admissible exactly when no violation is
// added, same change of score), multiSwap and repartition never add a
// violation, and the counters they leave match a rebuilt plan.
func TestAdmissibleMoves(t *testing.T) {
	for _, sp := range []spec{
		{n: 23, k: 4, rounds: 4, competitors: 8, must: 6, fixed: 3, seed: 5},
		{n: 40, k: 5, rounds: 6, competitors: 12, must: 6, seed: 40},
		{n: 30, k: 5, rounds: 3, seed: 7},
	} {
		p := sp.problem()
		in, err := newInstance(p)
		if err != nil {
			t.Fatal(err)
		}
		s, ok := admissible(in, greedy(in), 1, 30, time.Now().Add(time.Minute))
		if !ok {
			t.Fatal("no admissible start")
		}
		rng := rand.New(rand.NewPCG(3, 4))
		for i := 0; i < 20000; i++ {
			if i%10 == 0 {
				score := s.score
				accepted := s.multiSwap(rng, 1)
				if s.viol != 0 || (!accepted && s.score != score) {
					t.Fatalf("multiSwap: viol %d, score %v -> %v, accepted %v", s.viol, score, s.score, accepted)
				}
				continue
			}
			if i%100 == 1 {
				r := rng.IntN(in.rounds)
				ta, tb := rng.IntN(len(in.sizes)), rng.IntN(len(in.sizes))
				if ta != tb {
					score := s.score
					gain := s.repartition(r, ta, tb)
					if s.viol != 0 || gain < 0 || abs(s.score-score-gain) > 1e-9 {
						t.Fatalf("repartition: viol %d, gain %v, score %v -> %v", s.viol, gain, score, s.score)
					}
				}
				continue
			}
			r, a, b, ok := s.pickSwap(rng)
			if !ok {
				continue
			}
			ds, dv := s.swapDelta(r, a, b)
			gain, fine := s.swapGain(r, a, b)
			if fine != (dv <= 0) || (fine && abs(gain-ds) > 1e-9) {
				t.Fatalf("swapGain (%v, %v), swapDelta (%v, %d)", gain, fine, ds, dv)
			}
			if fine && (ds >= 0 || rng.IntN(4) == 0) {
				s.swap(r, a, b)
			}
		}
		fresh := fromTables(in, s.snapshot())
		if abs(fresh.score-s.score) > 1e-6 || fresh.viol != 0 || s.viol != 0 {
			t.Fatalf("incremental (%v, %d), rebuilt (%v, %d)", s.score, s.viol, fresh.score, fresh.viol)
		}
		if err := Verify(p, Plan{Rounds: s.rounds(), Score: s.score}); err != nil {
			t.Fatal(err)
		}
	}
}
