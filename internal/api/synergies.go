package api

import (
	"net/http"

	"symbiose/internal/http/response"
)

// synergies lists a territory's synergies in the order they were recorded,
// one page at a time; managers only. status and type filter them.
func (a *API) synergies(w http.ResponseWriter, r *http.Request) {
	t, _, err := a.managedTerritory(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	limit, offset, err := pageParams(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	all, err := a.store.Synergies(r.Context(), t.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	status, typ := r.URL.Query().Get("status"), r.URL.Query().Get("type")
	out := []synergyJSON{}
	for _, s := range all {
		if (status == "" || s.Status == status) && (typ == "" || s.Type == typ) {
			out = append(out, synergyOut(s))
		}
	}
	response.JSON(w, http.StatusOK, paginate(out, limit, offset))
}
