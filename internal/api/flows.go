package api

import (
	"net/http"

	"symbiose/internal/auth"
	"symbiose/internal/http/request"
	"symbiose/internal/http/response"
)

// companyFlows lists a company's flows: all of them to its territory's
// managers and its own members; to other members only its public flows,
// since the path names the company and an anonymous flow must not be
// tied to it.
func (a *API) companyFlows(w http.ResponseWriter, r *http.Request) {
	t, user, err := a.directoryTerritory(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	id, ok := request.IDParam(r, "cid")
	if !ok {
		a.fail(w, r, response.NotFound())
		return
	}
	c, err := a.store.Company(r.Context(), id)
	if err == nil && c.TerritoryID != t.ID {
		err = response.NotFound()
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	flows, err := a.store.FlowsOfCompany(r.Context(), c.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := []flowJSON{}
	for _, f := range flows {
		if auth.FlowAccess(user, f, c) == auth.Full {
			out = append(out, flowOut(f, c, auth.Full))
		}
	}
	response.JSON(w, http.StatusOK, map[string]any{"items": out})
}
