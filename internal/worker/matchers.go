// Package worker runs Symbiose's background jobs.
package worker

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"symbiose/internal/matching"
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
			m.tracked[tr.ID] = &tracked{engine: e, since: stamp}
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
			m.log.Debug("matching engine updated", "territory", tr.Name, "companies", len(companies), "flows", len(flows))
		}
		t.since = stamp
	}
	return nil
}

// RemoveFlow tells a territory's engine that a flow is gone: the refresher
// sees writes, not deletions.
func (m *Matchers) RemoveFlow(territoryID int64, flowExtID string) {
	if e := m.Engine(territoryID); e != nil {
		e.RemoveFlow(flowExtID)
	}
}

// RemoveCompany tells a territory's engine that a company is gone.
func (m *Matchers) RemoveCompany(territoryID int64, companyExtID string) {
	if e := m.Engine(territoryID); e != nil {
		e.RemoveCompany(companyExtID)
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
