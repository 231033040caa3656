package storage

import (
	"context"
	"fmt"

	"symbiose/internal/auth"
	"symbiose/internal/model"
)

// newExtID gives a record created in the application a dataset id that
// no import will collide with.
func newExtID(prefix string) string { return prefix + auth.NewToken()[:10] }

// CreateCompany adds a company to a territory.
func (s *Storage) CreateCompany(ctx context.Context, c model.Company) (model.Company, error) {
	if c.ExtID == "" {
		c.ExtID = newExtID("c-")
	}
	stamp := now()
	err := s.db.Write.QueryRowContext(ctx, s.db.Rebind(`INSERT INTO companies (territory_id, ext_id, name, siret, naf,
			employees, address, postcode, city, lat, lon, zone, tags, attrs, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`), c.TerritoryID, c.ExtID, c.Name, c.SIRET, c.NAF,
		nullInt(c.Employees), c.Address, c.Postcode, c.City, nullFloat(c.Lat), nullFloat(c.Lon), c.Zone, joinList(c.Tags),
		encodeAttrs(c.Attrs), stamp).Scan(&c.ID)
	if err != nil {
		if isUniqueViolation(err) {
			return c, fmt.Errorf("company %q: %w", c.ExtID, ErrConflict)
		}
		return c, fmt.Errorf("create company %q: %w", c.Name, err)
	}
	c.UpdatedAt = parseTime(stamp)
	return c, nil
}

// UpdateCompany changes a company's fields (not its territory or id).
func (s *Storage) UpdateCompany(ctx context.Context, c model.Company) error {
	res, err := s.exec(ctx, `UPDATE companies SET name = ?, siret = ?, naf = ?, employees = ?, address = ?, postcode = ?,
		city = ?, lat = ?, lon = ?, zone = ?, tags = ?, updated_at = ? WHERE id = ?`, c.Name, c.SIRET, c.NAF, nullInt(c.Employees),
		c.Address, c.Postcode, c.City, nullFloat(c.Lat), nullFloat(c.Lon), c.Zone, joinList(c.Tags), now(), c.ID)
	return affected(res, err, "update company")
}

// RemoveCompany deletes a company with its flows and contacts.
func (s *Storage) RemoveCompany(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM companies WHERE id = ?`, id)
	return affected(res, err, "remove company")
}

// affected turns "no row changed" into ErrNotFound.
func affected(res interface{ RowsAffected() (int64, error) }, err error, what string) error {
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
