package ui

import (
	"net/http"
	"strconv"

	"symbiose/internal/auth"
	"symbiose/internal/http/request"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

// editableFlow returns the flow of the path and its company if the user may
// edit them.
func (u *UI) editableFlow(r *http.Request) (model.Territory, model.User, model.Company, model.Flow, error) {
	t, user, err := u.territory(r)
	if err != nil {
		return t, user, model.Company{}, model.Flow{}, err
	}
	id, ok := request.IDParam(r, "fid")
	if !ok {
		return t, user, model.Company{}, model.Flow{}, response.NotFound()
	}
	f, err := u.store.Flow(r.Context(), id)
	if err != nil {
		return t, user, model.Company{}, f, err
	}
	c, err := u.store.Company(r.Context(), f.CompanyID)
	if err == nil && c.TerritoryID != t.ID {
		err = response.NotFound()
	}
	if err == nil && !auth.CanEditCompany(user, c) {
		err = response.Forbidden()
	}
	return t, user, c, f, err
}

func flowValues(f model.Flow) map[string]string {
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	ewc := ""
	if w, ok := nomenclature.LookupWaste(f.EWC); ok {
		ewc = w.Display()
	}
	return map[string]string{"direction": string(f.Direction), "family": f.Family, "label": f.Label, "resource": f.Resource,
		"ewc": ewc, "quantity": num(f.Quantity), "unit": f.Unit, "period": f.Period, "quality": f.Quality,
		"treatment": f.Treatment, "cost_eur": num(f.CostEUR), "visibility": f.Visibility}
}

// flowEdit shows a flow's form.
func (u *UI) flowEdit(w http.ResponseWriter, r *http.Request) {
	t, _, c, f, err := u.editableFlow(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	action := "/t/" + itoa64(t.ID) + "/flows/" + itoa64(f.ID)
	u.render(w, r, http.StatusOK, "flow_form", u.page(r, "", u.flowForm(r, c, true, action, flowValues(f), nil)).withTerritory(t))
}

// flowUpdate checks and saves a changed flow.
func (u *UI) flowUpdate(w http.ResponseWriter, r *http.Request) {
	t, user, c, old, err := u.editableFlow(r)
	if err == nil && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	values := formValues(r, flowFields)
	f, problems := parseFlowForm(values, c)
	if len(problems.Errors()) > 0 {
		action := "/t/" + itoa64(t.ID) + "/flows/" + itoa64(old.ID)
		u.render(w, r, http.StatusBadRequest, "flow_form", u.page(r, "", u.flowForm(r, c, true, action, values, problems.Errors())).withTerritory(t))
		return
	}
	f.ID, f.ExtID, f.CompanyID = old.ID, old.ExtID, old.CompanyID
	if f.Resource == old.Resource && values["resource"] != "" {
		f.ResourceConfidence = old.ResourceConfidence // unchanged: keep how it was chosen
	}
	if err := u.store.UpdateFlow(r.Context(), f); err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "update", "flow", f.ExtID, f.Label)
	u.apply(r, t.ID, nil, []model.Flow{f})
	http.Redirect(w, r, "/t/"+itoa64(t.ID)+"/companies/"+itoa64(c.ID), http.StatusSeeOther)
}

// flowDelete removes a flow.
func (u *UI) flowDelete(w http.ResponseWriter, r *http.Request) {
	t, user, c, f, err := u.editableFlow(r)
	if err == nil && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err == nil {
		err = u.store.RemoveFlow(r.Context(), f.ID)
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "delete", "flow", f.ExtID, f.Label)
	u.matchers.RemoveFlow(t.ID, f.ExtID)
	http.Redirect(w, r, "/t/"+itoa64(t.ID)+"/companies/"+itoa64(c.ID), http.StatusSeeOther)
}
