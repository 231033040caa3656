package workshop

// state is a plan of the remaining rounds kept together with the pair
// counters, so that a swap is evaluated by looking at two tables only.
type state struct {
	in    *instance
	tab   [][]int   // tab[r][c]: table of c in round r, -1 if not seated
	mem   [][][]int // mem[r][t]: companies of table t in round r
	cnt   []int16   // meetings of each pair over all rounds, played included
	score float64   // potential of the pairs met at least once
	viol  int       // hard-constraint violations, see pairViol
}

func newState(in *instance) *state {
	s := &state{in: in, tab: make([][]int, in.rounds), mem: make([][][]int, in.rounds)}
	for r := range s.tab {
		s.tab[r] = make([]int, in.n)
		for c := range s.tab[r] {
			s.tab[r][c] = -1
		}
		s.mem[r] = make([][]int, len(in.sizes))
	}
	s.cnt = append([]int16(nil), in.base...)
	s.score = in.playedScore
	s.viol = in.pendingMust()
	return s
}

// pendingMust counts must-meet pairs not met in played rounds: they start as
// violations and stop being ones when a round seats them together.
func (in *instance) pendingMust() int {
	v := 0
	for a := 0; a < in.n; a++ {
		for _, b := range in.mustOf[a] {
			if a < b && in.base[a*in.n+b] == 0 {
				v++
			}
		}
	}
	return v
}

// pairViol measures how badly a pair met cnt times breaks the hard rules:
// every repeat, every competitor meeting and a must-meet pair never met.
func (in *instance) pairViol(ij int, cnt int16) int {
	v := 0
	if cnt > 1 {
		v += int(cnt - 1)
	}
	if in.compet[ij] {
		v += int(cnt)
	}
	if cnt == 0 && in.must[ij] {
		v++
	}
	return v
}

// bump changes the meeting count of a pair by d and keeps score and viol in step.
func (s *state) bump(a, b int, d int16) {
	in := s.in
	ij := a*in.n + b
	old := s.cnt[ij]
	nw := old + d
	s.viol += in.pairViol(ij, nw) - in.pairViol(ij, old)
	if old == 0 && nw > 0 {
		s.score += in.w[ij]
	} else if old > 0 && nw == 0 {
		s.score -= in.w[ij]
	}
	s.cnt[ij], s.cnt[b*in.n+a] = nw, nw
}

// seat puts c at table t of round r.
func (s *state) seat(r, c, t int) {
	for _, x := range s.mem[r][t] {
		s.bump(c, x, 1)
	}
	s.mem[r][t] = append(s.mem[r][t], c)
	s.tab[r][c] = t
}

// pairDelta is the change of (score, viol) if the pair's count moves by d.
func (s *state) pairDelta(a, b int, d int16) (float64, int) {
	in := s.in
	ij := a*in.n + b
	old := s.cnt[ij]
	nw := old + d
	ds := 0.0
	if old == 0 && nw > 0 {
		ds = in.w[ij]
	} else if old > 0 && nw == 0 {
		ds = -in.w[ij]
	}
	return ds, in.pairViol(ij, nw) - in.pairViol(ij, old)
}

// swapDelta evaluates exchanging a and b (at different tables) in round r:
// a loses its table-mates and gains b's, and the other way round; the pair
// (a, b) itself is unaffected, so the four groups of pairs are disjoint.
func (s *state) swapDelta(r, a, b int) (float64, int) {
	ta, tb := s.tab[r][a], s.tab[r][b]
	var ds float64
	var dv int
	for _, x := range s.mem[r][ta] {
		if x != a {
			s1, v1 := s.pairDelta(a, x, -1)
			s2, v2 := s.pairDelta(b, x, 1)
			ds += s1 + s2
			dv += v1 + v2
		}
	}
	for _, y := range s.mem[r][tb] {
		if y != b {
			s1, v1 := s.pairDelta(b, y, -1)
			s2, v2 := s.pairDelta(a, y, 1)
			ds += s1 + s2
			dv += v1 + v2
		}
	}
	return ds, dv
}

// swap exchanges a and b in round r.
func (s *state) swap(r, a, b int) {
	ta, tb := s.tab[r][a], s.tab[r][b]
	for _, x := range s.mem[r][ta] {
		if x != a {
			s.bump(a, x, -1)
			s.bump(b, x, 1)
		}
	}
	for _, y := range s.mem[r][tb] {
		if y != b {
			s.bump(b, y, -1)
			s.bump(a, y, 1)
		}
	}
	replace(s.mem[r][ta], a, b)
	replace(s.mem[r][tb], b, a)
	s.tab[r][a], s.tab[r][b] = tb, ta
}

func replace(xs []int, old, nw int) {
	for i, x := range xs {
		if x == old {
			xs[i] = nw
			return
		}
	}
}

// conflicted tells whether c takes part in a violation in round r: the
// repair phase moves such companies first.
func (s *state) conflicted(r, c int) bool {
	in := s.in
	for _, x := range s.mem[r][s.tab[r][c]] {
		if x != c && (s.cnt[c*in.n+x] > 1 || in.compet[c*in.n+x]) {
			return true
		}
	}
	for _, b := range in.mustOf[c] {
		if s.cnt[c*in.n+b] == 0 {
			return true
		}
	}
	return false
}

// snapshot copies the table assignment so that the best plan can be restored.
func (s *state) snapshot() [][]int {
	out := make([][]int, len(s.tab))
	for r := range s.tab {
		out[r] = append([]int(nil), s.tab[r]...)
	}
	return out
}

// fromTables rebuilds a state from an assignment produced by snapshot.
func fromTables(in *instance, tab [][]int) *state {
	s := newState(in)
	for r := range tab {
		for _, c := range in.active {
			s.seat(r, c, tab[r][c])
		}
	}
	return s
}

// rounds renders the full plan, played rounds first and copied, not shared.
func (s *state) rounds() [][][]int {
	in := s.in
	out := make([][][]int, 0, in.played+in.rounds)
	for _, round := range in.p.Played {
		cp := make([][]int, len(round))
		for t := range round {
			cp[t] = append([]int(nil), round[t]...)
		}
		out = append(out, cp)
	}
	for r := range s.mem {
		cp := make([][]int, len(s.mem[r]))
		for t := range s.mem[r] {
			cp[t] = append([]int(nil), s.mem[r][t]...)
		}
		out = append(out, cp)
	}
	return out
}
