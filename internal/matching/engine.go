// Package matching finds synergies between the companies of a territory:
// substitution candidates (an output of one company feeding an input of
// another), mutualisation groups (companies near each other sharing an
// input, an output or a need) and the allocation of supplies to needs.
// It is pure: flows and companies in, ranked and explained results out.
// The engine keeps its indexes in memory and updates them flow by flow.
package matching

import (
	"math"
	"strings"
	"sync"

	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

// Options tune the engine.
type Options struct {
	Top           int     // candidates kept per input flow (default 10)
	RadiusKm      float64 // when > 0, the largest distance for every resource, replacing the per-resource radii
	MinGroup      int     // companies in a mutualisation group (default 3)
	GroupRadiusKm float64 // companies closer than this are pooled together (default 10)
}

func (o Options) withDefaults() Options {
	if o.Top <= 0 {
		o.Top = 10
	}
	if o.MinGroup <= 0 {
		o.MinGroup = 3
	}
	if o.GroupRadiusKm <= 0 {
		o.GroupRadiusKm = 10
	}
	return o
}

// Engine holds a territory's flows, their spatial indexes and the current
// results. Its methods are safe for concurrent use.
type Engine struct {
	mu        sync.RWMutex
	opt       Options
	rules     *Rules
	companies map[string]*company
	flows     map[string]*flow
	slots     []*flow // slot -> flow, for the grids' int32 items
	free      []int32
	outputs   map[string]*resourceIndex // output flows by resource
	inputs    map[string]*resourceIndex // input flows by resource
	// candidates holds the ranked ratings of each input flow: a prefix of
	// its true ranking, at least Top long unless complete, up to 2×Top after
	// updates so that a removal seldom forces a new search. truncated marks
	// the lists that may have left candidates out.
	candidates  map[string][]rating
	truncated   map[string]bool
	listedIn    map[*flow]map[*flow]struct{} // output -> inputs whose list has it
	pools       *pools
	altCache    map[string][]alt // label readings, kept across loads
	altMu       sync.RWMutex
	chords      chordCache
	radiusCache map[string]float64
	// version counts changes, so that an update planned under the read
	// lock knows whether another came in between.
	version uint64
}

type company struct {
	id      string
	lat     float64
	lon     float64
	p       point
	located bool
	flows   map[string]bool
}

// flow is a model flow with what matching derives from it once.
type flow struct {
	m          model.Flow
	slot       int32
	company    *company
	qty        float64
	dim        string
	hasQty     bool
	temp       float64
	hasTemp    bool
	hazardous  bool
	acceptsHaz bool
	radius     float64 // how far the flow travels, from its resource
	// alts are the resources the flow may be: the one given, and when the
	// classifier chose it with doubt, its runners-up, each with a weight.
	alts []alt
}

type alt struct {
	res    string
	weight float64
}

// Alternatives: a classifier's answer below altConfidence brings its
// runners-up whose confidence is at least altShare of the answer's.
const (
	altConfidence = 0.8
	altShare      = 0.6
	altCount      = 3
)

// cachedAlternatives returns the resources a flow may be, from the cache
// when readAll filled it.
func (e *Engine) cachedAlternatives(m model.Flow) []alt {
	if m.Resource == "" {
		return nil
	}
	if m.ResourceConfidence == nil || *m.ResourceConfidence >= altConfidence {
		return []alt{{m.Resource, 1}}
	}
	key := altKey(m)
	e.altMu.RLock()
	a, ok := e.altCache[key]
	e.altMu.RUnlock()
	if ok {
		return a
	}
	a = alternatives(m)
	e.altMu.Lock()
	e.altCache[key] = a
	e.altMu.Unlock()
	return a
}

func altKey(m model.Flow) string {
	return m.Resource + "\x00" + m.Label + "\x00" + m.EWC + "\x00" + m.Family
}

// readAll fills the cache of label readings for many flows at once, the
// classifier running on every processor.
func (e *Engine) readAll(flows []model.Flow) {
	keys := map[string]model.Flow{}
	for _, m := range flows {
		if m.Resource != "" && m.ResourceConfidence != nil && *m.ResourceConfidence < altConfidence {
			key := altKey(m)
			if _, done := e.altCache[key]; !done {
				keys[key] = m
			}
		}
	}
	list := make([]string, 0, len(keys))
	for k := range keys {
		list = append(list, k)
	}
	results := make([][]alt, len(list))
	parallel(len(list), func(i int) { results[i] = alternatives(keys[list[i]]) })
	for i, k := range list {
		e.altCache[k] = results[i]
	}
}

func alternatives(m model.Flow) []alt {
	if m.Resource == "" {
		return nil
	}
	alts := []alt{{m.Resource, 1}}
	if m.ResourceConfidence == nil || *m.ResourceConfidence >= altConfidence {
		return alts
	}
	matches := nomenclature.DefaultClassifier().ClassifyFlow(m.Label, m.EWC, m.Family, altCount)
	if len(matches) == 0 || matches[0].Confidence <= 0 {
		return alts
	}
	for _, mt := range matches {
		share := mt.Confidence / matches[0].Confidence
		if mt.Resource != m.Resource && share >= altShare {
			alts = append(alts, alt{mt.Resource, share * 0.9})
		}
	}
	return alts
}

// weightOf returns how much a flow may be of a resource, 0 if not at all.
func (f *flow) weightOf(res string) float64 {
	for _, a := range f.alts {
		if a.res == res {
			return a.weight
		}
	}
	return 0
}

// resourceIndex finds the flows of one resource near a place.
type resourceIndex struct {
	grid      *grid
	unlocated map[int32]bool
	size      int
}

// gridCellDeg is the grid's cell size: about 28 km of latitude, a fair
// compromise between heat's few km and materials' hundreds.
const gridCellDeg = 0.25

// New returns an empty engine.
func New(opt Options, rules *Rules) *Engine {
	if rules == nil {
		rules = DefaultRules()
	}
	e := &Engine{opt: opt.withDefaults(), rules: rules, altCache: map[string][]alt{}, radiusCache: map[string]float64{}}
	for _, r := range nomenclature.Resources() {
		e.radiusCache[r.Code] = e.radiusKm(r.Code)
	}
	e.reset()
	return e
}

func (e *Engine) reset() {
	e.companies, e.flows, e.slots, e.free = map[string]*company{}, map[string]*flow{}, nil, nil
	e.outputs, e.inputs = map[string]*resourceIndex{}, map[string]*resourceIndex{}
	e.candidates, e.truncated, e.pools = map[string][]rating{}, map[string]bool{}, newPools()
	e.listedIn = map[*flow]map[*flow]struct{}{}
}

// Load replaces the engine's data with a territory's and computes every
// result.
func (e *Engine) Load(companies []model.Company, flows []model.Flow) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.reset()
	for _, c := range companies {
		e.putCompany(c)
	}
	e.readAll(flows)
	e.flows = make(map[string]*flow, len(flows))
	e.slots = make([]*flow, 0, len(flows))
	// What each flow means for matching is derived on every processor,
	// then the flows enter the indexes one by one.
	derived := make([]*flow, len(flows))
	parallel(len(flows), func(i int) {
		if c := e.companies[flows[i].CompanyExtID]; c != nil {
			derived[i] = e.derive(flows[i], c)
		}
	})
	for _, f := range derived {
		if f != nil {
			e.insert(f)
		}
	}
	e.matchAll()
	e.version++
}

