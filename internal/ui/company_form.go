package ui

import (
	"net/http"
	"strconv"
	"strings"

	"symbiose/internal/dataset"
	"symbiose/internal/http/access"
	"symbiose/internal/model"
)

type companyFormData struct {
	Editing  bool
	Action   string
	F        map[string]string
	Problems dataset.Problems
}

var companyFields = []string{"name", "siret", "naf", "employees", "address", "postcode", "city", "lat", "lon", "zone", "tags"}

// managedTerritory returns the territory of the path if the user manages it.
func (u *UI) managedTerritory(r *http.Request) (model.Territory, model.User, error) {
	return access.Managed(u.store, r)
}

func (u *UI) companyNew(w http.ResponseWriter, r *http.Request) {
	t, _, err := u.managedTerritory(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := companyFormData{Action: "/t/" + itoa64(t.ID) + "/companies", F: map[string]string{}}
	u.render(w, r, http.StatusOK, "company_form", u.page(r, "", d).withTerritory(t))
}

// parseCompanyForm reads a company form with the import's rules. Missing
// coordinates are only a warning there, and here too.
func parseCompanyForm(values map[string]string, extID string) (model.Company, dataset.Problems) {
	fields := map[string]string{"id": extID}
	for k, v := range values {
		fields[k] = v
	}
	return dataset.ParseCompany(fields, dataset.Options{})
}

func (u *UI) companyCreate(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.managedTerritory(r)
	if err == nil && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	values := formValues(r, companyFields)
	c, problems := parseCompanyForm(values, "new")
	if len(problems.Errors()) > 0 {
		d := companyFormData{Action: "/t/" + itoa64(t.ID) + "/companies", F: values, Problems: problems.Errors()}
		u.render(w, r, http.StatusBadRequest, "company_form", u.page(r, "", d).withTerritory(t))
		return
	}
	c.ExtID, c.TerritoryID = "", t.ID
	created, err := u.store.CreateCompany(r.Context(), c)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "create", "company", created.ExtID, created.Name)
	u.apply(r, t.ID, []model.Company{created}, nil)
	http.Redirect(w, r, "/t/"+itoa64(t.ID)+"/companies/"+itoa64(created.ID), http.StatusSeeOther)
}

func companyValues(c model.Company) map[string]string {
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	emp := ""
	if c.Employees != nil {
		emp = strconv.Itoa(*c.Employees)
	}
	return map[string]string{"name": c.Name, "siret": c.SIRET, "naf": c.NAF, "employees": emp, "address": c.Address,
		"postcode": c.Postcode, "city": c.City, "lat": num(c.Lat), "lon": num(c.Lon), "zone": c.Zone, "tags": strings.Join(c.Tags, ";")}
}

func (u *UI) companyEdit(w http.ResponseWriter, r *http.Request) {
	t, _, c, err := u.editableCompany(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := companyFormData{Editing: true, Action: "/t/" + itoa64(t.ID) + "/companies/" + itoa64(c.ID), F: companyValues(c)}
	u.render(w, r, http.StatusOK, "company_form", u.page(r, "", d).withTerritory(t))
}

func (u *UI) companyUpdate(w http.ResponseWriter, r *http.Request) {
	t, user, old, err := u.editableCompany(r)
	if err == nil && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	values := formValues(r, companyFields)
	c, problems := parseCompanyForm(values, old.ExtID)
	if len(problems.Errors()) > 0 {
		d := companyFormData{Editing: true, Action: "/t/" + itoa64(t.ID) + "/companies/" + itoa64(old.ID), F: values, Problems: problems.Errors()}
		u.render(w, r, http.StatusBadRequest, "company_form", u.page(r, "", d).withTerritory(t))
		return
	}
	c.ID, c.ExtID, c.TerritoryID = old.ID, old.ExtID, old.TerritoryID
	if err := u.store.UpdateCompany(r.Context(), c); err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "update", "company", c.ExtID, c.Name)
	u.apply(r, t.ID, []model.Company{c}, nil)
	http.Redirect(w, r, "/t/"+itoa64(t.ID)+"/companies/"+itoa64(c.ID), http.StatusSeeOther)
}
