package workshop

import "testing"

// TestField checks the field axioms that the designs rely on: addition and
// multiplication tables of a commutative ring without zero divisors, with 0
// and 1 as neutral elements.
func TestField(t *testing.T) {
	for _, q := range []int{2, 3, 4, 5, 7, 8, 9, 16, 25, 27, 32, 49} {
		f := newField(q)
		if f == nil {
			t.Fatalf("GF(%d) not built", q)
		}
		for a := 0; a < q; a++ {
			if f.add[a] != a || f.mul[q+a] != a || f.mul[a] != 0 {
				t.Fatalf("GF(%d): 0 or 1 not neutral for %d", q, a)
			}
			for b := 0; b < q; b++ {
				if f.add[a*q+b] != f.add[b*q+a] || f.mul[a*q+b] != f.mul[b*q+a] {
					t.Fatalf("GF(%d): not commutative at %d, %d", q, a, b)
				}
				if a > 0 && b > 0 && f.mul[a*q+b] == 0 {
					t.Fatalf("GF(%d): %d·%d = 0", q, a, b)
				}
				if f.add[f.sub(a, b)*q+b] != a {
					t.Fatalf("GF(%d): (%d − %d) + %d ≠ %d", q, a, b, b, a)
				}
				for c := 0; c < q; c++ {
					if f.mul[a*q+f.add[b*q+c]] != f.add[f.mul[a*q+b]*q+f.mul[a*q+c]] {
						t.Fatalf("GF(%d): not distributive at %d, %d, %d", q, a, b, c)
					}
					if f.mul[f.mul[a*q+b]*q+c] != f.mul[a*q+f.mul[b*q+c]] {
						t.Fatalf("GF(%d): not associative at %d, %d, %d", q, a, b, c)
					}
				}
			}
		}
	}
	for _, q := range []int{0, 1, 6, 10, 12, 36} {
		if newField(q) != nil {
			t.Fatalf("GF(%d) should not exist", q)
		}
	}
}
