// Package load reads from the database what a report is built from, for
// the command line and the web pages alike.
package load

import (
	"context"
	"errors"
	"time"

	"symbiose/internal/impact"
	"symbiose/internal/report"
	"symbiose/internal/storage"
)

// Input reads what a territory's report is built from.
func Input(ctx context.Context, st *storage.Storage, territoryID int64, name, lang string) (report.Input, error) {
	in, err := WithoutFlows(ctx, st, territoryID, name, lang)
	if err != nil {
		return in, err
	}
	if in.Companies, err = st.Companies(ctx, territoryID); err != nil {
		return in, err
	}
	in.Flows, err = st.Flows(ctx, territoryID)
	return in, err
}

// WithoutFlows reads all of a report's data but the companies and flows,
// which the web pages take from the matching engine's snapshot instead of
// reading them again.
func WithoutFlows(ctx context.Context, st *storage.Storage, territoryID int64, name, lang string) (report.Input, error) {
	in := report.Input{Lang: lang, Territory: name, Now: time.Now()}
	var err error
	if in.Synergies, err = st.Synergies(ctx, territoryID); err != nil {
		return in, err
	}
	if in.Factors, err = impact.Default(); err != nil {
		return in, err
	}
	p, err := st.Programme(ctx, territoryID)
	switch {
	case err == nil:
		in.Programme = &p
	case !errors.Is(err, storage.ErrNotFound):
		return in, err
	}
	campaigns, err := st.Campaigns(ctx, territoryID)
	if err != nil {
		return in, err
	}
	for _, c := range campaigns {
		visits, err := st.CampaignVisits(ctx, c.ID)
		if err != nil {
			return in, err
		}
		in.Visits = append(in.Visits, visits...)
	}
	return in, nil
}
