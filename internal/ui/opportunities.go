package ui

import (
	"net/http"
	"strconv"

	"symbiose/internal/auth"
	"symbiose/internal/http/response"
	"symbiose/internal/matching"
	"symbiose/internal/model"
)

func itoa(n int) string { return strconv.Itoa(n) }

// opportunitiesShown is how many substitution candidates the page lists,
// best first; the rest are counted.
const opportunitiesShown = 200

type opportunitiesData struct {
	Created       bool
	Shown, Total  int
	Substitutions []substitutionRow
	Groups        []groupRow
}

// opportunities lists substitution candidates and mutualisation groups
// with their reasons: all of them for managers, a member's own for members.
func (u *UI) opportunities(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.territory(r)
	if err == nil && !auth.CanManage(user, t.ID) && user.Role != model.RoleMember {
		err = response.Forbidden()
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ix, err := u.index(r.Context(), t.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := opportunitiesData{Created: r.URL.Query().Get("created") != ""}
	if e := u.matchers.Engine(t.ID); e != nil {
		lang := lang(r)
		if user.Role == model.RoleMember {
			own, _ := u.store.Company(r.Context(), user.CompanyID)
			d.Substitutions = visibleSubstitutions(user, e.SubstitutionsOfCompany(own.ExtID), ix, own.ID, lang)
			d.Total = len(d.Substitutions)
		} else {
			var subs []matching.Substitution
			subs, d.Total = e.TopSubstitutions(opportunitiesShown, nil)
			d.Substitutions = visibleSubstitutions(user, subs, ix, 0, lang)
		}
		d.Shown = len(d.Substitutions)
		d.Groups = visibleGroups(user, e.Mutualisations(), ix, lang)
	}
	u.render(w, r, http.StatusOK, "opportunities", u.page(r, "Opportunités", d).withTerritory(t))
}

// companySubstitutions are the candidates concerning one company.
func (u *UI) companySubstitutions(user model.User, e *matching.Engine, ix territoryIndex, c model.Company, lang string) []substitutionRow {
	if e == nil {
		return nil
	}
	return visibleSubstitutions(user, e.SubstitutionsOfCompany(c.ExtID), ix, c.ID, lang)
}
