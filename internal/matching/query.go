package matching

import (
	"sort"
	"sync/atomic"

	"symbiose/internal/model"
)

// rankedPtr holds the engine's rankedCache for concurrent readers.
type rankedPtr = atomic.Pointer[rankedCache]

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

// rankedCache is every candidate, best first, as of one engine version.
type rankedCache struct {
	version uint64
	all     []placed
}

// TopSubstitutions returns the n best candidates of the territory (all
// when n < 0), with their reasons, and how many there are in all; keep
// filters candidates (nil keeps all) before ranking.
func (e *Engine) TopSubstitutions(n int, keep func(outputCompanyID, inputCompanyID string) bool) ([]Substitution, int) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	var all []placed
	if keep == nil {
		all = e.rankedAll()
	} else {
		for id := range e.candidates {
			in := e.flows[id]
			for _, r := range e.shown(id) {
				if keep(r.out.company.id, in.company.id) {
					all = append(all, placed{in, r})
				}
			}
		}
		sortPlaced(all)
	}
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

// rankedAll returns every candidate best first, sorting once per version
// (the caller holds the read lock; the cache pointer is swapped atomically
// enough for readers: a stale one is simply rebuilt).
func (e *Engine) rankedAll() []placed {
	if c := e.rankedLoad(); c != nil && c.version == e.version {
		return c.all
	}
	var all []placed
	for id := range e.candidates {
		in := e.flows[id]
		for _, r := range e.shown(id) {
			all = append(all, placed{in, r})
		}
	}
	sortPlaced(all)
	e.rankedStore(&rankedCache{version: e.version, all: all})
	return all
}

func sortPlaced(all []placed) {
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

func (e *Engine) rankedLoad() *rankedCache   { return e.rankedBox.Load() }
func (e *Engine) rankedStore(c *rankedCache) { e.rankedBox.Store(c) }
