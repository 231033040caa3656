package mincost

import "math"

// Arc states in the simplex: at its lower bound, in the spanning tree, or
// at its upper bound. The sign makes reduced-cost tests uniform.
const (
	stateUpper = -1
	stateTree  = 0
	stateLower = 1
)

// Directions of a tree arc relative to its child node.
const (
	dirUp   = 1  // child -> parent
	dirDown = -1 // parent -> child
)

// simplex is the state of a primal network simplex on a strongly feasible
// spanning tree, stored with parent, thread and subtree-size arrays so that
// a pivot touches only the nodes it moves (after LEMON's NetworkSimplex).
type simplex struct {
	nodes, arcs, allArcs int
	source, target       []int
	cost                 []int64
	cap, flow            []int64
	state                []int8

	parent, pred, thread, revThread []int
	succNum, lastSucc               []int
	predDir                         []int8
	pi                              []int64
	dirtyRevs                       []int

	root                 int
	inArc, join          int
	uIn, vIn, uOut, vOut int
	delta                int64
	blockSize, nextArc   int
}

// NetworkSimplex solves a problem with the primal network simplex method
// (block-search pivoting). The solution carries its optimality certificate.
func NetworkSimplex(p Problem) (Solution, error) {
	if err := p.check(); err != nil {
		return Solution{}, err
	}
	s := newSimplex(p)
	for s.findEnteringArc() {
		s.findJoinNode()
		change := s.findLeavingArc()
		if s.delta >= Inf {
			return Solution{}, ErrInfeasible // unbounded: cannot happen with non-negative costs
		}
		s.changeFlow(change)
		if change {
			s.updateTreeStructure()
			s.updatePotential()
		}
	}
	for e := s.arcs; e < s.allArcs; e++ {
		if s.flow[e] != 0 {
			return Solution{}, ErrInfeasible
		}
	}
	sol := Solution{Flow: append([]int64(nil), s.flow[:s.arcs]...), Potential: append([]int64(nil), s.pi[:s.nodes]...)}
	for i, f := range sol.Flow {
		sol.Cost += f * p.Arcs[i].Cost
	}
	return sol, nil
}

func newSimplex(p Problem) *simplex {
	n, m := len(p.Supply), len(p.Arcs)
	all := m + n
	s := &simplex{nodes: n, arcs: m, allArcs: all, root: n,
		source: make([]int, all), target: make([]int, all), cost: make([]int64, all),
		cap: make([]int64, all), flow: make([]int64, all), state: make([]int8, all),
		parent: make([]int, n+1), pred: make([]int, n+1), thread: make([]int, n+1), revThread: make([]int, n+1),
		succNum: make([]int, n+1), lastSucc: make([]int, n+1), predDir: make([]int8, n+1), pi: make([]int64, n+1)}
	var maxCost int64
	for i, a := range p.Arcs {
		s.source[i], s.target[i], s.cost[i], s.cap[i] = a.From, a.To, a.Cost, a.Cap
		s.state[i] = stateLower
		maxCost = max(maxCost, a.Cost)
	}
	// Artificial arcs join every node to the root with a cost no real path
	// can reach, so that the starting tree is feasible and they leave it.
	artCost := (maxCost + 1) * int64(n+1)
	s.parent[s.root], s.pred[s.root] = -1, -1
	s.thread[s.root], s.revThread[0] = 0, s.root
	s.succNum[s.root], s.lastSucc[s.root] = n+1, s.root-1
	for u := 0; u < n; u++ {
		e := m + u
		s.parent[u], s.pred[u] = s.root, e
		s.thread[u], s.revThread[u+1] = u+1, u
		s.succNum[u], s.lastSucc[u] = 1, u
		s.cap[e], s.state[e] = Inf, stateTree
		if p.Supply[u] >= 0 {
			s.predDir[u], s.pi[u] = dirUp, 0
			s.source[e], s.target[e], s.flow[e], s.cost[e] = u, s.root, p.Supply[u], 0
		} else {
			s.predDir[u], s.pi[u] = dirDown, artCost
			s.source[e], s.target[e], s.flow[e], s.cost[e] = s.root, u, -p.Supply[u], artCost
		}
	}
	s.blockSize = max(10, int(math.Sqrt(float64(m))))
	return s
}

