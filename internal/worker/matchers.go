// Package worker runs Symbiose's background jobs.
package worker

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"symbiose/internal/matching"
	"symbiose/internal/model"
	"symbiose/internal/storage"
)

// Matchers keeps one matching engine per territory current with the
// database: a first full load, then only the companies and flows written
// since the last look, applied as incremental updates.
type Matchers struct {
	store *storage.Storage
	log   *slog.Logger
	opt   matching.Options

	mu      sync.Mutex
	tracked map[int64]*tracked
}

type tracked struct {
	engine *matching.Engine
	since  string // stamp of the last look
	snap   Snapshot
}

// Snapshot is a territory's companies and flows as the engine last saw
// them, by dataset id. Its maps are never changed once published (a change
// makes new ones), so readers may use them without locking.
type Snapshot struct {
	Companies map[string]model.Company
	Flows     map[string]model.Flow
}

func (s Snapshot) with(companies []model.Company, flows []model.Flow) Snapshot {
	out := Snapshot{Companies: make(map[string]model.Company, len(s.Companies)+len(companies)),
		Flows: make(map[string]model.Flow, len(s.Flows)+len(flows))}
	for k, v := range s.Companies {
		out.Companies[k] = v
	}
	for k, v := range s.Flows {
		out.Flows[k] = v
	}
	for _, c := range companies {
		out.Companies[c.ExtID] = c
	}
	for _, f := range flows {
		out.Flows[f.ExtID] = f
	}
	return out
}

// Snapshot returns the companies and flows of a territory as last loaded.
func (m *Matchers) Snapshot(territoryID int64) (Snapshot, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t := m.tracked[territoryID]
	if t == nil {
		return Snapshot{}, false
	}
	return t.snap, true
}

// NewMatchers returns an empty set of engines.
func NewMatchers(store *storage.Storage, log *slog.Logger, opt matching.Options) *Matchers {
	return &Matchers{store: store, log: log, opt: opt, tracked: map[int64]*tracked{}}
}

// Engine returns the current engine of a territory, nil before the first
// refresh that saw it.
func (m *Matchers) Engine(territoryID int64) *matching.Engine {
	m.mu.Lock()
	defer m.mu.Unlock()
	if t := m.tracked[territoryID]; t != nil {
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

// Refresh brings every territory's engine up to date.
func (m *Matchers) Refresh(ctx context.Context) error {
	territories, err := m.store.Territories(ctx)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, tr := range territories {
		// Read from a little before now: a write committed while we read
		// carries an earlier stamp, and re-applying a change is harmless.
		stamp := storage.Stamp(time.Now().Add(-2 * time.Second))
		t := m.tracked[tr.ID]
		if t == nil {
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
			m.tracked[tr.ID] = &tracked{engine: e, since: stamp, snap: Snapshot{}.with(companies, flows)}
			m.log.Info("matching engine loaded", "territory", tr.Name, "companies", len(companies), "flows", len(flows))
			continue
		}
		companies, err := m.store.CompaniesChangedSince(ctx, tr.ID, t.since)
		if err != nil {
			return err
		}
		flows, err := m.store.FlowsChangedSince(ctx, tr.ID, t.since)
		if err != nil {
			return err
		}
		for _, c := range companies {
			t.engine.UpsertCompany(c)
		}
		for _, f := range flows {
			if err := t.engine.UpsertFlow(f); err != nil {
				return fmt.Errorf("territory %q: %w", tr.Name, err)
			}
		}
		if len(companies)+len(flows) > 0 {
			t.snap = t.snap.with(companies, flows)
			m.log.Debug("matching engine updated", "territory", tr.Name, "companies", len(companies), "flows", len(flows))
		}
		t.since = stamp
	}
	return nil
}

// RemoveFlow tells a territory's engine that a flow is gone: the refresher
// sees writes, not deletions.
func (m *Matchers) RemoveFlow(territoryID int64, flowExtID string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if t := m.tracked[territoryID]; t != nil {
		t.engine.RemoveFlow(flowExtID)
		t.snap = t.snap.with(nil, nil)
		delete(t.snap.Flows, flowExtID)
	}
}

// RemoveCompany tells a territory's engine that a company is gone.
func (m *Matchers) RemoveCompany(territoryID int64, companyExtID string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if t := m.tracked[territoryID]; t != nil {
		t.engine.RemoveCompany(companyExtID)
		t.snap = t.snap.with(nil, nil)
		delete(t.snap.Companies, companyExtID)
		for id, f := range t.snap.Flows {
			if f.CompanyExtID == companyExtID {
				delete(t.snap.Flows, id)
			}
		}
	}
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
