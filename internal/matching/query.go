package matching

import (
	"sort"
)

// Counts returns how many substitution candidates and groups there are,
// without writing their reasons.
func (e *Engine) Counts() (substitutions, groups int) {
	e.mu.RLock()
	for _, list := range e.candidates {
		substitutions += len(list)
	}
	e.mu.RUnlock()
	return substitutions, len(e.Mutualisations())
}

// placed is a rating with the input it belongs to.
type placed struct {
	in *flow
	r  rating
}

// TopSubstitutions returns the n best candidates of the territory, with
// their reasons, and how many there are in all; keep filters candidates
// (nil keeps all) before ranking.
func (e *Engine) TopSubstitutions(n int, keep func(outputCompanyID, inputCompanyID string) bool) ([]Substitution, int) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	var all []placed
	for id, list := range e.candidates {
		in := e.flows[id]
		for _, r := range list {
			if keep == nil || keep(r.out.company.id, in.company.id) {
				all = append(all, placed{in, r})
			}
		}
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.r.score != b.r.score {
			return a.r.score > b.r.score
		}
		if a.r.dist != b.r.dist {
			return a.r.dist < b.r.dist
		}
		if a.r.out.m.ExtID != b.r.out.m.ExtID {
			return a.r.out.m.ExtID < b.r.out.m.ExtID
		}
		return a.in.m.ExtID < b.in.m.ExtID
	})
	total := len(all)
	if n >= 0 && len(all) > n {
		all = all[:n]
	}
	out := make([]Substitution, len(all))
	for i, p := range all {
		out[i] = e.explain(p.in, p.r)
	}
	return out, total
}

// SubstitutionsOfCompany returns the candidates where a company supplies
// or receives, best first.
func (e *Engine) SubstitutionsOfCompany(companyID string) []Substitution {
	list, _ := e.TopSubstitutions(-1, func(out, in string) bool { return out == companyID || in == companyID })
	return list
}
