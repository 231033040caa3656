// Package worker runs Symbiose's background jobs.
package worker

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"sync"
	"sync/atomic"
	"time"

	"symbiose/internal/matching"
	"symbiose/internal/model"
	"symbiose/internal/storage"
)

// Matchers keeps one matching engine per territory current with the
// database: a first full load, then the companies and flows written since
// the last look, applied as incremental updates. Pages apply their own
// writes at once with Apply, so that the next page shows their effect.
type Matchers struct {
	store *storage.Storage
	log   *slog.Logger
	opt   matching.Options

	refreshing sync.Mutex // one refresh at a time
	mu         sync.Mutex // guards the map only
	tracked    map[int64]*tracked
}

type tracked struct {
	engine *matching.Engine // has its own lock
	mu     sync.Mutex       // serialises writers of since and snap
	since  string           // stamp of the last look
	// snap is replaced whole on every change (copy on write), so that
	// pages read it without waiting for writers.
	snap atomic.Pointer[Snapshot]
}

// Snapshot is a territory's companies and flows as the engine last saw
// them, by dataset id. It is never changed once published: read it, do not
// write it.
type Snapshot struct {
	Companies map[string]model.Company
	Flows     map[string]model.Flow
}

// copy returns a snapshot with copies of the maps, to change and publish.
func (s *Snapshot) copy() *Snapshot {
	out := &Snapshot{Companies: make(map[string]model.Company, len(s.Companies)+1), Flows: make(map[string]model.Flow, len(s.Flows)+1)}
	for k, v := range s.Companies {
		out.Companies[k] = v
	}
	for k, v := range s.Flows {
		out.Flows[k] = v
	}
	return out
}

// NewMatchers returns an empty set of engines.
func NewMatchers(store *storage.Storage, log *slog.Logger, opt matching.Options) *Matchers {
	return &Matchers{store: store, log: log, opt: opt, tracked: map[int64]*tracked{}}
}

func (m *Matchers) get(territoryID int64) *tracked {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.tracked[territoryID]
}

// Engine returns the current engine of a territory, nil before the first
// refresh that saw it.
func (m *Matchers) Engine(territoryID int64) *matching.Engine {
	if t := m.get(territoryID); t != nil {
		return t.engine
	}
	return nil
}

// Loaded returns how many territories have an engine.
func (m *Matchers) Loaded() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.tracked)
}

// View calls fn with the territory's snapshot, which must not be kept or
// changed; ok is false when the territory has no engine yet.
func (m *Matchers) View(territoryID int64, fn func(Snapshot)) bool {
	t := m.get(territoryID)
	if t == nil {
		return false
	}
	fn(*t.snap.Load())
	return true
}

// Apply gives a territory's engine companies and flows just written. A flow
// of a company the engine has not seen yet (written elsewhere) brings its
// company from the database.
func (m *Matchers) Apply(ctx context.Context, territoryID int64, companies []model.Company, flows []model.Flow) error {
	t := m.get(territoryID)
	if t == nil {
		return nil // the next refresh loads the territory whole
	}
	known := t.snap.Load().Companies
	given := map[string]bool{}
	for _, c := range companies {
		given[c.ExtID] = true
	}
	for _, f := range flows {
		if _, ok := known[f.CompanyExtID]; !ok && !given[f.CompanyExtID] {
			c, err := m.store.CompanyByExtID(ctx, territoryID, f.CompanyExtID)
			if err != nil {
				return err
			}
			companies, given[c.ExtID] = append(companies, c), true
		}
	}
	return t.apply(companies, flows)
}

// apply updates the snapshot and the engine with what changed; records
// equal to what the engine already has (a page's write seen again by the
// refresher) are skipped.
func (t *tracked) apply(companies []model.Company, flows []model.Flow) error {
	t.mu.Lock()
	old := t.snap.Load()
	changedCompanies, changedFlows := companies[:0:0], flows[:0:0]
	for _, c := range companies {
		if prev, ok := old.Companies[c.ExtID]; !ok || !same(prev, c) {
			changedCompanies = append(changedCompanies, c)
		}
	}
	for _, f := range flows {
		if prev, ok := old.Flows[f.ExtID]; !ok || !same(prev, f) {
			changedFlows = append(changedFlows, f)
		}
	}
	if len(changedCompanies)+len(changedFlows) > 0 {
		next := old.copy()
		for _, c := range changedCompanies {
			next.Companies[c.ExtID] = c
		}
		for _, f := range changedFlows {
			next.Flows[f.ExtID] = f
		}
		t.snap.Store(next)
	}
	t.mu.Unlock()
	companies, flows = changedCompanies, changedFlows
	for _, c := range companies {
		t.engine.UpsertCompany(c)
	}
	for _, f := range flows {
		if err := t.engine.UpsertFlow(f); err != nil {
			return err
		}
	}
	return nil
}

