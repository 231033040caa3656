package api

import (
	"net/http"
	"strconv"

	"symbiose/internal/auth"
	"symbiose/internal/dataset"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

// flowCreate adds a flow to a company, checked with the import's rules:
// its territory's managers and its own members. The company is the path's;
// without an id, one is generated; without a resource, the classifier
// chooses one from the label.
func (a *API) flowCreate(w http.ResponseWriter, r *http.Request) {
	t, user, c, err := a.ownCompany(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	fields, err := readFields(w, r)
	if err == nil {
		err = fixedField(fields, "company_id", c.ExtID, "the flow's company")
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if fields["id"] == "" {
		fields["id"] = "f-" + auth.NewToken()[:10]
	}
	f, problems := dataset.ParseFlow(fields, flowOptions(c))
	if len(problems.Errors()) > 0 {
		a.invalid(w, problems)
		return
	}
	if taken, err := a.flowIDTaken(r, t.ID, f.ExtID); err != nil || taken {
		if err == nil {
			err = errConflict("a flow of this territory already has id "+strconv.Quote(f.ExtID), "id")
		}
		a.fail(w, r, err)
		return
	}
	f.CompanyID = c.ID
	created, err := a.store.CreateFlow(r.Context(), f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.audit(r, user, t.ID, "create", "flow", created.ExtID, created.Label)
	a.rematch(r)
	out := flowOut(created, c, auth.Full)
	out.Warnings = fieldProblems(problems.Warnings())
	w.Header().Set("Location", territoryPath(t.ID)+"/flows/"+strconv.FormatInt(created.ID, 10))
	response.JSON(w, http.StatusCreated, out)
}

// flowOptions are the import's rules for a flow of company c.
func flowOptions(c model.Company) dataset.Options {
	return dataset.Options{KnownCompanies: map[string]bool{c.ExtID: true}, Resources: nomenclature.Taxonomy{}}
}

// flowIDTaken reports whether a flow of the territory has this dataset id.
func (a *API) flowIDTaken(r *http.Request, territoryID int64, extID string) (bool, error) {
	flows, err := a.store.Flows(r.Context(), territoryID)
	if err != nil {
		return false, err
	}
	for _, f := range flows {
		if f.ExtID == extID {
			return true, nil
		}
	}
	return false, nil
}
