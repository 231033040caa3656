package matching

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"symbiose/internal/model"
)

// Group is a mutualisation opportunity: companies near each other that
// share an input (grouped purchase), an output (pooled collection or
// treatment), or a service or equipment need.
type Group struct {
	Kind          string   `json:"kind"` // shared_output, shared_input, shared_service, shared_equipment
	Resource      string   `json:"resource"`
	CompanyIDs    []string `json:"company_ids"`
	FlowIDs       []string `json:"flow_ids"`
	TotalQuantity *float64 `json:"total_quantity"`
	Unit          string   `json:"unit"`
	Period        string   `json:"period"`
	RadiusKm      float64  `json:"radius_km"`
	Reasons       []string `json:"reasons"`
	ReasonsFR     []string `json:"reasons_fr"`
}

// Kinds of mutualisation.
const (
	SharedOutput    = "shared_output"
	SharedInput     = "shared_input"
	SharedService   = "shared_service"
	SharedEquipment = "shared_equipment"
)

type poolKey struct{ kind, resource string }

// pools keeps, for each pooling key, its flows and the clusters of its
// companies; a change marks the companies it touches, and only their
// clusters are recomputed.
type pools struct {
	pools map[poolKey]*pool
	dirty map[poolKey]bool
}

// pool is one pooling key's companies, their spatial index and clusters.
type pool struct {
	key      poolKey
	byComp   map[string][]*flow  // company id -> its flows in the pool
	located  map[string]*company // member companies with coordinates
	slot     map[string]int32    // company id -> grid item
	names    []string            // grid item -> company id, "" when free
	free     []int32
	grid     *grid            // nil until the first grouping, which builds it whole
	comp     map[string]int   // company id -> cluster
	comps    map[int][]string // cluster -> company ids
	groups   map[int]Group    // clusters large enough to be groups
	nextComp int
	dirty    map[string]bool // companies changed since the last regrouping
}

func newPools() *pools {
	return &pools{pools: map[poolKey]*pool{}, dirty: map[poolKey]bool{}}
}

func (ps *pools) get(k poolKey) *pool {
	p := ps.pools[k]
	if p == nil {
		p = &pool{key: k, byComp: map[string][]*flow{}, located: map[string]*company{}, slot: map[string]int32{},
			comp: map[string]int{}, comps: map[int][]string{}, groups: map[int]Group{}, dirty: map[string]bool{}}
		ps.pools[k] = p
	}
	return p
}

// keyOf says which pool a flow belongs to, if any. Resources pool at the
// second level of the taxonomy: a grouped electricity purchase gathers
// renewable and grid electricity alike.
func keyOf(f *flow) (poolKey, bool) {
	if f.m.Resource == "" {
		return poolKey{}, false
	}
	parts := strings.SplitN(f.m.Resource, ".", 3)
	res := parts[0]
	if len(parts) > 1 {
		res += "." + parts[1]
	}
	if f.m.Direction == model.Output {
		switch f.m.Family {
		case model.FamilyWaste, model.FamilyMaterial, model.FamilyWater:
			return poolKey{SharedOutput, res}, true
		}
		return poolKey{}, false
	}
	switch f.m.Family {
	case model.FamilyService, model.FamilySkill, model.FamilyLogistics, model.FamilySpace:
		return poolKey{SharedService, res}, true
	case model.FamilyEquipment:
		return poolKey{SharedEquipment, res}, true
	}
	return poolKey{SharedInput, res}, true
}

func (ps *pools) add(f *flow) {
	k, ok := keyOf(f)
	if !ok {
		return
	}
	p := ps.get(k)
	c := f.company
	if len(p.byComp[c.id]) == 0 && c.located {
		p.located[c.id] = c
		if p.grid != nil {
			p.place(c)
		}
	}
	p.byComp[c.id] = append(p.byComp[c.id], f)
	if p.grid != nil { // before the first grouping everything is new anyway
		p.dirty[c.id] = true
	}
	ps.dirty[k] = true
}

func (ps *pools) remove(f *flow) {
	k, ok := keyOf(f)
	if !ok {
		return
	}
	p := ps.get(k)
	c := f.company
	list := p.byComp[c.id]
	for i, g := range list {
		if g == f {
			list = append(list[:i], list[i+1:]...)
			break
		}
	}
	p.byComp[c.id] = list
	if len(list) == 0 {
		delete(p.byComp, c.id)
		if slot, ok := p.slot[c.id]; ok {
			p.grid.remove(c.lat, c.lon, slot)
			p.names[slot] = ""
			p.free = append(p.free, slot)
			delete(p.slot, c.id)
		}
		delete(p.located, c.id)
	}
	if p.grid != nil {
		p.dirty[c.id] = true
	}
	ps.dirty[k] = true
}

