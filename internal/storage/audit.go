package storage

import (
	"context"
	"fmt"

	"symbiose/internal/model"
)

// Audit records who changed what.
func (s *Storage) Audit(ctx context.Context, e model.AuditEntry) error {
	_, err := s.exec(ctx, `INSERT INTO audit_log (at, user_id, territory_id, action, entity, entity_id, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, now(), nullID(e.UserID), nullID(e.TerritoryID), e.Action, e.Entity, e.EntityID, e.Detail)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// AuditLog returns the latest entries of a territory, newest first.
func (s *Storage) AuditLog(ctx context.Context, territoryID int64, limit int) ([]model.AuditEntry, error) {
	rows, err := s.query(ctx, `SELECT a.id, a.at, COALESCE(a.user_id, 0), COALESCE(u.email, ''), COALESCE(a.territory_id, 0),
			a.action, a.entity, a.entity_id, a.detail
		FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
		WHERE a.territory_id = ? ORDER BY a.id DESC LIMIT ?`, territoryID, limit)
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	defer rows.Close()
	var out []model.AuditEntry
	for rows.Next() {
		var e model.AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.UserID, &e.UserEmail, &e.TerritoryID, &e.Action, &e.Entity, &e.EntityID, &e.Detail); err != nil {
			return nil, fmt.Errorf("read audit log: %w", err)
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
