package ui

import (
	"net/http"
	"strconv"
	"strings"

	"symbiose/internal/auth"
	"symbiose/internal/http/response"
	"symbiose/internal/matching"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
	"symbiose/internal/worker"
)

func itoa(n int) string { return strconv.Itoa(n) }

// opportunitiesShown is how many substitution candidates the page lists,
// best first; the rest are counted.
const opportunitiesShown = 200

type opportunitiesData struct {
	Created       bool
	Shown, Total  int
	Query, Family string
	MinScore      string
	Families      []string
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
	q := r.URL.Query()
	d := opportunitiesData{Created: q.Get("created") != "", Query: strings.TrimSpace(q.Get("q")), Family: q.Get("family"),
		MinScore: q.Get("min_score"), Families: model.Families}
	minScore, _ := strconv.ParseFloat(strings.Replace(d.MinScore, ",", ".", 1), 64)
	needle := nomenclature.Fold(d.Query)
	var own model.Company
	if user.Role == model.RoleMember {
		if own, err = u.store.Company(r.Context(), user.CompanyID); err != nil {
			u.fail(w, r, err)
			return
		}
	}
	if e := u.matchers.Engine(t.ID); e != nil {
		lang := lang(r)
		var subs []matching.Substitution
		if user.Role == model.RoleMember {
			subs = e.SubstitutionsOfCompany(own.ExtID)
			d.Total = len(subs)
		} else {
			var keep func(out, in model.Flow, score float64) bool
			if needle != "" || d.Family != "" || minScore > 0 {
				names := map[string]string{}
				u.matchers.View(t.ID, func(s worker.Snapshot) {
					for id, c := range s.Companies {
						names[id] = nomenclature.Fold(c.Name)
					}
				})
				keep = func(out, in model.Flow, score float64) bool {
					if score < minScore || (d.Family != "" && out.Family != d.Family && in.Family != d.Family) {
						return false
					}
					return needle == "" || strings.Contains(names[out.CompanyExtID], needle) ||
						strings.Contains(names[in.CompanyExtID], needle) || strings.Contains(nomenclature.Fold(out.Label+" "+in.Label), needle)
				}
			}
			subs, d.Total = e.TopSubstitutionsWhere(opportunitiesShown, keep)
		}
		groups := e.Mutualisations()
		err = u.withIndex(r.Context(), t.ID, func(ix territoryIndex) error {
			d.Substitutions = visibleSubstitutions(user, subs, ix, own.ID, lang)
			d.Groups = visibleGroups(user, groups, ix, lang)
			return nil
		})
		d.Shown = len(d.Substitutions)
		if user.Role == model.RoleMember {
			d.Total = d.Shown
		}
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "opportunities", u.page(r, "Opportunités", d).withTerritory(t))
}