// place puts a located company in the pool's spatial index.
func (p *pool) place(c *company) {
	var slot int32
	if n := len(p.free); n > 0 {
		slot, p.free = p.free[n-1], p.free[:n-1]
		p.names[slot] = c.id
	} else {
		slot = int32(len(p.names))
		p.names = append(p.names, c.id)
	}
	p.slot[c.id], p.located[c.id] = slot, c
	p.grid.addPoint(c.lat, c.lon, c.p, slot)
}

// Mutualisations returns every group, largest first. Only the clusters
// touched by changes since the last call are recomputed.
func (e *Engine) Mutualisations() []Group {
	e.mu.RLock()
	if len(e.pools.dirty) == 0 {
		defer e.mu.RUnlock()
		return e.groups()
	}
	e.mu.RUnlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	for k := range e.pools.dirty {
		e.regroup(e.pools.pools[k])
	}
	clear(e.pools.dirty)
	return e.groups()
}

// groups lists the current groups, largest first.
func (e *Engine) groups() []Group {
	var all []Group
	for _, p := range e.pools.pools {
		for _, g := range p.groups {
			all = append(all, g)
		}
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if len(a.CompanyIDs) != len(b.CompanyIDs) {
			return len(a.CompanyIDs) > len(b.CompanyIDs)
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Resource != b.Resource {
			return a.Resource < b.Resource
		}
		return a.CompanyIDs[0] < b.CompanyIDs[0]
	})
	return all
}

// member is one company of a pool with its flows there.
type member struct {
	c     *company
	flows []*flow
}

// regroup recomputes the clusters of a pool's changed companies: two
// companies closer than GroupRadiusKm are linked, and each connected set of
// at least MinGroup companies is a group (single linkage). A cluster can
// only change if it holds a changed company or lies within reach of one,
// so only those clusters are taken apart and rebuilt.
func (e *Engine) regroup(p *pool) {
	radius := e.opt.GroupRadiusKm
	if p.grid == nil || 2*len(p.dirty) >= len(p.byComp) {
		// A first grouping, or most companies changed: rebuild everything.
		p.grid, p.names, p.free = newGrid(0.1), p.names[:0], p.free[:0]
		clear(p.slot)
		for _, id := range sortedKeys(p.located) {
			p.place(p.located[id])
		}
		clear(p.comp)
		clear(p.comps)
		clear(p.groups)
		clear(p.dirty)
		ids := make([]string, 0, len(p.located))
		for id := range p.located {
			ids = append(ids, id)
		}
		e.cluster(p, ids)
		return
	}
	affected := map[string]bool{}
	take := func(id string) {
		if affected[id] {
			return
		}
		if old, ok := p.comp[id]; ok {
			for _, m := range p.comps[old] {
				affected[m] = true
			}
			delete(p.comps, old)
			delete(p.groups, old)
		}
		affected[id] = true
	}
	for id := range p.dirty {
		take(id)
		if c, ok := p.located[id]; ok {
			p.grid.near(c.lat, c.lon, radius, func(slot int32) {
				if other := p.names[slot]; other != "" && distanceKm(c.p, p.located[other].p) <= radius {
					take(other)
				}
			})
		}
	}
	clear(p.dirty)
	var ids []string
	for id := range affected {
		delete(p.comp, id)
		if _, ok := p.located[id]; ok {
			ids = append(ids, id)
		}
	}
	e.cluster(p, ids)
}

// cluster links the given located companies of a pool (a union of whole
// clusters) and records their clusters and groups.
func (e *Engine) cluster(p *pool, ids []string) {
	radius := e.opt.GroupRadiusKm
	sort.Strings(ids)
	uf := newUnionFind(len(ids))
	points := make([]point, len(ids))
	for i, id := range ids {
		points[i] = p.located[id].p
	}
	linkClusters(points, radius, uf)
	byRoot := map[int][]string{}
	var roots []int
	for i, id := range ids {
		r := uf.find(i)
		if byRoot[r] == nil {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], id)
	}
	for _, r := range roots {
		comp := byRoot[r]
		p.nextComp++
		p.comps[p.nextComp] = comp
		for _, id := range comp {
			p.comp[id] = p.nextComp
		}
		if len(comp) >= e.opt.MinGroup {
			members := make([]*member, len(comp))
			for i, id := range comp {
				m := &member{c: p.located[id], flows: append([]*flow(nil), p.byComp[id]...)}
				sort.Slice(m.flows, func(a, b int) bool { return m.flows[a].m.ExtID < m.flows[b].m.ExtID })
				members[i] = m
			}
			p.groups[p.nextComp] = e.describe(p.key, members)
		}
	}
}

