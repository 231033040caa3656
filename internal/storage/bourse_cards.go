package storage

import (
	"context"
	"database/sql"
	"fmt"

	"symbiose/internal/model"
)

// Cards returns the flows brought to a bourse as resource (output) and
// need (input) cards.
func (s *Storage) Cards(ctx context.Context, workshopID int64) ([]model.Flow, error) {
	return s.flows(ctx, `f.id IN (SELECT flow_id FROM workshop_cards WHERE workshop_id = ?)`, workshopID)
}

// Card returns one card of a bourse by its flow id (ErrNotFound when the
// flow is not a card of that bourse).
func (s *Storage) Card(ctx context.Context, workshopID, flowID int64) (model.Flow, error) {
	list, err := s.flows(ctx, `f.id = ? AND f.id IN (SELECT flow_id FROM workshop_cards WHERE workshop_id = ?)`, flowID, workshopID)
	if err != nil {
		return model.Flow{}, err
	}
	if len(list) == 0 {
		return model.Flow{}, ErrNotFound
	}
	return list[0], nil
}

// SetCards replaces the cards a company brings to a bourse by its flows of
// flowIDs; flows of other companies are refused.
func (s *Storage) SetCards(ctx context.Context, workshopID, companyID int64, flowIDs []int64) error {
	_, err := s.SaveCards(ctx, workshopID, companyID, flowIDs, nil, nil)
	return err
}

// SaveCards saves a company's cards form in one transaction: the flows
// renamed (update), the flows written from suggestions or blank lines
// (create, returned with their ids), and the cards, which become the flows
// of keep and the created ones. Nothing is written when any part fails.
func (s *Storage) SaveCards(ctx context.Context, workshopID, companyID int64, keep []int64, update, create []model.Flow) ([]model.Flow, error) {
	var created []model.Flow
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, f := range update {
			if err := s.updateFlow(ctx, tx, f); err != nil {
				return err
			}
		}
		ids := append([]int64(nil), keep...)
		for _, f := range create {
			made, err := s.createFlow(ctx, tx, f)
			if err != nil {
				return err
			}
			created = append(created, made)
			ids = append(ids, made.ID)
		}
		if _, err := tx.ExecContext(ctx, s.db.Rebind(`DELETE FROM workshop_cards WHERE workshop_id = ?
			AND flow_id IN (SELECT id FROM flows WHERE company_id = ?)`), workshopID, companyID); err != nil {
			return fmt.Errorf("set cards: %w", err)
		}
		for _, id := range ids {
			res, err := tx.ExecContext(ctx, s.db.Rebind(`INSERT INTO workshop_cards (workshop_id, flow_id)
				SELECT ?, id FROM flows WHERE id = ? AND company_id = ?`), workshopID, id, companyID)
			if err != nil {
				return fmt.Errorf("set cards: %w", err)
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return fmt.Errorf("set cards: flow %d is not the company's", id)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return created, nil
}

// AddInterest records an interest heard at a table. A record sent again
// with the same client id (a capture page retrying after a network drop)
// is kept once; added tells whether this call stored it.
func (s *Storage) AddInterest(ctx context.Context, in model.Interest) (added bool, err error) {
	res, err := s.exec(ctx, `INSERT INTO workshop_interests (workshop_id, client_id, round, table_no, company_id, flow_id,
		note, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workshop_id, client_id) DO NOTHING`,
		in.WorkshopID, in.ClientID, in.Round, in.Table, in.CompanyID, in.FlowID, in.Note, in.RecordedBy, now())
	if err != nil {
		return false, fmt.Errorf("record interest: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// RemoveInterest withdraws an interest recorded by mistake.
func (s *Storage) RemoveInterest(ctx context.Context, workshopID int64, clientID string) error {
	res, err := s.exec(ctx, `DELETE FROM workshop_interests WHERE workshop_id = ? AND client_id = ?`, workshopID, clientID)
	return affected(res, err, "remove interest")
}

// Interests returns the interests recorded at a bourse, oldest first.
func (s *Storage) Interests(ctx context.Context, workshopID int64) ([]model.Interest, error) {
	rows, err := s.query(ctx, `SELECT i.id, i.workshop_id, i.client_id, i.round, i.table_no, i.company_id, c.name, i.flow_id,
		f.label, f.direction, f.family, o.id, o.name, i.note, i.recorded_by, i.created_at, COALESCE(i.synergy_id, 0)
		FROM workshop_interests i JOIN companies c ON c.id = i.company_id JOIN flows f ON f.id = i.flow_id
		JOIN companies o ON o.id = f.company_id WHERE i.workshop_id = ? ORDER BY i.id`, workshopID)
	if err != nil {
		return nil, fmt.Errorf("list interests: %w", err)
	}
	defer rows.Close()
	var out []model.Interest
	for rows.Next() {
		var in model.Interest
		var dir, created string
		if err := rows.Scan(&in.ID, &in.WorkshopID, &in.ClientID, &in.Round, &in.Table, &in.CompanyID, &in.CompanyName,
			&in.FlowID, &in.CardLabel, &dir, &in.CardFamily, &in.OwnerID, &in.OwnerName, &in.Note, &in.RecordedBy, &created,
			&in.SynergyID); err != nil {
			return nil, fmt.Errorf("list interests: %w", err)
		}
		in.CardDir, in.CreatedAt = model.Direction(dir), parseTime(created)
		out = append(out, in)
	}
	return out, rows.Err()
}

// LinkInterest records the synergy an interest became.
func (s *Storage) LinkInterest(ctx context.Context, id, synergyID int64) error {
	res, err := s.exec(ctx, `UPDATE workshop_interests SET synergy_id = ? WHERE id = ?`, synergyID, id)
	return affected(res, err, "link interest")
}
