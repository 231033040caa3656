package api

import (
	"net/http"

	"symbiose/internal/auth"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
)

// territory shows a territory; those who may read its dashboard also get
// its counts.
func (a *API) territory(w http.ResponseWriter, r *http.Request) {
	t, user, err := a.inTerritory(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := territoryOut(t)
	if auth.CanSeeAggregates(user, t.ID) {
		if out, err = a.withCounts(r, out); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	response.JSON(w, http.StatusOK, out)
}

// withCounts adds a territory's aggregates: numbers only, no names.
func (a *API) withCounts(r *http.Request, out territoryJSON) (territoryJSON, error) {
	companies, err := a.store.Companies(r.Context(), out.ID)
	if err != nil {
		return out, err
	}
	flows, err := a.store.Flows(r.Context(), out.ID)
	if err != nil {
		return out, err
	}
	synergies, err := a.store.Synergies(r.Context(), out.ID)
	if err != nil {
		return out, err
	}
	nc, nf, ns := len(companies), len(flows), len(synergies)
	out.Companies, out.Flows, out.Synergies = &nc, &nf, &ns
	out.SynergiesByStatus = map[string]int{}
	for _, s := range model.Statuses {
		out.SynergiesByStatus[s] = 0
	}
	for _, s := range synergies {
		out.SynergiesByStatus[s.Status]++
	}
	return out, nil
}
