package matching

import (
	"fmt"
	"sort"

	"symbiose/internal/model"
)

// UpsertCompany adds a company or changes its location; its flows are
// re-matched when it moves.
func (e *Engine) UpsertCompany(c model.Company) {
	e.mu.Lock()
	defer e.mu.Unlock()
	old := e.companies[c.ExtID]
	if old == nil {
		e.putCompany(c)
		return
	}
	if old.located == c.HasLocation() && (!old.located || (old.lat == *c.Lat && old.lon == *c.Lon)) {
		return
	}
	var flows []model.Flow
	for _, id := range sortedKeys(old.flows) {
		flows = append(flows, e.flows[id].m)
		e.drop(e.flows[id])
	}
	rec := e.putCompany(c)
	for _, m := range flows {
		e.add(m, rec)
	}
}

// RemoveCompany removes a company and its flows.
func (e *Engine) RemoveCompany(id string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	c := e.companies[id]
	if c == nil {
		return
	}
	for _, fid := range sortedKeys(c.flows) {
		e.drop(e.flows[fid])
	}
	delete(e.companies, id)
}

// UpsertFlow adds or changes one flow and updates the candidates it
// affects, without recomputing the territory. The search for what the flow
// changes runs under the read lock, so that pages keep reading meanwhile;
// the write lock is held only to apply it, and the search is redone if
// another change came in between.
func (e *Engine) UpsertFlow(m model.Flow) error {
	for range 3 {
		e.mu.RLock()
		c := e.companies[m.CompanyExtID]
		if c == nil {
			e.mu.RUnlock()
			return fmt.Errorf("flow %s: unknown company %q", m.ExtID, m.CompanyExtID)
		}
		version := e.version
		f := e.derive(m, c)
		p := e.plan(f)
		e.mu.RUnlock()

		e.mu.Lock()
		if e.version == version {
			if old := e.flows[m.ExtID]; old != nil {
				e.drop(old)
			}
			e.version++
			e.insert(f)
			p.apply(e, f)
			e.mu.Unlock()
			return nil
		}
		e.mu.Unlock()
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	c := e.companies[m.CompanyExtID]
	if c == nil {
		return fmt.Errorf("flow %s: unknown company %q", m.ExtID, m.CompanyExtID)
	}
	if old := e.flows[m.ExtID]; old != nil {
		e.drop(old)
	}
	e.add(m, c)
	return nil
}

// plan is what a new or changed flow does to the candidate lists: an
// input's own list, or the ratings of an output for the inputs it reaches.
type plan struct {
	list    []rating // input: its candidates
	inputs  []*flow  // output: the inputs it may enter, with their ratings
	ratings []rating
}

// plan computes a flow's effect without changing anything; the caller
// holds at least the read lock.
func (e *Engine) plan(f *flow) plan {
	var p plan
	switch {
	case f.m.Resource == "":
	case f.m.Direction == model.Input:
		p.list = e.candidatesFor(f, e.opt.Top)
	default:
		e.receivers(f, func(in *flow, inRes, outRes string, c compat, km float64, located bool) {
			if r, ok := e.rate(in, f, inRes, outRes, c, km, located, -1); ok {
				p.inputs, p.ratings = append(p.inputs, in), append(p.ratings, r)
			}
		})
	}
	return p
}

// apply makes a plan's changes; the caller holds the write lock and has
// indexed f.
func (p plan) apply(e *Engine, f *flow) {
	if f.m.Direction == model.Input {
		e.setList(f, p.list, len(p.list) == e.opt.Top)
		return
	}
	for i, in := range p.inputs {
		if e.flows[in.m.ExtID] == in { // still there
			e.insertCandidate(in.m.ExtID, p.ratings[i])
		}
	}
}

// RemoveFlow removes one flow and updates the candidates it affects.
func (e *Engine) RemoveFlow(id string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if f := e.flows[id]; f != nil {
		e.drop(f)
	}
}

func (e *Engine) add(m model.Flow, c *company) {
	e.version++
	f := e.index(m, c)
	switch {
	case m.Resource == "":
	case m.Direction == model.Input:
		e.search(f, e.opt.Top)
	default:
		e.receivers(f, func(in *flow, inRes, outRes string, c compat, km float64, located bool) {
			if r, ok := e.rate(in, f, inRes, outRes, c, km, located, -1); ok {
				e.insertCandidate(in.m.ExtID, r)
			}
		})
	}
}

// search computes an input's candidates afresh, keeping limit of them.
func (e *Engine) search(in *flow, limit int) {
	list := e.candidatesFor(in, limit)
	e.setList(in, list, len(list) == limit)
}

// setList replaces an input's list, keeping the reverse index (which lists
// each output is in) current.
func (e *Engine) setList(in *flow, list []rating, truncated bool) {
	id := in.m.ExtID
	for _, r := range e.candidates[id] {
		if set := e.listedIn[r.out]; set != nil {
			delete(set, in)
			if len(set) == 0 {
				delete(e.listedIn, r.out)
			}
		}
	}
	if len(list) == 0 {
		delete(e.candidates, id)
		delete(e.truncated, id)
		return
	}
	e.candidates[id], e.truncated[id] = list, truncated
	for _, r := range list {
		set := e.listedIn[r.out]
		if set == nil {
			set = map[*flow]struct{}{}
			e.listedIn[r.out] = set
		}
		set[in] = struct{}{}
	}
}

// drop removes a flow from the indexes and the lists it is in. A list that
// loses an entry stays a prefix of its ranking; only when it was cut short
// and falls below Top does its input search again, keeping 2×Top so that
// the next removals need no search.
func (e *Engine) drop(f *flow) {
	e.version++
	if f.m.Direction == model.Input {
		e.setList(f, nil, false)
		e.unindex(f)
		return
	}
	// The reverse index names the lists the output is in: no search.
	affected := make([]*flow, 0, len(e.listedIn[f]))
	for in := range e.listedIn[f] {
		affected = append(affected, in)
	}
	sort.Slice(affected, func(i, j int) bool { return affected[i].m.ExtID < affected[j].m.ExtID })
	e.unindex(f)
	for _, in := range affected {
		id := in.m.ExtID
		list := e.candidates[id]
		kept := make([]rating, 0, len(list))
		for _, r := range list {
			if r.out != f {
				kept = append(kept, r)
			}
		}
		if e.truncated[id] && len(kept) < e.opt.Top {
			e.setList(in, nil, false)
			e.search(in, 2*e.opt.Top)
		} else {
			e.setList(in, kept, e.truncated[id])
		}
	}
}

// receivers calls fn for every input flow that an output could feed,
// within the output's travel radius, once per reading of each.
func (e *Engine) receivers(out *flow, fn func(in *flow, inRes, outRes string, c compat, km float64, located bool)) {
	for _, outAlt := range out.alts {
		radius := e.radiusOf(outAlt.res)
		for _, inRes := range e.rules.fedBy(outAlt.res) {
			idx := e.inputs[inRes]
			if idx == nil || idx.size == 0 {
				continue
			}
			c := e.rules.feeding(inRes)[outAlt.res]
			e.near(idx, out.company, radius, func(in *flow, km float64, located bool) { fn(in, inRes, outAlt.res, c, km, located) })
		}
	}
}

// insertCandidate puts r in its input's ranked list where it ranks,
// replacing a weaker reading of the same output. A list cut short keeps
// only candidates that rank within it, so that it stays a prefix of the
// ranking; lists hold at most 2×Top.
func (e *Engine) insertCandidate(inputID string, r rating) {
	list := e.candidates[inputID]
	for i, old := range list {
		if old.out == r.out {
			if !ratedBefore(r, old) {
				return
			}
			list = append(list[:i:i], list[i+1:]...)
			break
		}
	}
	i := sort.Search(len(list), func(i int) bool { return ratedBefore(r, list[i]) })
	truncated := e.truncated[inputID]
	if i == len(list) && truncated {
		return // it may rank below candidates the list left out
	}
	next := make([]rating, 0, len(list)+1)
	next = append(append(append(next, list[:i]...), r), list[i:]...)
	if len(next) > 2*e.opt.Top {
		next, truncated = next[:2*e.opt.Top], true
	}
	e.setList(e.flows[inputID], next, truncated)
}
