package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"symbiose/internal/model"
)

// AddStaff adds a facilitator or a table secretary to a bourse, with the
// hash of their personal link.
func (s *Storage) AddStaff(ctx context.Context, st model.Staff, tokenHash string) (model.Staff, error) {
	err := s.db.Write.QueryRowContext(ctx, s.db.Rebind(`INSERT INTO workshop_staff (workshop_id, role, name, email, table_no,
		token_hash) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`), st.WorkshopID, st.Role, st.Name, st.Email, st.Table,
		tokenHash).Scan(&st.ID)
	if err != nil {
		return st, fmt.Errorf("add staff %q: %w", st.Name, err)
	}
	return st, nil
}

// RemoveStaff removes a staff member from a bourse.
func (s *Storage) RemoveStaff(ctx context.Context, workshopID, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM workshop_staff WHERE workshop_id = ? AND id = ?`, workshopID, id)
	return affected(res, err, "remove staff")
}

const staffColumns = `id, workshop_id, role, name, email, table_no`

func scanStaff(row interface{ Scan(...any) error }) (model.Staff, error) {
	var st model.Staff
	err := row.Scan(&st.ID, &st.WorkshopID, &st.Role, &st.Name, &st.Email, &st.Table)
	return st, err
}

// StaffOf returns a bourse's facilitators then its secretaries by table.
func (s *Storage) StaffOf(ctx context.Context, workshopID int64) ([]model.Staff, error) {
	rows, err := s.query(ctx, `SELECT `+staffColumns+` FROM workshop_staff WHERE workshop_id = ?
		ORDER BY role, table_no, name, id`, workshopID)
	if err != nil {
		return nil, fmt.Errorf("list staff: %w", err)
	}
	defer rows.Close()
	var out []model.Staff
	for rows.Next() {
		st, err := scanStaff(rows)
		if err != nil {
			return nil, fmt.Errorf("list staff: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// StaffByToken returns the staff member a personal link belongs to.
func (s *Storage) StaffByToken(ctx context.Context, tokenHash string) (model.Staff, error) {
	st, err := scanStaff(s.queryRow(ctx, `SELECT `+staffColumns+` FROM workshop_staff WHERE token_hash = ?`, tokenHash))
	if errors.Is(err, sql.ErrNoRows) {
		return st, ErrNotFound
	}
	return st, err
}

// SetPair records a constraint between two companies of a bourse,
// replacing any earlier one between them.
func (s *Storage) SetPair(ctx context.Context, workshopID int64, p model.WorkshopPair) error {
	if p.A == p.B {
		return fmt.Errorf("a company cannot be paired with itself")
	}
	if p.A > p.B {
		p.A, p.B = p.B, p.A
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.db.Rebind(`DELETE FROM workshop_pairs WHERE workshop_id = ? AND a = ? AND b = ?`),
			workshopID, p.A, p.B); err != nil {
			return fmt.Errorf("set pair: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.db.Rebind(`INSERT INTO workshop_pairs (workshop_id, a, b, kind) VALUES (?, ?, ?, ?)`),
			workshopID, p.A, p.B, p.Kind); err != nil {
			return fmt.Errorf("set pair: %w", err)
		}
		return nil
	})
}

// RemovePair removes the constraint between two companies.
func (s *Storage) RemovePair(ctx context.Context, workshopID, a, b int64) error {
	if a > b {
		a, b = b, a
	}
	res, err := s.exec(ctx, `DELETE FROM workshop_pairs WHERE workshop_id = ? AND a = ? AND b = ?`, workshopID, a, b)
	return affected(res, err, "remove pair")
}

// Pairs returns the constraints of a bourse's table plan.
func (s *Storage) Pairs(ctx context.Context, workshopID int64) ([]model.WorkshopPair, error) {
	rows, err := s.query(ctx, `SELECT a, b, kind FROM workshop_pairs WHERE workshop_id = ? ORDER BY kind, a, b`, workshopID)
	if err != nil {
		return nil, fmt.Errorf("list pairs: %w", err)
	}
	defer rows.Close()
	var out []model.WorkshopPair
	for rows.Next() {
		var p model.WorkshopPair
		if err := rows.Scan(&p.A, &p.B, &p.Kind); err != nil {
			return nil, fmt.Errorf("list pairs: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
