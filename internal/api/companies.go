package api

import (
	"net/http"
	"sort"
	"strings"

	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

// companies lists a territory's companies by name, one page at a time;
// managers only. q searches name, city, zone and NAF code regardless of
// case and accents; zone keeps one activity zone.
func (a *API) companies(w http.ResponseWriter, r *http.Request) {
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
	all, err := a.store.Companies(r.Context(), t.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	needle, zone := nomenclature.Fold(r.URL.Query().Get("q")), r.URL.Query().Get("zone")
	var kept []model.Company
	for _, c := range all {
		if needle != "" && !strings.Contains(nomenclature.Fold(c.Name+" "+c.City+" "+c.Zone+" "+c.NAF), needle) {
			continue
		}
		if zone != "" && c.Zone != zone {
			continue
		}
		kept = append(kept, c)
	}
	sort.SliceStable(kept, func(i, j int) bool { return nomenclature.Fold(kept[i].Name) < nomenclature.Fold(kept[j].Name) })
	out := make([]companyJSON, 0, len(kept))
	for _, c := range kept {
		out = append(out, companyOut(c))
	}
	response.JSON(w, http.StatusOK, paginate(out, limit, offset))
}
