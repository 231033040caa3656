package ui

import (
	"net/http"
	"strconv"

	"symbiose/internal/dataset"
	"symbiose/internal/http/access"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

type resourceOption struct{ Code, Label string }

type flowFormData struct {
	Company                                            model.Company
	Editing                                            bool
	Action                                             string
	F                                                  map[string]string // the form's values, by interchange field
	Problems                                           dataset.Problems
	Families, Units, Periods, Treatments, Visibilities []string
	Resources                                          []resourceOption
}

var formUnits = []string{"t", "kg", "m3", "L", "MWh", "kWh", "unit", "pallet", "h", "m2"}

// flowFields are the form fields of a flow, named as in the interchange format.
var flowFields = []string{"direction", "family", "label", "resource", "ewc", "quantity", "unit", "period", "quality",
	"treatment", "cost_eur", "visibility"}

func (u *UI) flowForm(r *http.Request, c model.Company, editing bool, action string, values map[string]string, problems dataset.Problems) flowFormData {
	lang := lang(r)
	d := flowFormData{Company: c, Editing: editing, Action: action, F: values, Problems: problems, Families: model.Families,
		Units: formUnits, Periods: model.Periods, Treatments: model.Treatments,
		Visibilities: []string{model.VisibilityAnonymous, model.VisibilityPublic, model.VisibilityPrivate}}
	for _, res := range nomenclature.Resources() {
		d.Resources = append(d.Resources, resourceOption{res.Code, res.Label(lang)})
	}
	return d
}

// editableCompany returns the company of the path if the user may edit it.
func (u *UI) editableCompany(r *http.Request) (model.Territory, model.User, model.Company, error) {
	return access.Company(u.store, r)
}

// flowNew shows an empty flow form.
func (u *UI) flowNew(w http.ResponseWriter, r *http.Request) {
	t, _, c, err := u.editableCompany(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	values := map[string]string{"direction": "output", "period": "year", "unit": "t", "visibility": model.VisibilityAnonymous}
	action := "/t/" + itoa64(t.ID) + "/companies/" + itoa64(c.ID) + "/flows"
	u.render(w, r, http.StatusOK, "flow_form", u.page(r, "", u.flowForm(r, c, false, action, values, nil)).withTerritory(t))
}

// flowCreate checks a posted flow with the import's rules and saves it.
func (u *UI) flowCreate(w http.ResponseWriter, r *http.Request) {
	t, user, c, err := u.editableCompany(r)
	if err == nil && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	values := formValues(r, flowFields)
	action := "/t/" + itoa64(t.ID) + "/companies/" + itoa64(c.ID) + "/flows"
	f, problems := parseFlowForm(values, c)
	if len(problems.Errors()) > 0 {
		u.render(w, r, http.StatusBadRequest, "flow_form", u.page(r, "", u.flowForm(r, c, false, action, values, problems.Errors())).withTerritory(t))
		return
	}
	f.ExtID, f.CompanyID = "", c.ID
	created, err := u.store.CreateFlow(r.Context(), f)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "create", "flow", created.ExtID, created.Label)
	u.apply(r, t.ID, nil, []model.Flow{created})
	http.Redirect(w, r, "/t/"+itoa64(t.ID)+"/companies/"+itoa64(c.ID), http.StatusSeeOther)
}

// parseFlowForm reads a flow form with the import's rules; an empty
// resource is classified from the label.
func parseFlowForm(values map[string]string, c model.Company) (model.Flow, dataset.Problems) {
	fields := map[string]string{"company_id": c.ExtID}
	for k, v := range values {
		fields[k] = v
	}
	return dataset.ParseFlow(fields, dataset.Options{KnownCompanies: map[string]bool{c.ExtID: true}, Resources: nomenclature.Taxonomy{}})
}

func formValues(r *http.Request, names []string) map[string]string {
	out := make(map[string]string, len(names))
	for _, n := range names {
		out[n] = r.PostFormValue(n)
	}
	return out
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// audit records a change; a failure to record is logged, not shown, since
// the change itself is made.
func (u *UI) audit(r *http.Request, user model.User, territoryID int64, action, entity, id, detail string) {
	if err := u.store.Audit(r.Context(), model.AuditEntry{UserID: user.ID, TerritoryID: territoryID, Action: action,
		Entity: entity, EntityID: id, Detail: detail}); err != nil {
		response.Log(u.log, r, err)
	}
}

// apply gives the matching engine what a page just wrote, so that the next
// page already shows its opportunities.
func (u *UI) apply(r *http.Request, territoryID int64, companies []model.Company, flows []model.Flow) {
	if err := u.matchers.Apply(r.Context(), territoryID, companies, flows); err != nil {
		response.Log(u.log, r, err)
	}
}

// rematch brings the matching engines up to date with the database, after
// changes too many to apply one by one (an import).
func (u *UI) rematch(r *http.Request) {
	if err := u.matchers.Refresh(r.Context()); err != nil {
		response.Log(u.log, r, err)
	}
}
