// Package storage reads and writes Symbiose's records. SQL is written here
// and nowhere else, once for both SQLite and PostgreSQL ("?" placeholders are
// rebound for PostgreSQL).
package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"symbiose/internal/database"
)

// ErrNotFound is returned when the record asked for does not exist.
var ErrNotFound = errors.New("not found")

// Storage is the concrete store over one database.
type Storage struct {
	db      *database.DB
	secrets sync.Map // name -> value: a secret never changes once made
}

// New returns a Storage over an open, migrated database.
func New(db *database.DB) *Storage { return &Storage{db: db} }

// Dialect tells which database the storage runs on.
func (s *Storage) Dialect() database.Dialect { return s.db.Dialect }

func (s *Storage) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.db.Read.QueryContext(ctx, s.db.Rebind(q), args...)
}

func (s *Storage) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return s.db.Read.QueryRowContext(ctx, s.db.Rebind(q), args...)
}

func (s *Storage) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return s.db.Write.ExecContext(ctx, s.db.Rebind(q), args...)
}

// inTx runs fn in a write transaction, committed when fn returns nil and
// rolled back otherwise.
func (s *Storage) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.Write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// stampLayout is fixed-width so that stamps stored as text sort in time
// order in both databases.
const stampLayout = "2006-01-02T15:04:05.000000000Z"

func now() string { return time.Now().UTC().Format(stampLayout) }

// Stamp formats a time as stored in updated_at columns.
func Stamp(t time.Time) string { return t.UTC().Format(stampLayout) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// encodeAttrs stores free dataset attributes as a JSON object, "" when none.
func encodeAttrs(m map[string]string) string {
	if len(m) == 0 {
		return ""
	}
	b, _ := json.Marshal(m) // a map[string]string always marshals
	return string(b)
}

func decodeAttrs(s string) map[string]string {
	if s == "" {
		return nil
	}
	var m map[string]string
	if json.Unmarshal([]byte(s), &m) != nil {
		return nil
	}
	return m
}

func joinList(l []string) string { return strings.Join(l, ";") }

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// nullInt and friends turn optional values into SQL NULLs and back.
func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

func nullFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

func floatPtr(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	v := n.Float64
	return &v
}
