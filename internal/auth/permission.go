package auth

import (
	"slices"

	"symbiose/internal/model"
)

// Access is how much of a flow a user may see.
type Access int

// Levels of access to a flow.
const (
	Hidden    Access = iota // not at all
	Anonymous               // what it is, without the company's name, exact location or contacts
	Full                    // everything
)

// InTerritory reports whether a user works in a territory at all. A
// member's territory is its company's, given as companyTerritory.
func InTerritory(u model.User, territoryID, companyTerritory int64) bool {
	switch u.Role {
	case model.RoleAdmin:
		return true
	case model.RoleFacilitator, model.RoleObserver:
		return slices.Contains(u.Territories, territoryID)
	case model.RoleMember:
		return u.CompanyID != 0 && companyTerritory == territoryID
	}
	return false
}

// CanManage reports whether a user may change anything of a territory and
// see all its companies: administrators and its facilitators.
func CanManage(u model.User, territoryID int64) bool {
	return u.Role == model.RoleAdmin || (u.Role == model.RoleFacilitator && slices.Contains(u.Territories, territoryID))
}

// CanSeeAggregates reports whether a user may read a territory's
// dashboard: its facilitators, observers and administrators.
func CanSeeAggregates(u model.User, territoryID int64) bool {
	return CanManage(u, territoryID) || (u.Role == model.RoleObserver && slices.Contains(u.Territories, territoryID))
}

// CanSeeCompany reports whether a user may open a company's page.
func CanSeeCompany(u model.User, c model.Company) bool {
	return CanManage(u, c.TerritoryID) || (u.Role == model.RoleMember && u.CompanyID == c.ID)
}

// CanEditCompany reports whether a user may change a company and its
// flows: its territory's managers and its own members.
func CanEditCompany(u model.User, c model.Company) bool { return CanSeeCompany(u, c) }

// FlowAccess says how much of a flow of company c a user may see: managers
// and the company's own members see everything; other members see public
// flows whole, anonymous ones without the company, private ones not at all;
// observers see flows only in aggregates.
func FlowAccess(u model.User, f model.Flow, c model.Company) Access {
	if CanSeeCompany(u, c) {
		return Full
	}
	if u.Role != model.RoleMember || u.CompanyID == 0 {
		return Hidden
	}
	switch f.Visibility {
	case model.VisibilityPublic:
		return Full
	case model.VisibilityPrivate:
		return Hidden
	}
	return Anonymous
}
