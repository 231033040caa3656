package matching

import "testing"

func TestPairPotential(t *testing.T) {
	ids := []string{"a", "b", "c"}
	subs := []Substitution{{OutputCompanyID: "a", InputCompanyID: "b", Score: 0.8}, {OutputCompanyID: "b", InputCompanyID: "a", Score: 0.5},
		{OutputCompanyID: "a", InputCompanyID: "zz", Score: 1}, {OutputCompanyID: "c", InputCompanyID: "c", Score: 1}}
	groups := []Group{{CompanyIDs: []string{"a", "b", "c"}}}
	m := PairPotential(ids, subs, groups)
	want := [][]float64{{0, 1.6, 0.3}, {1.6, 0, 0.3}, {0.3, 0.3, 0}}
	for i := range want {
		for j := range want[i] {
			if d := m[i][j] - want[i][j]; d > 1e-9 || d < -1e-9 {
				t.Fatalf("m[%d][%d] = %v, want %v (whole matrix %v)", i, j, m[i][j], want[i][j], m)
			}
		}
	}
}
