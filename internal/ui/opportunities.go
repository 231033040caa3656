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

type opportunitiesData struct {
	Created       bool
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
		d.Substitutions = visibleSubstitutions(user, e.Substitutions(), ix, 0, lang)
		d.Groups = visibleGroups(user, e.Mutualisations(), ix, lang)
	}
	u.render(w, r, http.StatusOK, "opportunities", u.page(r, "Opportunités", d).withTerritory(t))
}

// companySubstitutions are the candidates concerning one company.
func (u *UI) companySubstitutions(user model.User, e *matching.Engine, ix territoryIndex, companyID int64, lang string) []substitutionRow {
	if e == nil {
		return nil
	}
	return visibleSubstitutions(user, e.Substitutions(), ix, companyID, lang)
}