func (e *Engine) putCompany(c model.Company) *company {
	rec := &company{id: c.ExtID, flows: map[string]bool{}}
	if c.HasLocation() {
		rec.lat, rec.lon, rec.located = *c.Lat, *c.Lon, true
		rec.p = newPoint(rec.lat, rec.lon)
	}
	e.companies[c.ExtID] = rec
	return rec
}

// index adds a flow to the indexes, without updating results.
func (e *Engine) index(m model.Flow, c *company) *flow {
	f := e.derive(m, c)
	e.insert(f)
	return f
}

// derive computes what matching needs of a flow. It only reads the
// engine's caches (the label readings must be in altCache beforehand when
// called from several goroutines).
func (e *Engine) derive(m model.Flow, c *company) *flow {
	f := &flow{m: m, company: c}
	f.qty, f.dim, f.hasQty = yearly(m.Quantity, m.Unit, m.Period)
	if mentionsTemperature(m.Label) || mentionsTemperature(m.Quality) {
		f.temp, f.hasTemp = nomenclature.Temperature(m.Label + " " + m.Quality)
	}
	f.hazardous = m.Hazardous || hazardousNode(m.Resource)
	f.acceptsHaz = f.hazardous || (m.Direction == model.Input && acceptsHazardous(m))
	f.alts = e.cachedAlternatives(m)
	f.radius = e.radiusOf(m.Resource)
	return f
}

