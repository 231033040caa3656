package matching

// PairPotential turns match results into how much each pair of companies
// would gain from meeting, for seating a bourse: the scores of the
// substitution candidates between them, both ways, plus a share for each
// mutualisation group they belong to together. ids lists the companies;
// the result is a symmetric matrix in that order.
func PairPotential(ids []string, subs []Substitution, groups []Group) [][]float64 {
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}
	m := make([][]float64, len(ids))
	for i := range m {
		m[i] = make([]float64, len(ids))
	}
	add := func(a, b string, v float64) {
		i, okA := index[a]
		j, okB := index[b]
		if !okA || !okB || i == j {
			return
		}
		m[i][j] += v
		m[j][i] += v
	}
	for _, s := range subs {
		add(s.OutputCompanyID, s.InputCompanyID, s.Score)
	}
	// Pooling is worth less to a pair than an exchange: the gain is shared
	// by the whole group.
	const poolShare = 0.3
	for _, g := range groups {
		for x := 0; x < len(g.CompanyIDs); x++ {
			for y := x + 1; y < len(g.CompanyIDs); y++ {
				add(g.CompanyIDs[x], g.CompanyIDs[y], poolShare)
			}
		}
	}
	return m
}
