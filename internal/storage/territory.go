package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"symbiose/internal/model"
)

// Territories returns every territory by name.
func (s *Storage) Territories(ctx context.Context) ([]model.Territory, error) {
	rows, err := s.query(ctx, `SELECT id, name, created_at FROM territories ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list territories: %w", err)
	}
	defer rows.Close()
	var out []model.Territory
	for rows.Next() {
		var t model.Territory
		var created string
		if err := rows.Scan(&t.ID, &t.Name, &created); err != nil {
			return nil, fmt.Errorf("list territories: %w", err)
		}
		t.CreatedAt = parseTime(created)
		out = append(out, t)
	}
	return out, rows.Err()
}

// TerritoryByName returns the territory with this exact name.
func (s *Storage) TerritoryByName(ctx context.Context, name string) (model.Territory, error) {
	var t model.Territory
	var created string
	err := s.queryRow(ctx, `SELECT id, name, created_at FROM territories WHERE name = ?`, name).Scan(&t.ID, &t.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	if err != nil {
		return t, fmt.Errorf("territory %q: %w", name, err)
	}
	t.CreatedAt = parseTime(created)
	return t, nil
}

// CreateTerritory adds a territory.
func (s *Storage) CreateTerritory(ctx context.Context, name string) (model.Territory, error) {
	t := model.Territory{Name: name}
	created := now()
	err := s.db.Write.QueryRowContext(ctx, s.db.Rebind(`INSERT INTO territories (name, created_at) VALUES (?, ?) RETURNING id`),
		name, created).Scan(&t.ID)
	if err != nil {
		return t, fmt.Errorf("create territory %q: %w", name, err)
	}
	t.CreatedAt = parseTime(created)
	return t, nil
}

// Territory returns a territory by id.
func (s *Storage) Territory(ctx context.Context, id int64) (model.Territory, error) {
	var t model.Territory
	var created string
	err := s.queryRow(ctx, `SELECT id, name, created_at FROM territories WHERE id = ?`, id).Scan(&t.ID, &t.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	if err != nil {
		return t, fmt.Errorf("territory %d: %w", id, err)
	}
	t.CreatedAt = parseTime(created)
	return t, nil
}
