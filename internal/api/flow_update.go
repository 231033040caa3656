package api

import (
	"net/http"

	"symbiose/internal/auth"
	"symbiose/internal/dataset"
	"symbiose/internal/http/response"
)

// flowUpdate replaces a flow's fields with the body's, checked with the
// import's rules: the company's own members and its territory's managers.
// The flow keeps its id and company.
func (a *API) flowUpdate(w http.ResponseWriter, r *http.Request) {
	t, user, c, old, err := a.editableFlow(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	fields, err := readFields(w, r)
	if err == nil {
		err = fixedField(fields, "id", old.ExtID, "the flow's id")
	}
	if err == nil {
		err = fixedField(fields, "company_id", c.ExtID, "the flow's company")
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	f, problems := dataset.ParseFlow(fields, flowOptions(c))
	if len(problems.Errors()) > 0 {
		a.invalid(w, problems)
		return
	}
	f.ID, f.ExtID, f.CompanyID, f.CompanyExtID = old.ID, old.ExtID, old.CompanyID, old.CompanyExtID
	if f.Resource == old.Resource && fields["resource"] != "" && fields["resource_confidence"] == "" {
		f.ResourceConfidence = old.ResourceConfidence // unchanged: keep how it was chosen
	}
	if err := a.store.UpdateFlow(r.Context(), f); err != nil {
		a.fail(w, r, err)
		return
	}
	updated, err := a.store.Flow(r.Context(), f.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.audit(r, user, t.ID, "update", "flow", updated.ExtID, updated.Label)
	a.rematch(r)
	out := flowOut(updated, c, auth.Full)
	out.Warnings = fieldProblems(problems.Warnings())
	response.JSON(w, http.StatusOK, out)
}
