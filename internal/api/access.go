package api

import (
	"net/http"

	"symbiose/internal/auth"
	"symbiose/internal/http/access"
	"symbiose/internal/http/request"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
)

// inTerritory returns the territory of the path if the user works in it.
func (a *API) inTerritory(r *http.Request) (model.Territory, model.User, error) {
	return access.Territory(a.store, r)
}

// managedTerritory returns the territory of the path if the user manages
// it: its facilitators and administrators.
func (a *API) managedTerritory(r *http.Request) (model.Territory, model.User, error) {
	return access.Managed(a.store, r)
}

// directoryTerritory returns the territory of the path if the user may see
// companies or flows in it: managers and members. Observers read aggregates
// only.
func (a *API) directoryTerritory(r *http.Request) (model.Territory, model.User, error) {
	t, user, err := a.inTerritory(r)
	if err == nil && !auth.CanManage(user, t.ID) && user.Role != model.RoleMember {
		err = response.Forbidden()
	}
	return t, user, err
}

// ownCompany returns the company of the path if the user may open and edit
// it: its territory's managers and its own members.
func (a *API) ownCompany(r *http.Request) (model.Territory, model.User, model.Company, error) {
	return access.Company(a.store, r)
}

// pathFlow returns the flow of the path with its company, and how much of
// it the user may see. A flow the user may not know of is not found.
func (a *API) pathFlow(r *http.Request) (model.Territory, model.User, model.Company, model.Flow, auth.Access, error) {
	var c model.Company
	var f model.Flow
	t, user, err := a.directoryTerritory(r)
	if err != nil {
		return t, user, c, f, auth.Hidden, err
	}
	id, ok := request.IDParam(r, "fid")
	if !ok {
		return t, user, c, f, auth.Hidden, response.NotFound()
	}
	if f, err = a.store.Flow(r.Context(), id); err != nil {
		return t, user, c, f, auth.Hidden, err
	}
	c, err = a.store.Company(r.Context(), f.CompanyID)
	if err == nil && c.TerritoryID != t.ID {
		err = response.NotFound()
	}
	if err != nil {
		return t, user, c, f, auth.Hidden, err
	}
	access := auth.FlowAccess(user, f, c)
	if access == auth.Hidden {
		return t, user, c, f, access, response.NotFound()
	}
	return t, user, c, f, access, nil
}

// editableFlow is pathFlow for a change: only the company's own members
// and its territory's managers may make it.
func (a *API) editableFlow(r *http.Request) (model.Territory, model.User, model.Company, model.Flow, error) {
	t, user, c, f, _, err := a.pathFlow(r)
	if err == nil && !auth.CanEditCompany(user, c) {
		err = response.Forbidden()
	}
	return t, user, c, f, err
}
