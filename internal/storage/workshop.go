package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"symbiose/internal/model"
)

// workshopDefaults fills the table size and rounds of a bourse created
// without them (imported datasets do not carry them).
func workshopDefaults(w *model.Workshop) {
	if w.TableSize <= 0 {
		w.TableSize = 5
	}
	if w.Rounds <= 0 {
		w.Rounds = 3
	}
}

// CreateWorkshop adds a bourse with its participants, named by dataset id;
// they are recorded as registered.
func (s *Storage) CreateWorkshop(ctx context.Context, w model.Workshop) (model.Workshop, error) {
	workshopDefaults(&w)
	if w.ExtID == "" {
		w.ExtID = newExtID("w-")
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.db.Rebind(`INSERT INTO workshops (territory_id, ext_id, title, date, place,
			capacity, table_size, rounds, cards_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`), w.TerritoryID, w.ExtID,
			w.Title, w.Date, w.Place, w.Capacity, w.TableSize, w.Rounds, w.CardsDue).Scan(&w.ID); err != nil {
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

// UpdateWorkshop changes a bourse's settings (not its plan or participants).
func (s *Storage) UpdateWorkshop(ctx context.Context, w model.Workshop) error {
	workshopDefaults(&w)
	res, err := s.exec(ctx, `UPDATE workshops SET title = ?, date = ?, place = ?, capacity = ?, table_size = ?, rounds = ?,
		cards_due = ? WHERE id = ? AND territory_id = ?`, w.Title, w.Date, w.Place, w.Capacity, w.TableSize, w.Rounds,
		w.CardsDue, w.ID, w.TerritoryID)
	return affected(res, err, "update workshop")
}

// SetWorkshopPlan saves a bourse's table plan (company ext ids per table
// per round); nil removes it.
func (s *Storage) SetWorkshopPlan(ctx context.Context, id int64, plan [][][]string) error {
	doc := ""
	if plan != nil {
		b, err := json.Marshal(plan)
		if err != nil {
			return fmt.Errorf("save plan: %w", err)
		}
		doc = string(b)
	}
	res, err := s.exec(ctx, `UPDATE workshops SET plan = ? WHERE id = ?`, doc, id)
	return affected(res, err, "save plan")
}

// CloseWorkshop marks a bourse's follow-up as launched.
func (s *Storage) CloseWorkshop(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `UPDATE workshops SET closed_at = ? WHERE id = ?`, now(), id)
	return affected(res, err, "close workshop")
}

const workshopColumns = `id, territory_id, ext_id, title, date, place, capacity, table_size, rounds, cards_due, plan, closed_at`

func scanWorkshop(row interface{ Scan(...any) error }) (model.Workshop, error) {
	var w model.Workshop
	var plan string
	if err := row.Scan(&w.ID, &w.TerritoryID, &w.ExtID, &w.Title, &w.Date, &w.Place, &w.Capacity, &w.TableSize,
		&w.Rounds, &w.CardsDue, &plan, &w.ClosedAt); err != nil {
		return w, err
	}
	if plan != "" {
		if err := json.Unmarshal([]byte(plan), &w.Plan); err != nil {
			return w, fmt.Errorf("workshop %d: stored plan: %w", w.ID, err)
		}
	}
	return w, nil
}

// Workshop returns one bourse of a territory, with its registered
// participants.
func (s *Storage) Workshop(ctx context.Context, territoryID, id int64) (model.Workshop, error) {
	list, err := s.workshops(ctx, territoryID, id)
	if err != nil {
		return model.Workshop{}, err
	}
	if len(list) == 0 {
		return model.Workshop{}, ErrNotFound
	}
	return list[0], nil
}

// Workshops returns the workshops of a territory by date, with their
// registered participants.
func (s *Storage) Workshops(ctx context.Context, territoryID int64) ([]model.Workshop, error) {
	return s.workshops(ctx, territoryID, 0)
}

// workshops lists a territory's bourses, or only the one of id when id > 0.
func (s *Storage) workshops(ctx context.Context, territoryID, id int64) ([]model.Workshop, error) {
	rows, err := s.query(ctx, `SELECT `+workshopColumns+` FROM workshops
		WHERE territory_id = ? AND (? = 0 OR id = ?) ORDER BY date, id`, territoryID, id, id)
	if err != nil {
		return nil, fmt.Errorf("list workshops: %w", err)
	}
	var out []model.Workshop
	index := map[int64]int{}
	for rows.Next() {
		w, err := scanWorkshop(rows)
		if err != nil {
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
		WHERE w.territory_id = ? AND (? = 0 OR w.id = ?) AND p.status = ? ORDER BY p.workshop_id, c.ext_id`,
		territoryID, id, id, model.ParticipantRegistered)
	if err != nil {
		return nil, fmt.Errorf("list workshop participants: %w", err)
	}
	defer parts.Close()
	for parts.Next() {
		var wid int64
		var ext string
		if err := parts.Scan(&wid, &ext); err != nil {
			return nil, fmt.Errorf("list workshop participants: %w", err)
		}
		out[index[wid]].CompanyExtIDs = append(out[index[wid]].CompanyExtIDs, ext)
	}
	return out, parts.Err()
}

// WorkshopTerritory returns the territory a bourse belongs to.
func (s *Storage) WorkshopTerritory(ctx context.Context, workshopID int64) (int64, error) {
	var id int64
	err := s.queryRow(ctx, `SELECT territory_id FROM workshops WHERE id = ?`, workshopID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}
