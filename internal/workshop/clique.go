package workshop

import (
	"math"
	"sort"
)

// bestTable finds, for one company c, the best table of m guests under
// penalties: it maximises Σ_{j∈S} (w[c][j] − pen[j]) + Σ_{i<j∈S} w[i][j]
// over sets S of m candidates that may pairwise sit together, that is the
// value of the table S ∪ {c} minus the penalties of its guests. The bound of
// bound.go calls it hundreds of times per company, so it is a depth-first
// branch and bound that starts from the previous answer (penalties change
// little between calls) and cuts every branch that cannot beat it. When the
// node cap is reached it stops cutting and reports the largest bound of the
// branches it left: the result is then still an upper bound, never an
// underestimate, which is all the bound needs.
type bestTable struct {
	in      *instance
	w       []float64 // potentials in use, never above in.w (see inner)
	c, m    int
	cand    []int       // candidate guests of c
	inner   [][]float64 // inner[i][r]: sum of the r largest w[cand[i]][·] among allowed candidates
	allowed []bool      // allowed[a*n+b]: companies a and b may share a table (shared by all)
	score   []float64
	order   []int // candidate positions by decreasing score

	nodeCap, nodes int
	work           int // options examined, a machine-independent measure of time
	best, open     float64
	bestSet        []int // positions in cand
	pick           []int
	opts           [][]option  // per depth, reused
	suffix         [][]float64 // per depth, reused
}

type option struct {
	i    int     // position in cand
	gain float64 // score plus the potential to the guests already picked
}

const negInf = -1e300

// allowedPairs tells which pairs may still share a table: different
// companies, not competitors, not met in a played round.
func allowedPairs(in *instance) []bool {
	n := in.n
	ok := make([]bool, n*n)
	for a := 0; a < n; a++ {
		for b := 0; b < n; b++ {
			ok[a*n+b] = a != b && in.base[a*n+b] == 0 && !in.compet[a*n+b]
		}
	}
	return ok
}

// newBestTable prepares the search for company c; w (potentials, possibly
// lowered) and allowed (see allowedPairs) are shared with the caller, and
// inner is recomputed from w at every solve.
func newBestTable(in *instance, w []float64, allowed []bool, c, m int, cand []int, nodeCap int) *bestTable {
	k := len(cand)
	bt := &bestTable{in: in, w: w, allowed: allowed, c: c, m: m, cand: cand, nodeCap: nodeCap}
	bt.inner = make([][]float64, k)
	for i := range bt.inner {
		bt.inner[i] = make([]float64, max(m, 1))
	}
	bt.score = make([]float64, k)
	bt.order = make([]int, k)
	bt.suffix = make([][]float64, m+1)
	bt.opts = make([][]option, m+1)
	for d := range bt.opts {
		bt.opts[d] = make([]option, 0, k)
	}
	return bt
}

// solve returns an upper bound on the best value under pen (indexed by
// company; only candidates are read), exact unless the node cap was hit; the
// best table found is left in bestSet, as positions in cand.
func (bt *bestTable) solve(pen []float64) float64 {
	n, k := bt.in.n, len(bt.cand)
	if k < bt.m {
		return negInf
	}
	for i, x := range bt.cand {
		bt.score[i] = bt.w[bt.c*n+x] - pen[x]
		bt.order[i] = i
	}
	sort.Slice(bt.order, func(a, b int) bool { return bt.score[bt.order[a]] > bt.score[bt.order[b]] })
	bt.refreshInner()
	bt.nodes, bt.best, bt.open = 0, negInf, negInf
	// The previous answer, re-valued under the new penalties, is usually
	// close to the new optimum and prunes most of the tree at once.
	if len(bt.bestSet) == bt.m {
		bt.best = bt.value(bt.bestSet)
	}
	bt.pick = bt.pick[:0]
	root := bt.opts[0][:0]
	for _, i := range bt.order {
		root = append(root, option{i: i, gain: bt.score[i]})
	}
	bt.opts[0] = root
	bt.branch(root, 0)
	return max(bt.best, bt.open)
}

func (bt *bestTable) value(pos []int) float64 {
	n := bt.in.n
	v := 0.0
	for x, i := range pos {
		v += bt.score[i]
		for _, j := range pos[:x] {
			v += bt.w[bt.cand[i]*n+bt.cand[j]]
		}
	}
	return v
}

