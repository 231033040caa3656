package api

import (
	"net/http"
	"strconv"

	"symbiose/internal/auth"
	"symbiose/internal/dataset"
	"symbiose/internal/http/response"
	"symbiose/internal/nomenclature"
)

// companyCreate adds a company, checked with the import's rules; managers
// only. Without an id, one is generated.
func (a *API) companyCreate(w http.ResponseWriter, r *http.Request) {
	t, user, err := a.managedTerritory(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	fields, err := readFields(w, r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if fields["id"] == "" {
		fields["id"] = "c-" + auth.NewToken()[:10]
	}
	c, problems := dataset.ParseCompany(fields, dataset.Options{Resources: nomenclature.Taxonomy{}})
	if len(problems.Errors()) > 0 {
		a.invalid(w, problems)
		return
	}
	if _, err := a.store.CompanyByExtID(r.Context(), t.ID, c.ExtID); err == nil {
		a.fail(w, r, errConflict("a company of this territory already has id "+strconv.Quote(c.ExtID), "id"))
		return
	}
	c.TerritoryID = t.ID
	created, err := a.store.CreateCompany(r.Context(), c)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.audit(r, user, t.ID, "create", "company", created.ExtID, created.Name)
	a.rematch(r)
	out := companyOut(created)
	out.Warnings = fieldProblems(problems.Warnings())
	w.Header().Set("Location", companyPath(t.ID, created.ID))
	response.JSON(w, http.StatusCreated, out)
}

func companyPath(territoryID, companyID int64) string {
	return territoryPath(territoryID) + "/companies/" + strconv.FormatInt(companyID, 10)
}

func territoryPath(territoryID int64) string {
	return "/api/v1/territories/" + strconv.FormatInt(territoryID, 10)
}
