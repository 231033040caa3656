package storage

import (
	"context"
	"database/sql"
	"fmt"

	"symbiose/internal/model"
)

// Synergies returns the synergies of a territory with their flow and company
// references as dataset identifiers.
func (s *Storage) Synergies(ctx context.Context, territoryID int64) ([]model.Synergy, error) {
	rows, err := s.query(ctx, `SELECT s.id, s.territory_id, s.ext_id, s.type, s.status,
			COALESCE(fo.ext_id, ''), COALESCE(fi.ext_id, ''), COALESCE(co.ext_id, ''), COALESCE(ci.ext_id, ''),
			s.resource, s.label, s.quantity, s.unit, s.period, s.started_on, s.attrs, s.updated_at,
			s.nature, COALESCE(s.owner_id, 0), COALESCE(u.email, ''), s.next_action, s.next_action_on, s.notes, s.abandon_reason
		FROM synergies s
		LEFT JOIN flows fo ON fo.id = s.output_flow_id
		LEFT JOIN flows fi ON fi.id = s.input_flow_id
		LEFT JOIN companies co ON co.id = s.output_company_id
		LEFT JOIN companies ci ON ci.id = s.input_company_id
		LEFT JOIN users u ON u.id = s.owner_id
		WHERE s.territory_id = ? ORDER BY s.id`, territoryID)
	if err != nil {
		return nil, fmt.Errorf("list synergies: %w", err)
	}
	defer rows.Close()
	var out []model.Synergy
	index := map[int64]int{}
	for rows.Next() {
		var sy model.Synergy
		var qty sql.NullFloat64
		var attrs, updated string
		if err := rows.Scan(&sy.ID, &sy.TerritoryID, &sy.ExtID, &sy.Type, &sy.Status, &sy.OutputFlowExtID,
			&sy.InputFlowExtID, &sy.OutputCompExtID, &sy.InputCompExtID, &sy.Resource, &sy.Label, &qty,
			&sy.Unit, &sy.Period, &sy.StartedOn, &attrs, &updated, &sy.Nature, &sy.OwnerID, &sy.OwnerEmail, &sy.NextAction,
			&sy.NextActionOn, &sy.Notes, &sy.AbandonReason); err != nil {
			return nil, fmt.Errorf("list synergies: %w", err)
		}
		sy.Quantity, sy.Attrs, sy.UpdatedAt = floatPtr(qty), decodeAttrs(attrs), parseTime(updated)
		index[sy.ID] = len(out)
		out = append(out, sy)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list synergies: %w", err)
	}
	members, err := s.query(ctx, `SELECT sc.synergy_id, c.ext_id FROM synergy_companies sc
		JOIN synergies s ON s.id = sc.synergy_id JOIN companies c ON c.id = sc.company_id
		WHERE s.territory_id = ? ORDER BY sc.synergy_id, sc.position`, territoryID)
	if err != nil {
		return nil, fmt.Errorf("list synergy members: %w", err)
	}
	defer members.Close()
	for members.Next() {
		var id int64
		var ext string
		if err := members.Scan(&id, &ext); err != nil {
			return nil, fmt.Errorf("list synergy members: %w", err)
		}
		if i, ok := index[id]; ok {
			out[i].CompanyExtIDs = append(out[i].CompanyExtIDs, ext)
		}
	}
	return out, members.Err()
}

// SynergyEvents returns the dated status history of a synergy, oldest first.
func (s *Storage) SynergyEvents(ctx context.Context, synergyID int64) ([]model.SynergyEvent, error) {
	rows, err := s.query(ctx, `SELECT id, synergy_id, at, from_status, to_status, note, actor
		FROM synergy_events WHERE synergy_id = ? ORDER BY at, id`, synergyID)
	if err != nil {
		return nil, fmt.Errorf("synergy %d history: %w", synergyID, err)
	}
	defer rows.Close()
	var out []model.SynergyEvent
	for rows.Next() {
		var e model.SynergyEvent
		var at string
		if err := rows.Scan(&e.ID, &e.SynergyID, &at, &e.FromStatus, &e.ToStatus, &e.Note, &e.Actor); err != nil {
			return nil, fmt.Errorf("synergy %d history: %w", synergyID, err)
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// ReplaceSynergyHistory sets the dated status history of a synergy, for data
// whose past is known (a migration from a spreadsheet, the demo).
func (s *Storage) ReplaceSynergyHistory(ctx context.Context, synergyID int64, events []model.SynergyEvent) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.db.Rebind(`DELETE FROM synergy_events WHERE synergy_id = ?`), synergyID); err != nil {
			return fmt.Errorf("synergy %d history: %w", synergyID, err)
		}
		for _, e := range events {
			if _, err := tx.ExecContext(ctx, s.db.Rebind(`INSERT INTO synergy_events (synergy_id, at, from_status, to_status, note, actor)
				VALUES (?, ?, ?, ?, ?, ?)`), synergyID, Stamp(e.At), e.FromStatus, e.ToStatus, e.Note, e.Actor); err != nil {
				return fmt.Errorf("synergy %d history: %w", synergyID, err)
			}
		}
		return nil
	})
}

// SynergyFollowUp is what a facilitator records to follow a synergy.
type SynergyFollowUp struct {
	Nature       string
	OwnerID      int64
	NextAction   string
	NextActionOn string
	Notes        string
}

// UpdateSynergyFollowUp records a synergy's owner, next action and notes.
func (s *Storage) UpdateSynergyFollowUp(ctx context.Context, id int64, f SynergyFollowUp) error {
	res, err := s.exec(ctx, `UPDATE synergies SET nature = ?, owner_id = ?, next_action = ?, next_action_on = ?, notes = ?,
		updated_at = ? WHERE id = ?`, f.Nature, nullID(f.OwnerID), f.NextAction, f.NextActionOn, f.Notes, now(), id)
	return affected(res, err, "update synergy")
}

// MoveSynergy changes a synergy's status and records the move in its
// history, in one transaction; from guards against two people moving it at
// once (ErrNotFound when it is no longer in that status). A synergy
// realised without a start date starts today: its impact counts from this
// year.
func (s *Storage) MoveSynergy(ctx context.Context, id int64, from, to, reason, note, actor string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		stamp := now()
		res, err := tx.ExecContext(ctx, s.db.Rebind(`UPDATE synergies SET status = ?, abandon_reason = ?, updated_at = ?
			WHERE id = ? AND status = ?`), to, reason, stamp, id, from)
		if err = affected(res, err, "move synergy"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.db.Rebind(`INSERT INTO synergy_events (synergy_id, at, from_status, to_status, note, actor)
			VALUES (?, ?, ?, ?, ?, ?)`), id, stamp, from, to, note, actor); err != nil {
			return fmt.Errorf("record the move of synergy %d: %w", id, err)
		}
		if to == model.StatusRealised {
			if _, err := tx.ExecContext(ctx, s.db.Rebind(`UPDATE synergies SET started_on = ? WHERE id = ? AND started_on = ''`),
				stamp[:10], id); err != nil {
				return fmt.Errorf("date the realisation of synergy %d: %w", id, err)
			}
		}
		return nil
	})
}
