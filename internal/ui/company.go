package ui

import (
	"net/http"

	"symbiose/internal/auth"
	"symbiose/internal/http/request"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

type flowRow struct {
	model.Flow
	ResourceLabel string
}

type companyData struct {
	Company       model.Company
	Activity      string
	Flows         []flowRow
	Contacts      []model.Contact
	Substitutions []substitutionRow
}

// company shows one company: its flows, contacts and opportunities. Its
// territory's managers and its own members may open it.
func (u *UI) company(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.territory(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	id, ok := request.IDParam(r, "cid")
	if !ok {
		u.fail(w, r, response.NotFound())
		return
	}
	if !auth.CanManage(user, t.ID) && !(user.Role == model.RoleMember && user.CompanyID == id) {
		u.fail(w, r, response.Forbidden()) // whether the company exists is not theirs to know
		return
	}
	c, err := u.store.Company(r.Context(), id)
	if err == nil && c.TerritoryID != t.ID {
		err = response.NotFound()
	}
	if err == nil && !auth.CanSeeCompany(user, c) {
		err = response.Forbidden()
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	lang := lang(r)
	d := companyData{Company: c}
	if a, ok := nomenclature.LookupActivity(c.NAF); ok {
		d.Activity = a.LabelFR
		if lang == "en" {
			d.Activity = a.LabelEN
		}
	}
	flows, err := u.store.FlowsOfCompany(r.Context(), c.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	for _, f := range flows {
		d.Flows = append(d.Flows, flowRow{f, resourceLabel(f.Resource, lang)})
	}
	if d.Contacts, err = u.store.ContactsOfCompany(r.Context(), c.ID); err != nil {
		u.fail(w, r, err)
		return
	}
	if e := u.matchers.Engine(t.ID); e != nil {
		subs := e.SubstitutionsOfCompany(c.ExtID)
		err = u.withIndex(r.Context(), t.ID, func(ix territoryIndex) error {
			d.Substitutions = visibleSubstitutions(user, subs, ix, c.ID, lang)
			return nil
		})
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "company", u.page(r, c.Name, d).withTerritory(t))
}
