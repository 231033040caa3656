package workshop

// field is the finite field GF(q) for a prime power q = p^e, with elements
// numbered 0..q−1 (0 and 1 being zero and one). The affine plane and the
// cyclic plan need "two lines meet once" arithmetic; with integers mod q that
// only holds for prime q, while GF(q) also gives 4, 8, 9, 16, 25, 27… — and
// 8 is the number of tables of 40 companies at tables of 5.
type field struct {
	q        int
	add, mul []int // q×q tables
}

// newField builds GF(q), or returns nil when q is not a prime power. An
// element is a polynomial over GF(p) of degree < e written in base p;
// products are reduced modulo the first monic polynomial of degree e that
// leaves no zero divisor, which is then irreducible.
func newField(q int) *field {
	p, e := primePower(q)
	if p == 0 {
		return nil
	}
	f := &field{q: q, add: make([]int, q*q), mul: make([]int, q*q)}
	for a := 0; a < q; a++ {
		for b := 0; b < q; b++ {
			f.add[a*q+b] = digitwise(a, b, p, e)
		}
	}
	if e == 1 {
		for a := 0; a < q; a++ {
			for b := 0; b < q; b++ {
				f.mul[a*q+b] = a * b % q
			}
		}
		return f
	}
	for low := 0; low < q; low++ { // the monic modulus is x^e + low
		if f.fillMul(p, e, low) {
			return f
		}
	}
	return nil // unreachable: irreducible polynomials exist for every degree
}

// fillMul fills the product table modulo x^e + low and reports whether it
// has no zero divisor.
func (f *field) fillMul(p, e, low int) bool {
	q := f.q
	// x^e ≡ −low: the digits of −low, used to fold the high coefficients.
	neg := make([]int, e)
	for i, l := 0, low; i < e; i, l = i+1, l/p {
		neg[i] = (p - l%p) % p
	}
	prod := make([]int, 2*e-1)
	for a := 0; a < q; a++ {
		for b := 0; b < q; b++ {
			for i := range prod {
				prod[i] = 0
			}
			for i, da := 0, a; i < e; i, da = i+1, da/p {
				for j, db := 0, b; j < e; j, db = j+1, db/p {
					prod[i+j] = (prod[i+j] + (da%p)*(db%p)) % p
				}
			}
			for d := 2*e - 2; d >= e; d-- { // x^d = x^(d−e)·x^e ≡ x^(d−e)·(−low)
				c := prod[d]
				prod[d] = 0
				for i := 0; i < e; i++ {
					prod[d-e+i] = (prod[d-e+i] + c*neg[i]) % p
				}
			}
			v := 0
			for i := e - 1; i >= 0; i-- {
				v = v*p + prod[i]
			}
			if a > 0 && b > 0 && v == 0 {
				return false
			}
			f.mul[a*q+b] = v
		}
	}
	return true
}

// sub returns a − b.
func (f *field) sub(a, b int) int {
	for c := 0; c < f.q; c++ {
		if f.add[b*f.q+c] == a {
			return c
		}
	}
	return -1 // unreachable in a field
}

// digitwise adds a and b digit by digit in base p (addition in GF(p^e)).
func digitwise(a, b, p, e int) int {
	v, scale := 0, 1
	for i := 0; i < e; i++ {
		v += (a%p + b%p) % p * scale
		a, b, scale = a/p, b/p, scale*p
	}
	return v
}

// primePower returns p and e with q = p^e for a prime p, or 0, 0.
func primePower(q int) (int, int) {
	if q < 2 {
		return 0, 0
	}
	p := 2
	for q%p != 0 {
		p++
	}
	e := 0
	for ; q%p == 0; q /= p {
		e++
	}
	if q != 1 {
		return 0, 0
	}
	return p, e
}
