package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"symbiose/internal/model"
)

// CreateAPIToken records a personal API token under its hash.
func (s *Storage) CreateAPIToken(ctx context.Context, tokenHash string, userID int64, name string) error {
	_, err := s.exec(ctx, `INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?)`,
		tokenHash, userID, name, now())
	if err != nil {
		return fmt.Errorf("create API token: %w", err)
	}
	return nil
}

// UserByAPIToken returns the enabled account a token belongs to.
func (s *Storage) UserByAPIToken(ctx context.Context, tokenHash string) (model.User, error) {
	var userID int64
	err := s.queryRow(ctx, `SELECT user_id FROM api_tokens WHERE token_hash = ?`, tokenHash).Scan(&userID)
	if errors.Is(err, sql.ErrNoRows) {
		return model.User{}, ErrNotFound
	}
	if err != nil {
		return model.User{}, fmt.Errorf("read API token: %w", err)
	}
	u, err := s.User(ctx, userID)
	if err == nil && u.Disabled {
		return u, ErrNotFound
	}
	return u, err
}

// APIToken describes a personal API token (never the token itself).
type APIToken struct {
	Hash       string
	Name       string
	CreatedAt  time.Time
	LastUsedAt time.Time
}

// APITokens lists a user's tokens, newest first.
func (s *Storage) APITokens(ctx context.Context, userID int64) ([]APIToken, error) {
	rows, err := s.query(ctx, `SELECT token_hash, name, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("list API tokens: %w", err)
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		var t APIToken
		var created, used string
		if err := rows.Scan(&t.Hash, &t.Name, &created, &used); err != nil {
			return nil, fmt.Errorf("list API tokens: %w", err)
		}
		t.CreatedAt, t.LastUsedAt = parseTime(created), parseTime(used)
		out = append(out, t)
	}
	return out, rows.Err()
}

// RemoveAPIToken revokes one of a user's tokens.
func (s *Storage) RemoveAPIToken(ctx context.Context, userID int64, tokenHash string) error {
	res, err := s.exec(ctx, `DELETE FROM api_tokens WHERE user_id = ? AND token_hash = ?`, userID, tokenHash)
	return affected(res, err, "remove API token")
}
