package api

import (
	"net/http"

	"symbiose/internal/auth"
	"symbiose/internal/http/response"
)

// companyDelete removes a company with its flows and contacts; managers
// only.
func (a *API) companyDelete(w http.ResponseWriter, r *http.Request) {
	t, user, c, err := a.ownCompany(r)
	if err == nil && !auth.CanManage(user, t.ID) {
		err = response.Forbidden()
	}
	if err == nil {
		err = a.store.RemoveCompany(r.Context(), c.ID)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.audit(r, user, t.ID, "delete", "company", c.ExtID, c.Name)
	a.forget(t.ID, "company", c.ExtID)
	w.WriteHeader(http.StatusNoContent)
}
