package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

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
