package ui

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"symbiose/internal/auth"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

type section struct{ Code, Label string }

// companiesPerPage keeps the list quick to send and read on a phone.
const companiesPerPage = 100

type companiesData struct {
	Total, Page, Pages           int
	PrevURL, NextURL             string
	Query, Section, Zone, Family string
	Sections                     []section
	Zones, Families              []string
	Companies                    []model.Company
}

// companies lists a territory's companies with search and filters (NAF
// section, activity zone, family of flows); managers only.
func (u *UI) companies(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.territory(r)
	if err == nil && !auth.CanManage(user, t.ID) {
		err = response.Forbidden()
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	d := companiesData{Query: strings.TrimSpace(q.Get("q")), Section: q.Get("section"), Zone: q.Get("zone"),
		Family: q.Get("family"), Families: model.Families}
	all, err := u.store.Companies(r.Context(), t.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	withFamily := map[string]bool{}
	if d.Family != "" {
		err := u.withIndex(r.Context(), t.ID, func(ix territoryIndex) error {
			for _, f := range ix.flows {
				if f.Family == d.Family {
					withFamily[f.CompanyExtID] = true
				}
			}
			return nil
		})
		if err != nil {
			u.fail(w, r, err)
			return
		}
	}
	sections, zones := map[string]bool{}, map[string]bool{}
	needle := nomenclature.Fold(d.Query)
	for _, c := range all {
		sec := nomenclature.Section(c.NAF)
		if sec != "" {
			sections[sec] = true
		}
		if c.Zone != "" {
			zones[c.Zone] = true
		}
		switch {
		case needle != "" && !strings.Contains(nomenclature.Fold(c.Name+" "+c.City+" "+c.Zone+" "+c.NAF), needle):
		case d.Section != "" && sec != d.Section:
		case d.Zone != "" && c.Zone != d.Zone:
		case d.Family != "" && !withFamily[c.ExtID]:
		default:
			d.Companies = append(d.Companies, c)
		}
	}
	lang := lang(r)
	for code := range sections {
		a, _ := nomenclature.LookupActivity(code)
		label := a.LabelFR
		if lang == "en" {
			label = a.LabelEN
		}
		d.Sections = append(d.Sections, section{code, label})
	}
	sort.Slice(d.Sections, func(i, j int) bool { return d.Sections[i].Code < d.Sections[j].Code })
	for z := range zones {
		d.Zones = append(d.Zones, z)
	}
	sort.Strings(d.Zones)
	keys := make(map[int64]string, len(d.Companies)) // fold each name once, not at every comparison
	for _, c := range d.Companies {
		keys[c.ID] = nomenclature.Fold(c.Name)
	}
	sort.Slice(d.Companies, func(i, j int) bool { return keys[d.Companies[i].ID] < keys[d.Companies[j].ID] })
	d.Total = len(d.Companies)
	d.Pages = max(1, (d.Total+companiesPerPage-1)/companiesPerPage)
	d.Page, _ = strconv.Atoi(q.Get("page"))
	d.Page = min(max(d.Page, 1), d.Pages)
	d.Companies = d.Companies[(d.Page-1)*companiesPerPage : min(d.Total, d.Page*companiesPerPage)]
	link := func(page int) string {
		v := url.Values{}
		for _, k := range []string{"q", "section", "zone", "family"} {
			if q.Get(k) != "" {
				v.Set(k, q.Get(k))
			}
		}
		v.Set("page", strconv.Itoa(page))
		return "?" + v.Encode()
	}
	if d.Page > 1 {
		d.PrevURL = link(d.Page - 1)
	}
	if d.Page < d.Pages {
		d.NextURL = link(d.Page + 1)
	}
	u.render(w, r, http.StatusOK, "companies", u.page(r, "Entreprises", d).withTerritory(t))
}