// RemoveFlow tells a territory's engine that a flow is gone: the refresher
// sees writes, not deletions.
func (m *Matchers) RemoveFlow(territoryID int64, flowExtID string) {
	if t := m.get(territoryID); t != nil {
		t.mu.Lock()
		next := t.snap.Load().copy()
		delete(next.Flows, flowExtID)
		t.snap.Store(next)
		t.mu.Unlock()
		t.engine.RemoveFlow(flowExtID)
	}
}

// RemoveCompany tells a territory's engine that a company is gone.
func (m *Matchers) RemoveCompany(territoryID int64, companyExtID string) {
	if t := m.get(territoryID); t != nil {
		t.mu.Lock()
		next := t.snap.Load().copy()
		delete(next.Companies, companyExtID)
		for id, f := range next.Flows {
			if f.CompanyExtID == companyExtID {
				delete(next.Flows, id)
			}
		}
		t.snap.Store(next)
		t.mu.Unlock()
		t.engine.RemoveCompany(companyExtID)
	}
}

// Refresh brings every territory's engine up to date. Database reads hold
// no lock that pages wait on.
func (m *Matchers) Refresh(ctx context.Context) error {
	m.refreshing.Lock()
	defer m.refreshing.Unlock()
	territories, err := m.store.Territories(ctx)
	if err != nil {
		return err
	}
	for _, tr := range territories {
		// Read from a little before now: a write committed while we read
		// carries an earlier stamp, and applying a change twice is harmless.
		stamp := storage.Stamp(time.Now().Add(-2 * time.Second))
		t := m.get(tr.ID)
		if t == nil {
			if err := m.load(ctx, tr, stamp); err != nil {
				return err
			}
			continue
		}
		t.mu.Lock()
		since := t.since
		t.mu.Unlock()
		companies, err := m.store.CompaniesChangedSince(ctx, tr.ID, since)
		if err != nil {
			return err
		}
		flows, err := m.store.FlowsChangedSince(ctx, tr.ID, since)
		if err != nil {
			return err
		}
		if err := t.apply(companies, flows); err != nil {
			return fmt.Errorf("territory %q: %w", tr.Name, err)
		}
		t.mu.Lock()
		t.since = stamp
		t.mu.Unlock()
		if len(companies)+len(flows) > 0 {
			m.log.Debug("matching engine updated", "territory", tr.Name, "companies", len(companies), "flows", len(flows))
		}
	}
	return nil
}

// load reads a territory whole and starts its engine.
func (m *Matchers) load(ctx context.Context, tr model.Territory, stamp string) error {
	companies, err := m.store.Companies(ctx, tr.ID)
	if err != nil {
		return err
	}
	flows, err := m.store.Flows(ctx, tr.ID)
	if err != nil {
		return err
	}
	e := matching.New(m.opt, nil)
	e.Load(companies, flows)
	snap := &Snapshot{Companies: make(map[string]model.Company, len(companies)), Flows: make(map[string]model.Flow, len(flows))}
	for _, c := range companies {
		snap.Companies[c.ExtID] = c
	}
	for _, f := range flows {
		snap.Flows[f.ExtID] = f
	}
	t := &tracked{engine: e, since: stamp}
	t.snap.Store(snap)
	m.mu.Lock()
	m.tracked[tr.ID] = t
	m.mu.Unlock()
	m.log.Info("matching engine loaded", "territory", tr.Name, "companies", len(companies), "flows", len(flows))
	return nil
}

// Run refreshes the engines every interval until ctx ends.
func (m *Matchers) Run(ctx context.Context, every time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if err := m.Refresh(ctx); err != nil && ctx.Err() == nil {
				m.log.Error("refresh matching engines", "err", err)
			}
		}
	}
}

// same reports whether two versions of a record differ only in their
// database id and write time.
func same[T model.Company | model.Flow](a, b T) bool {
	switch x := any(&a).(type) {
	case *model.Company:
		y := any(&b).(*model.Company)
		x.UpdatedAt, x.ID = y.UpdatedAt, y.ID
	case *model.Flow:
		y := any(&b).(*model.Flow)
		x.UpdatedAt, x.ID, x.CompanyID = y.UpdatedAt, y.ID, y.CompanyID
	}
	return reflect.DeepEqual(a, b)
}
