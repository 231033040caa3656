package ui

import (
	"net/http"

	"symbiose/internal/auth"
	"symbiose/internal/http/request"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
)

// territory returns the territory of the path, if the user works in it.
// A member works in its company's territory.
func (u *UI) territory(r *http.Request) (model.Territory, model.User, error) {
	user, _ := request.User(r)
	id, ok := request.IDParam(r, "tid")
	if !ok {
		return model.Territory{}, user, response.NotFound()
	}
	t, err := u.store.Territory(r.Context(), id)
	if err != nil {
		return t, user, err
	}
	companyTerritory := int64(0)
	if user.Role == model.RoleMember {
		c, err := u.store.Company(r.Context(), user.CompanyID)
		if err != nil {
			return t, user, err
		}
		companyTerritory = c.TerritoryID
	}
	if !auth.InTerritory(user, t.ID, companyTerritory) {
		return t, user, response.Forbidden()
	}
	return t, user, nil
}
