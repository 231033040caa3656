package workshop

// affinePlan returns the resolvable design of the affine plane AG(2, q) for
// a prime power q: company c is the point (c/q, c%q), round m < q seats on
// table b the line y = m·x + b (arithmetic in the field GF(q)), and round q
// the vertical lines x = b. Two points lie on exactly one line, so over q+1
// rounds every pair meets exactly once, which no search can beat. It returns
// nil when the instance is not of that shape (q² present companies, tables
// of q, at most q+1 rounds, q a prime power: 4, 5, 7, 8, 9, 11…).
func affinePlan(in *instance) *state {
	q := in.k
	if len(in.active) != q*q || in.rounds > q+1 || in.played > 0 {
		return nil
	}
	f := newField(q)
	if f == nil {
		return nil
	}
	s := newState(in)
	for r := 0; r < in.rounds; r++ {
		for i, c := range in.active {
			x, y := i/q, i%q
			t := x // vertical line
			if r < q {
				t = f.sub(y, f.mul[r*q+x]) // b = y − m·x
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
