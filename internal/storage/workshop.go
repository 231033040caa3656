package storage

import (
	"context"
	"database/sql"
	"fmt"

	"symbiose/internal/model"
)

// CreateWorkshop adds a bourse with its participants, named by dataset id.
func (s *Storage) CreateWorkshop(ctx context.Context, w model.Workshop) (model.Workshop, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.db.Rebind(`INSERT INTO workshops (territory_id, ext_id, title, date, place)
			VALUES (?, ?, ?, ?, ?) RETURNING id`), w.TerritoryID, w.ExtID, w.Title, w.Date, w.Place).Scan(&w.ID); err != nil {
			return fmt.Errorf("create workshop %q: %w", w.Title, err)
		}
		for _, ext := range w.CompanyExtIDs {
			res, err := tx.ExecContext(ctx, s.db.Rebind(`INSERT INTO workshop_participants (workshop_id, company_id)
				SELECT ?, id FROM companies WHERE territory_id = ? AND ext_id = ?`), w.ID, w.TerritoryID, ext)
			if err != nil {
				return fmt.Errorf("workshop %q: participant %q: %w", w.Title, ext, err)
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return fmt.Errorf("workshop %q: no company %q", w.Title, ext)
			}
		}
		return nil
	})
	return w, err
}

// Workshops returns the workshops of a territory by date, with participants.
func (s *Storage) Workshops(ctx context.Context, territoryID int64) ([]model.Workshop, error) {
	rows, err := s.query(ctx, `SELECT id, territory_id, ext_id, title, date, place FROM workshops
		WHERE territory_id = ? ORDER BY date, id`, territoryID)
	if err != nil {
		return nil, fmt.Errorf("list workshops: %w", err)
	}
	var out []model.Workshop
	index := map[int64]int{}
	for rows.Next() {
		var w model.Workshop
		if err := rows.Scan(&w.ID, &w.TerritoryID, &w.ExtID, &w.Title, &w.Date, &w.Place); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list workshops: %w", err)
		}
		index[w.ID] = len(out)
		out = append(out, w)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list workshops: %w", err)
	}
	parts, err := s.query(ctx, `SELECT p.workshop_id, c.ext_id FROM workshop_participants p
		JOIN companies c ON c.id = p.company_id JOIN workshops w ON w.id = p.workshop_id
		WHERE w.territory_id = ? ORDER BY p.workshop_id, c.ext_id`, territoryID)
	if err != nil {
		return nil, fmt.Errorf("list workshop participants: %w", err)
	}
	defer parts.Close()
	for parts.Next() {
		var id int64
		var ext string
		if err := parts.Scan(&id, &ext); err != nil {
			return nil, fmt.Errorf("list workshop participants: %w", err)
		}
		out[index[id]].CompanyExtIDs = append(out[index[id]].CompanyExtIDs, ext)
	}
	return out, parts.Err()
}
