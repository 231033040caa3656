package ui

import (
	"fmt"
	"net/http"

	"symbiose/internal/auth"
	"symbiose/internal/http/request"
	"symbiose/internal/model"
)

// home sends each user where they work: a member to its company, a user
// of one territory to its dashboard, others to the list of territories.
func (u *UI) home(w http.ResponseWriter, r *http.Request) {
	user, _ := request.User(r)
	if user.Role == model.RoleMember {
		c, err := u.store.Company(r.Context(), user.CompanyID)
		if err != nil {
			u.fail(w, r, err)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/t/%d/companies/%d", c.TerritoryID, c.ID), http.StatusSeeOther)
		return
	}
	all, err := u.store.Territories(r.Context())
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var mine []model.Territory
	for _, t := range all {
		if auth.CanSeeAggregates(user, t.ID) {
			mine = append(mine, t)
		}
	}
	if len(mine) == 1 {
		http.Redirect(w, r, fmt.Sprintf("/t/%d/", mine[0].ID), http.StatusSeeOther)
		return
	}
	u.render(w, r, http.StatusOK, "home", u.page(r, "", struct{ Territories []model.Territory }{mine}))
}
