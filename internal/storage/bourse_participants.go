package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"symbiose/internal/model"
)

const participantColumns = `p.workshop_id, p.company_id, c.ext_id, c.name, c.naf, p.status, p.email, p.invited_at,
	p.answered_at, p.survey_score, p.survey_comment, p.fixed_table`

func scanParticipant(row interface{ Scan(...any) error }) (model.Participant, error) {
	var p model.Participant
	var invited, answered string
	err := row.Scan(&p.WorkshopID, &p.CompanyID, &p.CompanyExtID, &p.CompanyName, &p.NAF, &p.Status, &p.Email, &invited,
		&answered, &p.SurveyScore, &p.SurveyComment, &p.FixedTable)
	p.InvitedAt, p.AnsweredAt = parseTime(invited), parseTime(answered)
	return p, err
}

// Participants returns every company invited to a bourse, registered ones
// first, then the waiting list in its order, then the others.
func (s *Storage) Participants(ctx context.Context, workshopID int64) ([]model.Participant, error) {
	rows, err := s.query(ctx, `SELECT `+participantColumns+` FROM workshop_participants p
		JOIN companies c ON c.id = p.company_id WHERE p.workshop_id = ?
		ORDER BY CASE p.status WHEN 'registered' THEN 0 WHEN 'waiting' THEN 1 WHEN 'invited' THEN 2 ELSE 3 END,
			CASE p.status WHEN 'waiting' THEN p.answered_at ELSE c.name END, c.name`, workshopID)
	if err != nil {
		return nil, fmt.Errorf("list participants: %w", err)
	}
	defer rows.Close()
	var out []model.Participant
	for rows.Next() {
		p, err := scanParticipant(rows)
		if err != nil {
			return nil, fmt.Errorf("list participants: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ParticipantByToken returns the invitation a personal link opens.
func (s *Storage) ParticipantByToken(ctx context.Context, tokenHash string) (model.Participant, error) {
	p, err := scanParticipant(s.queryRow(ctx, `SELECT `+participantColumns+` FROM workshop_participants p
		JOIN companies c ON c.id = p.company_id WHERE p.token_hash = ?`, tokenHash))
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

// Participant returns one company's participation in a bourse.
func (s *Storage) Participant(ctx context.Context, workshopID, companyID int64) (model.Participant, error) {
	p, err := scanParticipant(s.queryRow(ctx, `SELECT `+participantColumns+` FROM workshop_participants p
		JOIN companies c ON c.id = p.company_id WHERE p.workshop_id = ? AND p.company_id = ?`, workshopID, companyID))
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

// InviteParticipant records an invitation under the hash of a new personal
// link, replacing an earlier link. A company that had cancelled is invited
// again; one registered or waiting keeps its place.
func (s *Storage) InviteParticipant(ctx context.Context, workshopID, companyID int64, email, tokenHash string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		stamp := now()
		res, err := tx.ExecContext(ctx, s.db.Rebind(`UPDATE workshop_participants SET email = ?, token_hash = ?, invited_at = ?,
			status = CASE status WHEN 'cancelled' THEN 'invited' ELSE status END
			WHERE workshop_id = ? AND company_id = ?`), email, tokenHash, stamp, workshopID, companyID)
		if err != nil {
			return fmt.Errorf("invite: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, s.db.Rebind(`INSERT INTO workshop_participants (workshop_id, company_id, status, email,
			token_hash, invited_at) VALUES (?, ?, ?, ?, ?, ?)`), workshopID, companyID, model.ParticipantInvited, email,
			tokenHash, stamp); err != nil {
			return fmt.Errorf("invite: %w", err)
		}
		return nil
	})
}

// Register gives a company a seat, or a place on the waiting list when
// the bourse is full, and returns the status it got.
func (s *Storage) Register(ctx context.Context, workshopID, companyID int64) (string, error) {
	var status string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var capacity, taken int
		var current string
		if err := tx.QueryRowContext(ctx, s.db.Rebind(`SELECT w.capacity, p.status FROM workshops w
			JOIN workshop_participants p ON p.workshop_id = w.id WHERE w.id = ? AND p.company_id = ?`), workshopID,
			companyID).Scan(&capacity, &current); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return fmt.Errorf("register: %w", err)
		}
		if current == model.ParticipantRegistered || current == model.ParticipantWaiting {
			status = current
			return nil
		}
		if err := tx.QueryRowContext(ctx, s.db.Rebind(`SELECT COUNT(*) FROM workshop_participants
			WHERE workshop_id = ? AND status = ?`), workshopID, model.ParticipantRegistered).Scan(&taken); err != nil {
			return fmt.Errorf("register: %w", err)
		}
		status = model.ParticipantRegistered
		if capacity > 0 && taken >= capacity {
			status = model.ParticipantWaiting
		}
		_, err := tx.ExecContext(ctx, s.db.Rebind(`UPDATE workshop_participants SET status = ?, answered_at = ?
			WHERE workshop_id = ? AND company_id = ?`), status, now(), workshopID, companyID)
		return err
	})
	return status, err
}

// Cancel withdraws a company. When it held a seat, the first company of the
// waiting list takes it; its id is returned (0 when none moved up).
func (s *Storage) Cancel(ctx context.Context, workshopID, companyID int64) (promoted int64, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var current string
		if err := tx.QueryRowContext(ctx, s.db.Rebind(`SELECT status FROM workshop_participants
			WHERE workshop_id = ? AND company_id = ?`), workshopID, companyID).Scan(&current); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return fmt.Errorf("cancel: %w", err)
		}
		stamp := now()
		if _, err := tx.ExecContext(ctx, s.db.Rebind(`UPDATE workshop_participants SET status = ?, answered_at = ?
			WHERE workshop_id = ? AND company_id = ?`), model.ParticipantCancelled, stamp, workshopID, companyID); err != nil {
			return fmt.Errorf("cancel: %w", err)
		}
		if current != model.ParticipantRegistered {
			return nil
		}
		err := tx.QueryRowContext(ctx, s.db.Rebind(`SELECT company_id FROM workshop_participants
			WHERE workshop_id = ? AND status = ? ORDER BY answered_at, company_id LIMIT 1`), workshopID,
			model.ParticipantWaiting).Scan(&promoted)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("cancel: waiting list: %w", err)
		}
		_, err = tx.ExecContext(ctx, s.db.Rebind(`UPDATE workshop_participants SET status = ?
			WHERE workshop_id = ? AND company_id = ?`), model.ParticipantRegistered, workshopID, promoted)
		return err
	})
	return promoted, err
}

// SetSurvey records a participant's satisfaction (1 to 5) and comment.
func (s *Storage) SetSurvey(ctx context.Context, workshopID, companyID int64, score int, comment string) error {
	if score < 1 || score > 5 {
		return fmt.Errorf("survey score %d: want 1 to 5", score)
	}
	res, err := s.exec(ctx, `UPDATE workshop_participants SET survey_score = ?, survey_comment = ?
		WHERE workshop_id = ? AND company_id = ?`, score, comment, workshopID, companyID)
	return affected(res, err, "survey")
}

// SetFixedTable keeps a participant at one table every round (table 0: the
// plan chooses).
func (s *Storage) SetFixedTable(ctx context.Context, workshopID, companyID int64, table int) error {
	if table < 0 {
		return fmt.Errorf("fixed table %d: want 0 or more", table)
	}
	res, err := s.exec(ctx, `UPDATE workshop_participants SET fixed_table = ? WHERE workshop_id = ? AND company_id = ?`,
		table, workshopID, companyID)
	return affected(res, err, "fixed table")
}
