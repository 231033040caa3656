package model

import "time"

// Company is an establishment of the territory's directory.
type Company struct {
	ID          int64
	TerritoryID int64
	ExtID       string // the dataset identifier, unique within a territory
	Name        string
	SIRET       string // 14 digits without spaces, or empty
	NAF         string // NAF sous-classe "10.71C" or NACE code "10.71", or empty
	Employees   *int
	Address     string
	Postcode    string
	City        string
	Lat, Lon    *float64
	Zone        string
	Tags        []string
	Attrs       map[string]string // extra dataset columns, kept as given
	UpdatedAt   time.Time
}

// HasLocation reports whether the company has coordinates.
func (c Company) HasLocation() bool { return c.Lat != nil && c.Lon != nil }

// Contact is a person to reach at a company.
type Contact struct {
	ID           int64
	CompanyID    int64
	CompanyExtID string
	Name         string
	Role         string
	Email        string
	Phone        string
}

// FirstEmail is the address of the first contact that has one: whom
// Symbiose writes to about a company. Empty when none has.
func FirstEmail(contacts []Contact) string {
	for _, c := range contacts {
		if c.Email != "" {
			return c.Email
		}
	}
	return ""
}
