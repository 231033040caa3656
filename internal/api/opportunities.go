package api

import (
	"net/http"

	"symbiose/internal/http/response"
	"symbiose/internal/matching"
)

// opportunities lists substitution candidates (one page at a time, best
// first) and mutualisation groups: all of them to managers; to a member
// those concerning its company, the other side as its flow's visibility
// allows. Observers read aggregates only.
func (a *API) opportunities(w http.ResponseWriter, r *http.Request) {
	t, user, err := a.directoryTerritory(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	limit, offset, err := pageParams(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	ix, err := a.index(r, t.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var subs []matching.Substitution
	var groups []matching.Group
	if e := a.engine(t.ID); e != nil {
		subs, groups = e.Substitutions(), e.Mutualisations()
	}
	response.JSON(w, http.StatusOK, map[string]any{
		"substitutions":  paginate(visibleSubstitutions(user, subs, ix), limit, offset),
		"mutualisations": visibleGroups(user, groups, ix),
	})
}
