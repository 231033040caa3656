package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"symbiose/internal/model"
)

// ErrConflict is returned when a unique value (an email) is already taken.
var ErrConflict = errors.New("already exists")

const userColumns = `id, email, name, password_hash, role, COALESCE(company_id, 0), locale, disabled, created_at`

func scanUser(row interface{ Scan(...any) error }) (model.User, error) {
	var u model.User
	var created string
	err := row.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.Role, &u.CompanyID, &u.Locale, &u.Disabled, &created)
	u.CreatedAt = parseTime(created)
	return u, err
}

// CountUsers returns how many accounts exist.
func (s *Storage) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM users`).Scan(&n)
	return n, err
}

// CreateUser adds an account with its territories.
func (s *Storage) CreateUser(ctx context.Context, u model.User) (model.User, error) {
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	if u.Locale == "" {
		u.Locale = "fr"
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		created := now()
		err := tx.QueryRowContext(ctx, s.db.Rebind(`INSERT INTO users (email, name, password_hash, role, company_id, locale, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`), u.Email, u.Name, u.PasswordHash, u.Role, nullID(u.CompanyID), u.Locale, created).Scan(&u.ID)
		if err != nil {
			if isUniqueViolation(err) {
				return fmt.Errorf("user %s: %w", u.Email, ErrConflict)
			}
			return fmt.Errorf("create user %s: %w", u.Email, err)
		}
		u.CreatedAt = parseTime(created)
		for _, t := range u.Territories {
			if _, err := tx.ExecContext(ctx, s.db.Rebind(`INSERT INTO user_territories (user_id, territory_id) VALUES (?, ?)`), u.ID, t); err != nil {
				return fmt.Errorf("create user %s: territory %d: %w", u.Email, t, err)
			}
		}
		return nil
	})
	return u, err
}

func isUniqueViolation(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint") || strings.Contains(msg, "duplicate key") || strings.Contains(msg, "SQLSTATE 23505")
}

// User returns an account by id, with its territories.
func (s *Storage) User(ctx context.Context, id int64) (model.User, error) {
	return s.user(ctx, `id = ?`, id)
}

// UserByEmail returns an account by email, case-insensitively.
func (s *Storage) UserByEmail(ctx context.Context, email string) (model.User, error) {
	return s.user(ctx, `email = ?`, strings.ToLower(strings.TrimSpace(email)))
}

func (s *Storage) user(ctx context.Context, where string, arg any) (model.User, error) {
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+` FROM users WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("read user: %w", err)
	}
	rows, err := s.query(ctx, `SELECT territory_id FROM user_territories WHERE user_id = ? ORDER BY territory_id`, u.ID)
	if err != nil {
		return u, fmt.Errorf("read user territories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t int64
		if err := rows.Scan(&t); err != nil {
			return u, err
		}
		u.Territories = append(u.Territories, t)
	}
	return u, rows.Err()
}

// Users returns every account, by email.
func (s *Storage) Users(ctx context.Context) ([]model.User, error) {
	rows, err := s.query(ctx, `SELECT `+userColumns+` FROM users ORDER BY email`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []model.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// SetPassword replaces an account's password hash.
func (s *Storage) SetPassword(ctx context.Context, userID int64, hash string) error {
	_, err := s.exec(ctx, `UPDATE users SET password_hash = ? WHERE id = ?`, hash, userID)
	return err
}
