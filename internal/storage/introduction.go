package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Introduction is one company's answer to being put in touch with the
// others of a synergy.
type Introduction struct {
	ID          int64
	SynergyID   int64
	CompanyID   int64
	CompanyName string
	Email       string
	Answer      string // "", accepted, declined
	AnsweredAt  time.Time
	CreatedAt   time.Time
}

// Answers to an introduction.
const (
	Accepted = "accepted"
	Declined = "declined"
)

// CreateIntroductions records one introduction per company of a synergy,
// each under the hash of its link token, replacing earlier unanswered ones.
func (s *Storage) CreateIntroductions(ctx context.Context, synergyID, createdBy int64, intros []Introduction, tokenHashes []string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.db.Rebind(`DELETE FROM introductions WHERE synergy_id = ?`), synergyID); err != nil {
			return fmt.Errorf("replace introductions: %w", err)
		}
		stamp := now()
		for i, in := range intros {
			if _, err := tx.ExecContext(ctx, s.db.Rebind(`INSERT INTO introductions (synergy_id, company_id, token_hash, email,
				created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`), synergyID, in.CompanyID, tokenHashes[i], in.Email, stamp,
				nullID(createdBy)); err != nil {
				return fmt.Errorf("create introduction: %w", err)
			}
		}
		return nil
	})
}

const introColumns = `i.id, i.synergy_id, i.company_id, c.name, i.email, i.answer, i.answered_at, i.created_at`

func scanIntro(row interface{ Scan(...any) error }) (Introduction, error) {
	var in Introduction
	var answered, created string
	err := row.Scan(&in.ID, &in.SynergyID, &in.CompanyID, &in.CompanyName, &in.Email, &in.Answer, &answered, &created)
	in.AnsweredAt, in.CreatedAt = parseTime(answered), parseTime(created)
	return in, err
}

// Introductions returns the introductions of a synergy.
func (s *Storage) Introductions(ctx context.Context, synergyID int64) ([]Introduction, error) {
	rows, err := s.query(ctx, `SELECT `+introColumns+` FROM introductions i JOIN companies c ON c.id = i.company_id
		WHERE i.synergy_id = ? ORDER BY i.id`, synergyID)
	if err != nil {
		return nil, fmt.Errorf("list introductions: %w", err)
	}
	defer rows.Close()
	var out []Introduction
	for rows.Next() {
		in, err := scanIntro(rows)
		if err != nil {
			return nil, fmt.Errorf("list introductions: %w", err)
		}
		out = append(out, in)
	}
	return out, rows.Err()
}

// IntroductionByToken returns the introduction a link token opens.
func (s *Storage) IntroductionByToken(ctx context.Context, tokenHash string) (Introduction, error) {
	in, err := scanIntro(s.queryRow(ctx, `SELECT `+introColumns+` FROM introductions i JOIN companies c ON c.id = i.company_id
		WHERE i.token_hash = ?`, tokenHash))
	if errors.Is(err, sql.ErrNoRows) {
		return in, ErrNotFound
	}
	return in, err
}

// AnswerIntroduction records a company's answer; an answer is final.
func (s *Storage) AnswerIntroduction(ctx context.Context, id int64, answer string) error {
	res, err := s.exec(ctx, `UPDATE introductions SET answer = ?, answered_at = ? WHERE id = ? AND answer = ''`, answer, now(), id)
	return affected(res, err, "answer introduction")
}
