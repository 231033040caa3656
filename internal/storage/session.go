package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"symbiose/internal/model"
)

// Session is a signed-in browser: its user and its anti-forgery token.
type Session struct {
	User    model.User
	CSRF    string
	Expires time.Time
}

// CreateSession records a session under the hash of its cookie token.
func (s *Storage) CreateSession(ctx context.Context, tokenHash string, userID int64, csrf string, expires time.Time) error {
	_, err := s.exec(ctx, `INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		tokenHash, userID, csrf, now(), Stamp(expires))
	if err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	return nil
}

// SessionByToken returns a live session of an enabled account.
func (s *Storage) SessionByToken(ctx context.Context, tokenHash string) (Session, error) {
	var sess Session
	var userID int64
	var expires string
	err := s.queryRow(ctx, `SELECT user_id, csrf, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?`,
		tokenHash, now()).Scan(&userID, &sess.CSRF, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return sess, ErrNotFound
	}
	if err != nil {
		return sess, fmt.Errorf("read session: %w", err)
	}
	sess.Expires = parseTime(expires)
	if sess.User, err = s.User(ctx, userID); err != nil {
		return sess, err
	}
	if sess.User.Disabled {
		return sess, ErrNotFound
	}
	return sess, nil
}

// DeleteSession ends a session.
func (s *Storage) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := s.exec(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash)
	return err
}

// Link is a single-use, expiring link: the administrator's set-up, or a
// company contact's invitation.
type Link struct {
	Purpose   string // setup, invite
	Email     string
	UserID    int64
	CompanyID int64
	CreatedBy int64
	Expires   time.Time
}

// Link purposes.
const (
	LinkSetup  = "setup"
	LinkInvite = "invite"
)

// ErrLinkUsed is returned for a link already used or expired.
var ErrLinkUsed = errors.New("link already used or expired")

// CreateLink records a link under the hash of its token.
func (s *Storage) CreateLink(ctx context.Context, tokenHash string, l Link) error {
	_, err := s.exec(ctx, `INSERT INTO links (token_hash, purpose, email, user_id, company_id, created_by, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, tokenHash, l.Purpose, l.Email, nullID(l.UserID), nullID(l.CompanyID), nullID(l.CreatedBy),
		now(), Stamp(l.Expires))
	if err != nil {
		return fmt.Errorf("create link: %w", err)
	}
	return nil
}

// PeekLink returns a live link without using it.
func (s *Storage) PeekLink(ctx context.Context, tokenHash string) (Link, error) {
	var l Link
	var expires string
	err := s.queryRow(ctx, `SELECT purpose, email, COALESCE(user_id, 0), COALESCE(company_id, 0), COALESCE(created_by, 0), expires_at
		FROM links WHERE token_hash = ? AND used_at = '' AND expires_at > ?`, tokenHash, now()).
		Scan(&l.Purpose, &l.Email, &l.UserID, &l.CompanyID, &l.CreatedBy, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return l, ErrLinkUsed
	}
	l.Expires = parseTime(expires)
	return l, err
}

// UseLink marks a live link used and returns it; a second use fails with
// ErrLinkUsed, even when two requests race.
func (s *Storage) UseLink(ctx context.Context, tokenHash string) (Link, error) {
	l, err := s.PeekLink(ctx, tokenHash)
	if err != nil {
		return l, err
	}
	res, err := s.exec(ctx, `UPDATE links SET used_at = ? WHERE token_hash = ? AND used_at = ''`, now(), tokenHash)
	if err != nil {
		return l, fmt.Errorf("use link: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return l, ErrLinkUsed
	}
	return l, nil
}
