package api

import (
	"net/http"

	"symbiose/internal/http/request"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/storage"
)

// synergy shows one synergy with its dated history; managers only.
func (a *API) synergy(w http.ResponseWriter, r *http.Request) {
	t, _, err := a.managedTerritory(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	id, ok := request.IDParam(r, "sid")
	if !ok {
		a.fail(w, r, response.NotFound())
		return
	}
	s, err := a.synergyByID(r, t.ID, id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	events, err := a.store.SynergyEvents(r.Context(), s.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := synergyOut(s)
	out.History = historyOut(events)
	response.JSON(w, http.StatusOK, out)
}

// synergyByID finds a synergy of a territory by database id; storage reads
// synergies by territory only.
func (a *API) synergyByID(r *http.Request, territoryID, id int64) (model.Synergy, error) {
	all, err := a.store.Synergies(r.Context(), territoryID)
	if err != nil {
		return model.Synergy{}, err
	}
	for _, s := range all {
		if s.ID == id {
			return s, nil
		}
	}
	return model.Synergy{}, storage.ErrNotFound
}
