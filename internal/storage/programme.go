package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"symbiose/internal/programme"
)

// Programme returns a territory's programme; ErrNotFound when none is set.
func (s *Storage) Programme(ctx context.Context, territoryID int64) (programme.Programme, error) {
	var doc string
	err := s.queryRow(ctx, `SELECT doc FROM programmes WHERE territory_id = ?`, territoryID).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return programme.Programme{}, ErrNotFound
	}
	if err != nil {
		return programme.Programme{}, fmt.Errorf("read programme: %w", err)
	}
	p, err := programme.Parse(strings.NewReader(doc))
	if err != nil {
		return p, fmt.Errorf("stored programme of territory %d: %w", territoryID, err)
	}
	return p, nil
}

// SetProgramme checks and records a territory's programme, replacing the
// previous one.
func (s *Storage) SetProgramme(ctx context.Context, territoryID int64, p programme.Programme) error {
	if err := p.Check(); err != nil {
		return err
	}
	doc, err := json.Marshal(p)
	if err != nil {
		return err
	}
	_, err = s.exec(ctx, `INSERT INTO programmes (territory_id, doc, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (territory_id) DO UPDATE SET doc = excluded.doc, updated_at = excluded.updated_at`, territoryID, string(doc), now())
	if err != nil {
		return fmt.Errorf("record programme: %w", err)
	}
	return nil
}
