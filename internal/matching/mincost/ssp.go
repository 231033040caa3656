package mincost

// SuccessiveShortestPath solves a problem by pushing flow along shortest
// residual paths (Bellman-Ford) from nodes with excess to nodes with
// deficit. It is slow and simple: the reference the simplex is tested
// against.
func SuccessiveShortestPath(p Problem) (Solution, error) {
	if err := p.check(); err != nil {
		return Solution{}, err
	}
	n := len(p.Supply)
	excess := append([]int64(nil), p.Supply...)
	flow := make([]int64, len(p.Arcs))
	for {
		dist, prevArc, prevDir := shortestResidual(p, flow, excess)
		target := -1
		for v := 0; v < n; v++ {
			if excess[v] < 0 && dist[v] < Inf && (target < 0 || dist[v] < dist[target]) {
				target = v
			}
		}
		if target < 0 {
			break
		}
		// Walk back to the source and find the bottleneck.
		push := -excess[target]
		v := target
		for prevArc[v] >= 0 {
			a := p.Arcs[prevArc[v]]
			if prevDir[v] > 0 {
				push = min(push, residual(a.Cap, flow[prevArc[v]]))
				v = a.From
			} else {
				push = min(push, flow[prevArc[v]])
				v = a.To
			}
		}
		push = min(push, excess[v])
		source := v
		for v = target; prevArc[v] >= 0; {
			a := p.Arcs[prevArc[v]]
			if prevDir[v] > 0 {
				flow[prevArc[v]] += push
				v = a.From
			} else {
				flow[prevArc[v]] -= push
				v = a.To
			}
		}
		excess[source] -= push
		excess[target] += push
	}
	for _, x := range excess {
		if x != 0 {
			return Solution{}, ErrInfeasible
		}
	}
	sol := Solution{Flow: flow, Potential: potentials(p, flow)}
	for i, f := range flow {
		sol.Cost += f * p.Arcs[i].Cost
	}
	return sol, nil
}

// shortestResidual runs Bellman-Ford on the residual network from every
// node with excess at once.
func shortestResidual(p Problem, flow, excess []int64) (dist []int64, prevArc []int, prevDir []int8) {
	n := len(p.Supply)
	dist, prevArc, prevDir = make([]int64, n), make([]int, n), make([]int8, n)
	for v := range dist {
		dist[v], prevArc[v] = Inf, -1
		if excess[v] > 0 {
			dist[v] = 0
		}
	}
	for range n {
		changed := false
		for i, a := range p.Arcs {
			if flow[i] < a.Cap && dist[a.From] < Inf && dist[a.From]+a.Cost < dist[a.To] {
				dist[a.To], prevArc[a.To], prevDir[a.To], changed = dist[a.From]+a.Cost, i, 1, true
			}
			if flow[i] > 0 && dist[a.To] < Inf && dist[a.To]-a.Cost < dist[a.From] {
				dist[a.From], prevArc[a.From], prevDir[a.From], changed = dist[a.To]-a.Cost, i, -1, true
			}
		}
		if !changed {
			break
		}
	}
	return dist, prevArc, prevDir
}

// potentials are shortest residual distances from a virtual node joined to
// every node: they certify the optimality of a flow without negative cycles.
func potentials(p Problem, flow []int64) []int64 {
	d := make([]int64, len(p.Supply))
	for range len(d) {
		changed := false
		for i, a := range p.Arcs {
			if flow[i] < a.Cap && d[a.From]+a.Cost < d[a.To] {
				d[a.To], changed = d[a.From]+a.Cost, true
			}
			if flow[i] > 0 && d[a.To]-a.Cost < d[a.From] {
				d[a.From], changed = d[a.To]-a.Cost, true
			}
		}
		if !changed {
			break
		}
	}
	return d
}