// branch extends the partial table bt.pick, worth val, with the options of
// list: candidates of higher rank than the last pick (so that every set is
// met once), allowed with every pick, each with its gain (score plus the
// potential to the guests already picked). An option brings its gain plus,
// at most, half of its r−1 best potentials to the other new guests (each
// inner pair is shared by its two ends); the bound of the branch adds the r
// largest of these amounts. Lists shrink with depth, since a child only
// keeps the options allowed with the new pick and worth exploring.
func (bt *bestTable) branch(list []option, val float64) {
	n := bt.in.n
	depth := len(bt.pick)
	r := bt.m - depth
	if r == 0 {
		if val > bt.best {
			bt.best = val
			bt.bestSet = append(bt.bestSet[:0], bt.pick...)
		}
		return
	}
	bt.nodes++
	bt.work += len(list)
	if len(list) < r {
		return
	}
	if r == 1 { // last seat: the best option, no need to branch
		for _, o := range list {
			if val+o.gain > bt.best {
				bt.best = val + o.gain
				bt.bestSet = append(append(bt.bestSet[:0], bt.pick...), o.i)
			}
		}
		return
	}
	if r == 2 { // last two seats: the best allowed pair, directly
		maxGain := negInf
		for _, o := range list {
			maxGain = max(maxGain, o.gain)
		}
		bt.lastPair(list, val, maxGain)
		return
	}
	var top [8]float64 // the r largest optimistic amounts
	tops := top[:0]
	if r > len(top) {
		tops = make([]float64, 0, r)
	}
	for _, o := range list {
		tops = insertTop(tops, o.gain+bt.inner[o.i][r-1]/2, r)
	}
	bound := val
	for _, t := range tops {
		bound += t
	}
	if bound <= bt.best {
		return
	}
	if bt.nodes > bt.nodeCap {
		bt.open = max(bt.open, bound)
		return
	}
	// An option outside the top r can only help if its own amount plus
	// the r−1 best others beats the incumbent.
	rest := bound - tops[len(tops)-1]
	// suffix[x]: the r−1 largest gains after position x, with the
	// potentials among those guests at most wmax each; with o's r−1 best
	// potentials this bounds a child without building it.
	suffix := bt.suffix[depth][:0]
	wmax := 0.0
	var sbuf [8]float64
	stops := sbuf[:0]
	if r-1 > len(sbuf) {
		stops = make([]float64, 0, r-1)
	}
	for x := len(list) - 1; x >= 0; x-- {
		sum := 0.0
		for _, g := range stops {
			sum += g
		}
		if len(stops) < r-1 {
			sum = math.Inf(-1) // too few guests left after x
		}
		suffix = append(suffix, sum)
		stops = insertTop(stops, list[x].gain, r-1)
		wmax = max(wmax, bt.inner[list[x].i][1])
	}
	bt.suffix[depth] = suffix // per depth: children must not overwrite it
	innerPairs := float64((r-1)*(r-2)/2) * wmax
	for x, o := range list {
		if rest+o.gain+bt.inner[o.i][r-1]/2 <= bt.best {
			continue
		}
		if val+o.gain+suffix[len(list)-1-x]+bt.inner[o.i][r-1]+innerPairs <= bt.best {
			continue
		}
		child := bt.opts[depth+1][:0]
		row := bt.cand[o.i] * n
		maxGain := negInf
		for _, q := range list[x+1:] {
			if bt.allowed[row+bt.cand[q.i]] {
				g := q.gain + bt.w[row+bt.cand[q.i]]
				child = append(child, option{i: q.i, gain: g})
				maxGain = max(maxGain, g)
			}
		}
		bt.opts[depth+1] = child
		bt.work += len(list) - x
		bt.pick = append(bt.pick, o.i)
		if r == 3 { // the child is a last pair: skip the general node
			bt.nodes++
			bt.lastPair(child, val+o.gain, maxGain)
		} else {
			bt.branch(child, val+o.gain)
		}
		bt.pick = bt.pick[:len(bt.pick)-1]
	}
}

// lastPair fills the last two seats with the best allowed pair of list,
// whose largest gain is maxGain. A
// pair (x, y) is worth at most gain_x + inner_x + gain_y (inner_x: x's best
// potential), so only the options for which that can beat the incumbent with
// the largest gain as y are kept, and the pairs are tried among them.
func (bt *bestTable) lastPair(list []option, val, maxGain float64) {
	n := bt.in.n
	keep := bt.opts[bt.m][:0]
	for _, o := range list {
		if val+o.gain+bt.inner[o.i][1]+maxGain > bt.best {
			keep = append(keep, o)
		}
	}
	bt.opts[bt.m] = keep
	bt.work += len(list) + len(keep)*len(keep)/2
	for x, o := range keep {
		row := bt.cand[o.i] * n
		for _, q := range keep[x+1:] {
			if !bt.allowed[row+bt.cand[q.i]] {
				continue
			}
			if v := val + o.gain + q.gain + bt.w[row+bt.cand[q.i]]; v > bt.best {
				bt.best = v
				bt.bestSet = append(append(bt.bestSet[:0], bt.pick...), o.i, q.i)
			}
		}
	}
}

// insertTop keeps xs as the r largest values seen, in decreasing order.
func insertTop(xs []float64, v float64, r int) []float64 {
	if len(xs) == r && v <= xs[r-1] {
		return xs
	}
	if len(xs) < r {
		xs = append(xs, v)
	} else {
		xs[r-1] = v
	}
	for i := len(xs) - 1; i > 0 && xs[i] > xs[i-1]; i-- {
		xs[i], xs[i-1] = xs[i-1], xs[i]
	}
	return xs
}

// refreshInner computes inner from the current potentials: lowered
// potentials give a tighter bound and fewer nodes.
func (bt *bestTable) refreshInner() {
	n := bt.in.n
	if bt.m < 2 {
		return
	}
	var buf [8]float64
	for i, a := range bt.cand {
		tops := buf[:0]
		if bt.m-1 > len(buf) {
			tops = make([]float64, 0, bt.m-1)
		}
		row := bt.w[a*n : a*n+n]
		al := bt.allowed[a*n : a*n+n]
		for _, b := range bt.cand {
			if al[b] {
				tops = insertTop(tops, row[b], bt.m-1)
			}
		}
		in := bt.inner[i]
		for r := 1; r < bt.m; r++ {
			in[r] = in[r-1]
			if r-1 < len(tops) {
				in[r] += tops[r-1]
			}
		}
	}
}
