// Package access resolves the territory and company a request names and
// checks the signed-in user may reach them, for the pages and the API alike.
package access

import (
	"net/http"

	"symbiose/internal/auth"
	"symbiose/internal/http/request"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/storage"
)

// Territory returns the territory of the path ({tid}) if the user works in
// it. A member works in its company's territory.
func Territory(store *storage.Storage, r *http.Request) (model.Territory, model.User, error) {
	user, _ := request.User(r)
	id, ok := request.IDParam(r, "tid")
	if !ok {
		return model.Territory{}, user, response.NotFound()
	}
	t, err := store.Territory(r.Context(), id)
	if err != nil {
		return t, user, err
	}
	if !auth.InTerritory(user, t.ID, CompanyTerritory(store, r, user)) {
		return t, user, response.Forbidden()
	}
	return t, user, nil
}

// CompanyTerritory is the territory of a member's company, 0 for others or
// when the company is gone.
func CompanyTerritory(store *storage.Storage, r *http.Request, user model.User) int64 {
	if user.Role != model.RoleMember || user.CompanyID == 0 {
		return 0
	}
	c, err := store.Company(r.Context(), user.CompanyID)
	if err != nil {
		return 0
	}
	return c.TerritoryID
}

// Managed returns the territory of the path if the user manages it: its
// facilitators and administrators.
func Managed(store *storage.Storage, r *http.Request) (model.Territory, model.User, error) {
	t, user, err := Territory(store, r)
	if err == nil && !auth.CanManage(user, t.ID) {
		err = response.Forbidden()
	}
	return t, user, err
}

// Company returns the company of the path ({cid}) if the user may open and
// edit it: its territory's managers and its own members. Whether another
// company exists is not a member's to know, so it is refused before it is
// looked up.
func Company(store *storage.Storage, r *http.Request) (model.Territory, model.User, model.Company, error) {
	t, user, err := Territory(store, r)
	if err != nil {
		return t, user, model.Company{}, err
	}
	id, ok := request.IDParam(r, "cid")
	if !ok {
		return t, user, model.Company{}, response.NotFound()
	}
	if !auth.CanManage(user, t.ID) && !(user.Role == model.RoleMember && user.CompanyID == id) {
		return t, user, model.Company{}, response.Forbidden()
	}
	c, err := store.Company(r.Context(), id)
	if err == nil && c.TerritoryID != t.ID {
		err = response.NotFound()
	}
	if err == nil && !auth.CanEditCompany(user, c) {
		err = response.Forbidden()
	}
	return t, user, c, err
}
