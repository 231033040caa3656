package api

import (
	"net/http"
	"symbiose/internal/http/access"

	"symbiose/internal/auth"
	"symbiose/internal/http/request"
	"symbiose/internal/http/response"
)

// territories lists the territories the user works in.
func (a *API) territories(w http.ResponseWriter, r *http.Request) {
	user, _ := request.User(r)
	all, err := a.store.Territories(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	own := access.CompanyTerritory(a.store, r, user)
	out := []territoryJSON{}
	for _, t := range all {
		if auth.InTerritory(user, t.ID, own) {
			out = append(out, territoryOut(t))
		}
	}
	response.JSON(w, http.StatusOK, map[string]any{"items": out})
}
