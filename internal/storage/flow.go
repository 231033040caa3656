package storage

import (
	"context"
	"database/sql"
	"fmt"

	"symbiose/internal/model"
)

const flowColumns = `f.id, f.company_id, c.ext_id, f.ext_id, f.direction, f.family, f.label, f.resource,
	f.resource_confidence, f.ewc, f.hazardous, f.quantity, f.unit, f.period, f.quality, f.available_from,
	f.available_until, f.cost_eur, f.treatment, f.visibility, f.attrs, f.updated_at`

func scanFlow(row interface{ Scan(...any) error }) (model.Flow, error) {
	var f model.Flow
	var conf, qty, cost sql.NullFloat64
	var dir, attrs, updated string
	err := row.Scan(&f.ID, &f.CompanyID, &f.CompanyExtID, &f.ExtID, &dir, &f.Family, &f.Label, &f.Resource,
		&conf, &f.EWC, &f.Hazardous, &qty, &f.Unit, &f.Period, &f.Quality, &f.AvailableFrom,
		&f.AvailableUntil, &cost, &f.Treatment, &f.Visibility, &attrs, &updated)
	f.Direction = model.Direction(dir)
	f.ResourceConfidence, f.Quantity, f.CostEUR = floatPtr(conf), floatPtr(qty), floatPtr(cost)
	f.Attrs, f.UpdatedAt = decodeAttrs(attrs), parseTime(updated)
	return f, err
}

// Flows returns the flows of a territory in the order they were added.
func (s *Storage) Flows(ctx context.Context, territoryID int64) ([]model.Flow, error) {
	return s.flows(ctx, `f.territory_id = ?`, territoryID)
}

// FlowsOfCompany returns the flows of one company.
func (s *Storage) FlowsOfCompany(ctx context.Context, companyID int64) ([]model.Flow, error) {
	return s.flows(ctx, `f.company_id = ?`, companyID)
}

// FlowsChangedSince returns the flows of a territory written after a
// stamp (see Stamp), for keeping derived state current.
func (s *Storage) FlowsChangedSince(ctx context.Context, territoryID int64, since string) ([]model.Flow, error) {
	return s.flows(ctx, `f.territory_id = ? AND f.updated_at > ?`, territoryID, since)
}

func (s *Storage) flows(ctx context.Context, where string, args ...any) ([]model.Flow, error) {
	rows, err := s.query(ctx, `SELECT `+flowColumns+` FROM flows f JOIN companies c ON c.id = f.company_id
		WHERE `+where+` ORDER BY f.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list flows: %w", err)
	}
	defer rows.Close()
	var out []model.Flow
	for rows.Next() {
		f, err := scanFlow(rows)
		if err != nil {
			return nil, fmt.Errorf("list flows: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
