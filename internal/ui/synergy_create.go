package ui

import (
	"net/http"
	"strings"

	"symbiose/internal/dataset"
	"symbiose/internal/model"
)

// synergyCreate turns an opportunity into a detected synergy of the
// pipeline: a substitution between two flows, or a mutualisation of
// companies.
func (u *UI) synergyCreate(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.managedTerritory(r)
	if err == nil && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ix, err := u.readIndex(r.Context(), t.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	opt := dataset.Options{KnownCompanies: map[string]bool{}, KnownFlows: map[string]model.Direction{}}
	for id := range ix.companies {
		opt.KnownCompanies[id] = true
	}
	for id, f := range ix.flows {
		opt.KnownFlows[id] = f.Direction
	}
	fields := formValues(r, []string{"type", "output_flow_id", "input_flow_id", "company_ids", "resource", "label"})
	fields["status"] = model.StatusDetected
	sy, problems := dataset.ParseSynergy(fields, opt)
	if errs := problems.Errors(); len(errs) > 0 {
		u.fail(w, r, badForm(errs))
		return
	}
	sy.ExtID, sy.TerritoryID = "", t.ID
	if sy.Label == "" && sy.Type == model.Substitution {
		sy.Label = ix.flows[sy.OutputFlowExtID].Label + " → " + ix.flows[sy.InputFlowExtID].Label
	}
	created, err := u.store.CreateSynergy(r.Context(), sy, user.Email)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "create", "synergy", created.ExtID, strings.TrimSpace(created.Label))
	http.Redirect(w, r, "/t/"+itoa64(t.ID)+"/opportunities?created="+created.ExtID, http.StatusSeeOther)
}