// findEnteringArc scans arcs block by block from where the last scan
// stopped and picks the most negative reduced cost of the first block that
// has one.
func (s *simplex) findEnteringArc() bool {
	var best int64
	cnt := s.blockSize
	e := s.nextArc
	for i := 0; i < s.arcs; i++ {
		c := int64(s.state[e]) * (s.cost[e] + s.pi[s.source[e]] - s.pi[s.target[e]])
		if c < best {
			best, s.inArc = c, e
		}
		e++
		if e == s.arcs {
			e = 0
		}
		cnt--
		if cnt == 0 {
			if best < 0 {
				break
			}
			cnt = s.blockSize
		}
	}
	if best >= 0 {
		return false
	}
	s.nextArc = e
	return true
}

func (s *simplex) findJoinNode() {
	u, v := s.source[s.inArc], s.target[s.inArc]
	for u != v {
		if s.succNum[u] < s.succNum[v] {
			u = s.parent[u]
		} else {
			v = s.parent[v]
		}
	}
	s.join = u
}

// findLeavingArc finds the arc of the cycle that limits the flow change;
// ties go to the last candidate on the second path, which keeps the tree
// strongly feasible and the method from cycling.
func (s *simplex) findLeavingArc() bool {
	first, second := s.target[s.inArc], s.source[s.inArc]
	if s.state[s.inArc] == stateLower {
		first, second = s.source[s.inArc], s.target[s.inArc]
	}
	s.delta = s.cap[s.inArc]
	result := 0
	for u := first; u != s.join; u = s.parent[u] {
		e := s.pred[u]
		d := s.flow[e]
		if s.predDir[u] == dirDown {
			d = residual(s.cap[e], d)
		}
		if d < s.delta {
			s.delta, s.uOut, result = d, u, 1
		}
	}
	for u := second; u != s.join; u = s.parent[u] {
		e := s.pred[u]
		d := s.flow[e]
		if s.predDir[u] == dirUp {
			d = residual(s.cap[e], d)
		}
		if d <= s.delta {
			s.delta, s.uOut, result = d, u, 2
		}
	}
	if result == 1 {
		s.uIn, s.vIn = first, second
	} else {
		s.uIn, s.vIn = second, first
	}
	return result != 0
}

func residual(c, f int64) int64 {
	if c >= Inf {
		return Inf
	}
	return c - f
}

func (s *simplex) changeFlow(change bool) {
	if s.delta > 0 {
		val := int64(s.state[s.inArc]) * s.delta
		s.flow[s.inArc] += val
		for u := s.source[s.inArc]; u != s.join; u = s.parent[u] {
			s.flow[s.pred[u]] -= int64(s.predDir[u]) * val
		}
		for u := s.target[s.inArc]; u != s.join; u = s.parent[u] {
			s.flow[s.pred[u]] += int64(s.predDir[u]) * val
		}
	}
	if change {
		s.state[s.inArc] = stateTree
		if s.flow[s.pred[s.uOut]] == 0 {
			s.state[s.pred[s.uOut]] = stateLower
		} else {
			s.state[s.pred[s.uOut]] = stateUpper
		}
	} else {
		s.state[s.inArc] = -s.state[s.inArc]
	}
}

