package storage

import (
	"context"
	"fmt"

	"symbiose/internal/model"
)

// CreateSynergy adds a synergy (flows, companies and members named by
// dataset id) and the first event of its history.
func (s *Storage) CreateSynergy(ctx context.Context, sy model.Synergy, actor string) (model.Synergy, error) {
	if sy.ExtID == "" {
		sy.ExtID = newExtID("s-")
	}
	if sy.Status == "" {
		sy.Status = model.StatusDetected
	}
	_, err := s.ImportDataset(ctx, sy.TerritoryID, model.Dataset{Synergies: []model.Synergy{sy}}, ImportOptions{Actor: actor})
	if err != nil {
		return sy, fmt.Errorf("create synergy: %w", err)
	}
	err = s.queryRow(ctx, `SELECT id FROM synergies WHERE territory_id = ? AND ext_id = ?`, sy.TerritoryID, sy.ExtID).Scan(&sy.ID)
	return sy, err
}

// SynergyByExtID returns a synergy of a territory by dataset id.
func (s *Storage) SynergyByExtID(ctx context.Context, territoryID int64, extID string) (model.Synergy, error) {
	list, err := s.Synergies(ctx, territoryID)
	if err != nil {
		return model.Synergy{}, err
	}
	for _, sy := range list {
		if sy.ExtID == extID {
			return sy, nil
		}
	}
	return model.Synergy{}, ErrNotFound
}