// insert puts a derived flow in the indexes.
func (e *Engine) insert(f *flow) {
	m, c := f.m, f.company
	if n := len(e.free); n > 0 {
		f.slot, e.free = e.free[n-1], e.free[:n-1]
		e.slots[f.slot] = f
	} else {
		f.slot = int32(len(e.slots))
		e.slots = append(e.slots, f)
	}
	e.flows[m.ExtID] = f
	c.flows[m.ExtID] = true
	for _, a := range f.alts {
		idx := e.indexFor(f, a.res)
		if c.located {
			idx.grid.addPoint(c.lat, c.lon, c.p, f.slot)
		} else {
			idx.unlocated[f.slot] = true
		}
		idx.size++
	}
	e.pools.add(f)
}

// unindex removes a flow from the indexes, without updating results.
func (e *Engine) unindex(f *flow) {
	for _, a := range f.alts {
		idx := e.indexFor(f, a.res)
		if f.company.located {
			idx.grid.remove(f.company.lat, f.company.lon, f.slot)
		} else {
			delete(idx.unlocated, f.slot)
		}
		idx.size--
	}
	e.pools.remove(f)
	delete(e.flows, f.m.ExtID)
	delete(f.company.flows, f.m.ExtID)
	e.slots[f.slot] = nil
	e.free = append(e.free, f.slot)
}

func (e *Engine) indexFor(f *flow, res string) *resourceIndex {
	m := e.inputs
	if f.m.Direction == model.Output {
		m = e.outputs
	}
	idx := m[res]
	if idx == nil {
		// Cells of half the resource's travel radius: a search visits a few
		// cells, each holding few items beyond the radius.
		cell := math.Max(gridCellDeg/8, e.radiusKm(res)/111.2/2)
		idx = &resourceIndex{grid: newGrid(cell), unlocated: map[int32]bool{}}
		m[res] = idx
	}
	return idx
}

// near calls fn for each flow of the index within radiusKm of c, and for
// every flow without a location (whose distance is unknown).
func (e *Engine) near(idx *resourceIndex, c *company, radiusKm float64, fn func(f *flow, km float64, known bool)) {
	if idx == nil || idx.size == 0 {
		return
	}
	if c.located {
		idx.grid.near(c.lat, c.lon, radiusKm, func(slot int32) {
			f := e.slots[slot]
			if km := distanceKm(c.p, f.company.p); km <= radiusKm {
				fn(f, km, true)
			}
		})
	} else {
		for _, items := range idx.grid.cells {
			for _, it := range items {
				fn(e.slots[it.id], 0, false)
			}
		}
	}
	for slot := range idx.unlocated {
		fn(e.slots[slot], 0, false)
	}
}

// radiusOf is radiusKm, read from a table of the whole taxonomy made when
// the engine is created (safe for concurrent use).
func (e *Engine) radiusOf(res string) float64 {
	if r, ok := e.radiusCache[res]; ok {
		return r
	}
	return e.radiusKm(res)
}

// mentionsTemperature is a cheap test before the temperature parser.
func mentionsTemperature(s string) bool {
	return strings.Contains(s, "°") || strings.Contains(s, "deg") || strings.Contains(s, "DEG")
}

func hazardousNode(code string) bool {
	r, ok := nomenclature.LookupResource(code)
	return ok && r.Hazardous == "true"
}

// acceptsHazardous reports whether an input says it takes hazardous
// material: a hazardous resource or List of Waste code, an
// accepts_hazardous attribute, or the words of an authorised receiver.
func acceptsHazardous(m model.Flow) bool {
	if v := strings.ToLower(m.Attrs["accepts_hazardous"]); v == "true" || v == "yes" || v == "oui" {
		return true
	}
	q := strings.ToLower(m.Quality + " " + m.Label)
	for _, w := range []string{"dangereux", "dangereuse", "hazardous", "agréé", "agree", "authorised", "authorized", "icpe 2790", "2770"} {
		if strings.Contains(q, w) {
			return true
		}
	}
	return false
}

// shown returns the candidates of an input that results show: its first Top.
func (e *Engine) shown(inputID string) []rating {
	list := e.candidates[inputID]
	if len(list) > e.opt.Top {
		return list[:e.opt.Top]
	}
	return list
}