// linkClusters unions every two points closer than radiusKm (single
// linkage). Points are bucketed in cells whose diagonal is at most the
// radius, so that a cell's points are linked at once; two nearby cells need
// only one close pair, and none is looked for once they are linked. Dense
// areas, where thousands of companies are all within reach of each other,
// cost about the number of points, not its square.
func linkClusters(points []point, radiusKm float64, uf *unionFind) {
	if len(points) == 0 {
		return
	}
	cellDeg := radiusKm / math.Sqrt2 / 111.2
	maxLat := 0.0
	cells := map[[2]int32][]int{}
	var keys [][2]int32
	for i, pt := range points {
		lat, lon := pt.lat*180/math.Pi, pt.lon*180/math.Pi
		maxLat = math.Max(maxLat, math.Abs(lat))
		k := [2]int32{int32(math.Floor(lat / cellDeg)), int32(math.Floor(lon / cellDeg))}
		if cells[k] == nil {
			keys = append(keys, k)
		}
		cells[k] = append(cells[k], i)
	}
	for _, k := range keys { // within a cell every pair is close enough
		members := cells[k]
		for _, j := range members[1:] {
			uf.union(members[0], j)
		}
	}
	// How many cells away a point within the radius can be: two in latitude,
	// more in longitude where meridians draw together.
	lonReach := int32(2)
	if c := math.Cos(math.Min(89, maxLat+2*cellDeg) * math.Pi / 180); c > 0 {
		lonReach = int32(math.Ceil(math.Sqrt2/c)) + 1
	}
	inside, outside := chord2Of(radiusKm)*(1-1e-6), chord2Of(radiusKm)
	for _, a := range keys {
		for dLat := int32(0); dLat <= 2; dLat++ {
			for dLon := -lonReach; dLon <= lonReach; dLon++ {
				if dLat == 0 && dLon <= 0 {
					continue // each pair of cells once
				}
				b := [2]int32{a[0] + dLat, a[1] + dLon}
				other := cells[b]
				if other == nil || uf.find(cells[a][0]) == uf.find(other[0]) {
					continue
				}
				linkCells(points, cells[a], other, radiusKm, inside, outside, uf)
			}
		}
	}
}

// linkCells unions two cells' clusters if any pair of their points is close.
func linkCells(points []point, a, b []int, radiusKm, inside, outside float64, uf *unionFind) {
	for _, i := range a {
		for _, j := range b {
			ch := chord2(points[i], points[j])
			if ch <= outside && (ch < inside || distanceKm(points[i], points[j]) <= radiusKm) {
				uf.union(i, j)
				return
			}
		}
	}
}

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{p}
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		if ra < rb {
			u.parent[rb] = ra
		} else {
			u.parent[ra] = rb
		}
	}
}

var kindWords = map[string][2]string{
	SharedOutput:    {"produce %s: pooled collection or treatment", "produisent %s : collecte ou traitement mutualisé"},
	SharedInput:     {"buy %s: grouped purchase", "achètent %s : achat groupé"},
	SharedService:   {"need %s: shared service", "ont besoin de %s : service partagé"},
	SharedEquipment: {"need %s: shared equipment", "ont besoin de %s : équipement partagé"},
}

// describe turns a cluster into a group with its totals and reasons.
func (e *Engine) describe(k poolKey, comp []*member) Group {
	g := Group{Kind: k.kind, Resource: k.resource, Period: "year"}
	var lat, lon float64
	totals := map[string]float64{}
	counts := map[string]int{}
	for _, m := range comp {
		g.CompanyIDs = append(g.CompanyIDs, m.c.id)
		lat += m.c.lat
		lon += m.c.lon
		for _, f := range m.flows {
			g.FlowIDs = append(g.FlowIDs, f.m.ExtID)
			if f.hasQty {
				totals[f.dim] += f.qty
				counts[f.dim]++
			}
		}
	}
	sort.Strings(g.FlowIDs)
	centre := newPoint(lat/float64(len(comp)), lon/float64(len(comp)))
	for _, m := range comp {
		g.RadiusKm = math.Max(g.RadiusKm, distanceKm(centre, m.c.p))
	}
	g.RadiusKm = math.Round(g.RadiusKm*10) / 10
	best := ""
	for _, dim := range sortedKeys(counts) {
		if best == "" || counts[dim] > counts[best] {
			best = dim
		}
	}
	if best != "" {
		total := math.Round(totals[best]*1000) / 1000
		g.TotalQuantity, g.Unit = &total, baseUnit[best]
	}
	words := kindWords[k.kind]
	g.Reasons = []string{fmt.Sprintf("%d companies within %s km "+words[0], len(comp), formatKm(g.RadiusKm, "."), label(k.resource, "en"))}
	g.ReasonsFR = []string{fmt.Sprintf("%d entreprises dans un rayon de %s km "+words[1], len(comp), formatKm(g.RadiusKm, ","),
		strings.ToLower(label(k.resource, "fr")))}
	return g
}
