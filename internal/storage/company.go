package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"symbiose/internal/model"
)

const companyColumns = `id, territory_id, ext_id, name, siret, naf, employees, address, postcode, city,
	lat, lon, zone, tags, attrs, updated_at`

func scanCompany(row interface{ Scan(...any) error }) (model.Company, error) {
	var c model.Company
	var employees sql.NullInt64
	var lat, lon sql.NullFloat64
	var tags, attrs, updated string
	err := row.Scan(&c.ID, &c.TerritoryID, &c.ExtID, &c.Name, &c.SIRET, &c.NAF, &employees, &c.Address,
		&c.Postcode, &c.City, &lat, &lon, &c.Zone, &tags, &attrs, &updated)
	c.Employees, c.Lat, c.Lon = intPtr(employees), floatPtr(lat), floatPtr(lon)
	c.Tags, c.Attrs, c.UpdatedAt = splitList(tags), decodeAttrs(attrs), parseTime(updated)
	return c, err
}

// Companies returns the companies of a territory in the order they were added.
func (s *Storage) Companies(ctx context.Context, territoryID int64) ([]model.Company, error) {
	rows, err := s.query(ctx, `SELECT `+companyColumns+` FROM companies WHERE territory_id = ? ORDER BY id`, territoryID)
	if err != nil {
		return nil, fmt.Errorf("list companies: %w", err)
	}
	defer rows.Close()
	var out []model.Company
	for rows.Next() {
		c, err := scanCompany(rows)
		if err != nil {
			return nil, fmt.Errorf("list companies: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Company returns one company by database id.
func (s *Storage) Company(ctx context.Context, id int64) (model.Company, error) {
	c, err := scanCompany(s.queryRow(ctx, `SELECT `+companyColumns+` FROM companies WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("company %d: %w", id, err)
	}
	return c, nil
}

// CompanyByExtID returns a company by its dataset identifier.
func (s *Storage) CompanyByExtID(ctx context.Context, territoryID int64, extID string) (model.Company, error) {
	c, err := scanCompany(s.queryRow(ctx, `SELECT `+companyColumns+` FROM companies WHERE territory_id = ? AND ext_id = ?`, territoryID, extID))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("company %q: %w", extID, err)
	}
	return c, nil
}

// Contacts returns the contacts of every company of a territory.
func (s *Storage) Contacts(ctx context.Context, territoryID int64) ([]model.Contact, error) {
	return s.contacts(ctx, `c.territory_id = ?`, territoryID)
}

// ContactsOfCompany returns the contacts of one company.
func (s *Storage) ContactsOfCompany(ctx context.Context, companyID int64) ([]model.Contact, error) {
	return s.contacts(ctx, `ct.company_id = ?`, companyID)
}

func (s *Storage) contacts(ctx context.Context, where string, args ...any) ([]model.Contact, error) {
	rows, err := s.query(ctx, `SELECT ct.id, ct.company_id, c.ext_id, ct.name, ct.role, ct.email, ct.phone
		FROM contacts ct JOIN companies c ON c.id = ct.company_id WHERE `+where+` ORDER BY ct.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list contacts: %w", err)
	}
	defer rows.Close()
	var out []model.Contact
	for rows.Next() {
		var ct model.Contact
		if err := rows.Scan(&ct.ID, &ct.CompanyID, &ct.CompanyExtID, &ct.Name, &ct.Role, &ct.Email, &ct.Phone); err != nil {
			return nil, fmt.Errorf("list contacts: %w", err)
		}
		out = append(out, ct)
	}
	return out, rows.Err()
}

// CompaniesChangedSince returns the companies of a territory written after
// a stamp (see Stamp), for keeping derived state current.
func (s *Storage) CompaniesChangedSince(ctx context.Context, territoryID int64, since string) ([]model.Company, error) {
	rows, err := s.query(ctx, `SELECT `+companyColumns+` FROM companies WHERE territory_id = ? AND updated_at > ? ORDER BY id`, territoryID, since)
	if err != nil {
		return nil, fmt.Errorf("companies changed since %s: %w", since, err)
	}
	defer rows.Close()
	var out []model.Company
	for rows.Next() {
		c, err := scanCompany(rows)
		if err != nil {
			return nil, fmt.Errorf("companies changed since %s: %w", since, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
