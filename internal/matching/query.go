package matching

import (
	"container/heap"
	"sort"

	"symbiose/internal/model"
)

// Counts returns how many substitution candidates and groups there are,
// without writing their reasons.
func (e *Engine) Counts() (substitutions, groups int) {
	e.mu.RLock()
	for id := range e.candidates {
		substitutions += len(e.shown(id))
	}
	e.mu.RUnlock()
	return substitutions, len(e.Mutualisations())
}

// placed is a rating with the input it belongs to.
type placed struct {
	in *flow
	r  rating
}

// TopSubstitutions returns the n best candidates of the territory (all
// when n < 0), with their reasons, and how many there are in all; keep
// filters candidates (nil keeps all). The best n are selected with a
// bounded heap: no sort of every candidate.
func (e *Engine) TopSubstitutions(n int, keep func(outputCompanyID, inputCompanyID string) bool) ([]Substitution, int) {
	if keep == nil {
		return e.TopSubstitutionsWhere(n, nil)
	}
	return e.TopSubstitutionsWhere(n, func(out, in model.Flow, _ float64) bool { return keep(out.CompanyExtID, in.CompanyExtID) })
}

// TopSubstitutionsWhere is TopSubstitutions with a filter that sees the two
// flows and the score.
func (e *Engine) TopSubstitutionsWhere(n int, keep func(out, in model.Flow, score float64) bool) ([]Substitution, int) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	h := &placedHeap{}
	total := 0
	for id := range e.candidates {
		in := e.flows[id]
		for _, r := range e.shown(id) {
			if keep != nil && !keep(r.out.m, in.m, r.score) {
				continue
			}
			total++
			p := placed{in, r}
			switch {
			case n < 0 || h.Len() < n:
				heap.Push(h, p)
			case placedBefore(p, h.items[0]):
				h.items[0] = p
				heap.Fix(h, 0)
			}
		}
	}
	all := h.items
	sortPlaced(all)
	out := make([]Substitution, len(all))
	for i, p := range all {
		out[i] = e.explain(p.in, p.r)
	}
	return out, total
}

// placedBefore is the ranking order of candidates across inputs.
func placedBefore(a, b placed) bool {
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
}

// placedHeap keeps the worst kept candidate on top, to be replaced.
type placedHeap struct{ items []placed }

func (h *placedHeap) Len() int           { return len(h.items) }
func (h *placedHeap) Less(i, j int) bool { return placedBefore(h.items[j], h.items[i]) }
func (h *placedHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *placedHeap) Push(x any)         { h.items = append(h.items, x.(placed)) }
func (h *placedHeap) Pop() any {
	last := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return last
}

func sortPlaced(all []placed) {
	sort.Slice(all, func(i, j int) bool { return placedBefore(all[i], all[j]) })
}

// SubstitutionsOfCompany returns the candidates where a company supplies
// or receives, best first: its inputs' lists, and the lists its outputs
// are in, from the reverse index.
func (e *Engine) SubstitutionsOfCompany(companyID string) []Substitution {
	e.mu.RLock()
	defer e.mu.RUnlock()
	c := e.companies[companyID]
	if c == nil {
		return nil
	}
	var all []placed
	seen := map[*flow]bool{}
	for fid := range c.flows {
		f := e.flows[fid]
		if f.m.Direction == model.Input {
			for _, r := range e.shown(fid) {
				all = append(all, placed{f, r})
			}
			continue
		}
		for in := range e.listedIn[f] {
			if seen[in] {
				continue
			}
			seen[in] = true
			for _, r := range e.shown(in.m.ExtID) {
				if r.out.company == c {
					all = append(all, placed{in, r})
				}
			}
		}
	}
	sortPlaced(all)
	out := make([]Substitution, len(all))
	for i, p := range all {
		out[i] = e.explain(p.in, p.r)
	}
	return out
}
