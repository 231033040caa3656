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

// pools keeps the flows of each pooling key and the groups found among
// them; a change marks its key for regrouping.
type pools struct {
	members map[poolKey]map[string]*flow
	dirty   map[poolKey]bool
	groups  map[poolKey][]Group
}

func newPools() *pools {
	return &pools{members: map[poolKey]map[string]*flow{}, dirty: map[poolKey]bool{}, groups: map[poolKey][]Group{}}
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

func (p *pools) add(f *flow) {
	if k, ok := keyOf(f); ok {
		if p.members[k] == nil {
			p.members[k] = map[string]*flow{}
		}
		p.members[k][f.m.ExtID] = f
		p.dirty[k] = true
	}
}

func (p *pools) remove(f *flow) {
	if k, ok := keyOf(f); ok {
		delete(p.members[k], f.m.ExtID)
		if len(p.members[k]) == 0 {
			delete(p.members, k)
		}
		p.dirty[k] = true
	}
}

// Mutualisations returns every group, largest first.
func (e *Engine) Mutualisations() []Group {
	e.mu.Lock()
	defer e.mu.Unlock()
	for k := range e.pools.dirty {
		e.pools.groups[k] = e.group(k)
		if len(e.pools.groups[k]) == 0 {
			delete(e.pools.groups, k)
		}
	}
	clear(e.pools.dirty)
	var all []Group
	for _, gs := range e.pools.groups {
		all = append(all, gs...)
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

// group clusters a pool's located companies: two companies closer than
// GroupRadiusKm are linked, and each connected set of at least MinGroup
// companies is a group (single linkage).
func (e *Engine) group(k poolKey) []Group {
	byCompany := map[string]*member{}
	for _, f := range e.pools.members[k] {
		if !f.company.located {
			continue
		}
		m := byCompany[f.company.id]
		if m == nil {
			m = &member{c: f.company}
			byCompany[f.company.id] = m
		}
		m.flows = append(m.flows, f)
	}
	if len(byCompany) < e.opt.MinGroup {
		return nil
	}
	ids := sortedKeys(byCompany)
	members := make([]*member, len(ids))
	for i, id := range ids {
		members[i] = byCompany[id]
	}
	comps := clusters(members, e.opt.GroupRadiusKm)
	var out []Group
	for _, comp := range comps {
		if len(comp) >= e.opt.MinGroup {
			out = append(out, e.describe(k, comp))
		}
	}
	return out
}

// clusters returns the connected components (as member lists in id order)
// of the "closer than radiusKm" graph, found with a grid and union-find.
func clusters(members []*member, radiusKm float64) [][]*member {
	g := newGrid(math.Max(radiusKm/111, 0.01))
	for i, m := range members {
		g.add(m.c.lat, m.c.lon, int32(i))
	}
	uf := newUnionFind(len(members))
	for i, m := range members {
		g.near(m.c.lat, m.c.lon, radiusKm, func(j int32) {
			if int(j) > i && distanceKm(m.c.p, members[j].c.p) <= radiusKm {
				uf.union(i, int(j))
			}
		})
	}
	return uf.components(members)
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

func (u *unionFind) components(members []*member) [][]*member {
	byRoot := map[int][]*member{}
	var roots []int
	for i, m := range members {
		r := u.find(i)
		if byRoot[r] == nil {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], m)
	}
	out := make([][]*member, len(roots))
	for i, r := range roots {
		out[i] = byRoot[r]
	}
	return out
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
