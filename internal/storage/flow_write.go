package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"symbiose/internal/model"
)

// Flow returns one flow by database id.
func (s *Storage) Flow(ctx context.Context, id int64) (model.Flow, error) {
	list, err := s.flows(ctx, `f.id = ?`, id)
	if err != nil {
		return model.Flow{}, err
	}
	if len(list) == 0 {
		return model.Flow{}, ErrNotFound
	}
	return list[0], nil
}

// execer runs statements on the writer pool or within a transaction.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// CreateFlow adds a flow to a company.
func (s *Storage) CreateFlow(ctx context.Context, f model.Flow) (model.Flow, error) {
	return s.createFlow(ctx, s.db.Write, f)
}

func (s *Storage) createFlow(ctx context.Context, x execer, f model.Flow) (model.Flow, error) {
	if f.ExtID == "" {
		f.ExtID = newExtID("f-")
	}
	var territoryID int64
	var companyExt string
	err := x.QueryRowContext(ctx, s.db.Rebind(`SELECT territory_id, ext_id FROM companies WHERE id = ?`), f.CompanyID).Scan(&territoryID, &companyExt)
	if errors.Is(err, sql.ErrNoRows) {
		return f, ErrNotFound
	}
	if err != nil {
		return f, fmt.Errorf("create flow: %w", err)
	}
	f.CompanyExtID = companyExt
	stamp := now()
	err = x.QueryRowContext(ctx, s.db.Rebind(`INSERT INTO flows (territory_id, company_id, ext_id, direction, family,
			label, resource, resource_confidence, ewc, hazardous, quantity, unit, period, quality, available_from,
			available_until, cost_eur, treatment, visibility, attrs, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`), territoryID, f.CompanyID, f.ExtID,
		string(f.Direction), f.Family, f.Label, f.Resource, nullFloat(f.ResourceConfidence), f.EWC, f.Hazardous,
		nullFloat(f.Quantity), f.Unit, f.Period, f.Quality, f.AvailableFrom, f.AvailableUntil, nullFloat(f.CostEUR),
		f.Treatment, f.Visibility, encodeAttrs(f.Attrs), stamp).Scan(&f.ID)
	if err != nil {
		return f, fmt.Errorf("create flow %q: %w", f.Label, err)
	}
	f.UpdatedAt = parseTime(stamp)
	return f, nil
}

// UpdateFlow changes a flow's fields (not its company or id).
func (s *Storage) UpdateFlow(ctx context.Context, f model.Flow) error {
	return s.updateFlow(ctx, s.db.Write, f)
}

func (s *Storage) updateFlow(ctx context.Context, x execer, f model.Flow) error {
	res, err := x.ExecContext(ctx, s.db.Rebind(`UPDATE flows SET direction = ?, family = ?, label = ?, resource = ?, resource_confidence = ?,
		ewc = ?, hazardous = ?, quantity = ?, unit = ?, period = ?, quality = ?, available_from = ?, available_until = ?,
		cost_eur = ?, treatment = ?, visibility = ?, updated_at = ? WHERE id = ?`), string(f.Direction), f.Family, f.Label,
		f.Resource, nullFloat(f.ResourceConfidence), f.EWC, f.Hazardous, nullFloat(f.Quantity), f.Unit, f.Period, f.Quality,
		f.AvailableFrom, f.AvailableUntil, nullFloat(f.CostEUR), f.Treatment, f.Visibility, now(), f.ID)
	return affected(res, err, "update flow")
}

// RemoveFlow deletes a flow; synergies that named it keep their companies.
func (s *Storage) RemoveFlow(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM flows WHERE id = ?`, id)
	return affected(res, err, "remove flow")
}
