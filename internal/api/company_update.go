package api

import (
	"net/http"

	"symbiose/internal/dataset"
	"symbiose/internal/http/response"
	"symbiose/internal/nomenclature"
)

// companyUpdate replaces a company's fields with the body's, checked with
// the import's rules: its territory's managers and its own members.
func (a *API) companyUpdate(w http.ResponseWriter, r *http.Request) {
	t, user, old, err := a.ownCompany(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	fields, err := readFields(w, r)
	if err == nil {
		err = fixedField(fields, "id", old.ExtID, "the company's id")
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	c, problems := dataset.ParseCompany(fields, dataset.Options{Resources: nomenclature.Taxonomy{}})
	if len(problems.Errors()) > 0 {
		a.invalid(w, problems)
		return
	}
	c.ID, c.TerritoryID = old.ID, old.TerritoryID
	if err := a.store.UpdateCompany(r.Context(), c); err != nil {
		a.fail(w, r, err)
		return
	}
	updated, err := a.store.Company(r.Context(), c.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.audit(r, user, t.ID, "update", "company", updated.ExtID, updated.Name)
	a.rematch(r)
	out := companyOut(updated)
	out.Warnings = fieldProblems(problems.Warnings())
	response.JSON(w, http.StatusOK, out)
}