// updateTreeStructure swaps the leaving arc for the entering one: the
// subtree hanging under the leaving arc is re-rooted at uIn and hung
// under vIn, and the thread, parent and subtree-size arrays follow.
func (s *simplex) updateTreeStructure() {
	oldRevThread := s.revThread[s.uOut]
	oldSuccNum := s.succNum[s.uOut]
	oldLastSucc := s.lastSucc[s.uOut]
	s.vOut = s.parent[s.uOut]

	if s.uIn == s.uOut {
		s.parent[s.uIn] = s.vIn
		s.pred[s.uIn] = s.inArc
		s.predDir[s.uIn] = s.dirOf(s.uIn)
		if s.thread[s.vIn] != s.uOut {
			after := s.thread[oldLastSucc]
			s.thread[oldRevThread] = after
			s.revThread[after] = oldRevThread
			after = s.thread[s.vIn]
			s.thread[s.vIn] = s.uOut
			s.revThread[s.uOut] = s.vIn
			s.thread[oldLastSucc] = after
			s.revThread[after] = oldLastSucc
		}
	} else {
		threadContinue := s.thread[s.vIn]
		if oldRevThread == s.vIn {
			threadContinue = s.thread[oldLastSucc]
		}
		stem, parStem := s.uIn, s.vIn
		last := s.lastSucc[s.uIn]
		after := s.thread[last]
		s.thread[s.vIn] = s.uIn
		s.dirtyRevs = append(s.dirtyRevs[:0], s.vIn)
		for stem != s.uOut {
			nextStem := s.parent[stem]
			s.thread[last] = nextStem
			s.dirtyRevs = append(s.dirtyRevs, last)
			before := s.revThread[stem]
			s.thread[before] = after
			s.revThread[after] = before
			s.parent[stem] = parStem
			parStem, stem = stem, nextStem
			if s.lastSucc[stem] == s.lastSucc[parStem] {
				last = s.revThread[parStem]
			} else {
				last = s.lastSucc[stem]
			}
			after = s.thread[last]
		}
		s.parent[s.uOut] = parStem
		s.thread[last] = threadContinue
		s.revThread[threadContinue] = last
		s.lastSucc[s.uOut] = last
		if oldRevThread != s.vIn {
			s.thread[oldRevThread] = after
			s.revThread[after] = oldRevThread
		}
		for _, u := range s.dirtyRevs {
			s.revThread[s.thread[u]] = u
		}
		tmpSc, tmpLs := 0, s.lastSucc[s.uOut]
		for u, p := s.uOut, s.parent[s.uOut]; u != s.uIn; u, p = p, s.parent[p] {
			s.pred[u] = s.pred[p]
			s.predDir[u] = -s.predDir[p]
			tmpSc += s.succNum[u] - s.succNum[p]
			s.succNum[u] = tmpSc
			s.lastSucc[p] = tmpLs
		}
		s.pred[s.uIn] = s.inArc
		s.predDir[s.uIn] = s.dirOf(s.uIn)
		s.succNum[s.uIn] = oldSuccNum
	}

	upLimitOut := -1
	if s.lastSucc[s.join] == s.vIn {
		upLimitOut = s.join
	}
	lastSuccOut := s.lastSucc[s.uOut]
	for u := s.vIn; u != -1 && s.lastSucc[u] == s.vIn; u = s.parent[u] {
		s.lastSucc[u] = lastSuccOut
	}
	if s.join != oldRevThread && s.vIn != oldRevThread {
		for u := s.vOut; u != upLimitOut && s.lastSucc[u] == oldLastSucc; u = s.parent[u] {
			s.lastSucc[u] = oldRevThread
		}
	} else if lastSuccOut != oldLastSucc {
		for u := s.vOut; u != upLimitOut && s.lastSucc[u] == oldLastSucc; u = s.parent[u] {
			s.lastSucc[u] = lastSuccOut
		}
	}
	for u := s.vIn; u != s.join; u = s.parent[u] {
		s.succNum[u] += oldSuccNum
	}
	for u := s.vOut; u != s.join; u = s.parent[u] {
		s.succNum[u] -= oldSuccNum
	}
}

func (s *simplex) dirOf(u int) int8 {
	if u == s.source[s.inArc] {
		return dirUp
	}
	return dirDown
}

// updatePotential shifts the potentials of the moved subtree so that the
// entering arc's reduced cost is zero.
func (s *simplex) updatePotential() {
	sigma := s.pi[s.vIn] - s.pi[s.uIn] - int64(s.predDir[s.uIn])*s.cost[s.inArc]
	end := s.thread[s.lastSucc[s.uIn]]
	for u := s.uIn; u != end; u = s.thread[u] {
		s.pi[u] += sigma
	}
}
