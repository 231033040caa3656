package workshop

// affinePlan returns the resolvable design of the affine plane AG(2, q) for
// a prime q: company c is the point (c/q, c%q), round m < q seats on table b
// the line y = m·x + b, and round q the vertical lines x = b. Two points lie
// on exactly one line, so over q+1 rounds every pair meets exactly once,
// which no search can beat. It returns nil when the instance is not of that
// shape (q² present companies, tables of q, at most q+1 rounds, prime q).
// Prime powers (4, 8, 9) would need finite-field arithmetic and are left to
// the optimiser.
func affinePlan(in *instance) *state {
	q := in.k
	if !isPrime(q) || len(in.active) != q*q || in.rounds > q+1 || in.played > 0 {
		return nil
	}
	s := newState(in)
	for r := 0; r < in.rounds; r++ {
		for i, c := range in.active {
			x, y := i/q, i%q
			t := x // vertical line
			if r < q {
				t = ((y-r*x)%q + q) % q
			}
			s.seat(r, c, t)
		}
	}
	// Fixed seats, competitors or must-meet pairs may not agree with the
	// design; the caller then keeps the searched plan.
	for r := range in.fixed {
		for _, c := range in.active {
			if t := in.fixed[r][c]; t >= 0 && s.tab[r][c] != t {
				return nil
			}
		}
	}
	if s.viol > 0 {
		return nil
	}
	return s
}

func isPrime(q int) bool {
	if q < 2 {
		return false
	}
	for d := 2; d*d <= q; d++ {
		if q%d == 0 {
			return false
		}
	}
	return true
}
