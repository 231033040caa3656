package model

import "time"

// Roles of an account.
const (
	RoleAdmin       = "admin"       // every territory, accounts, nomenclatures
	RoleFacilitator = "facilitator" // runs the programme of its territories
	RoleMember      = "member"      // a company contact: its own company only
	RoleObserver    = "observer"    // reads aggregated views of its territories
)

// Roles lists the account roles.
var Roles = []string{RoleAdmin, RoleFacilitator, RoleMember, RoleObserver}

// User is an account.
type User struct {
	ID           int64
	Email        string
	Name         string
	PasswordHash string
	Role         string
	CompanyID    int64   // members only
	Territories  []int64 // facilitators and observers; members through their company
	Locale       string  // fr or en
	Disabled     bool
	CreatedAt    time.Time
}

// AuditEntry is one line of the audit log: who changed what.
type AuditEntry struct {
	ID          int64
	At          time.Time
	UserID      int64
	UserEmail   string
	TerritoryID int64
	Action      string // create, update, delete, import, login…
	Entity      string // company, flow, synergy, user…
	EntityID    string
	Detail      string
}
