package ui

import (
	"math"
	"net/http"
	"sort"

	"symbiose/internal/auth"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
)

type mapData struct {
	Families []string
	TileURL  string
}

// mapPage shows companies and flows on a map, filtered by family.
func (u *UI) mapPage(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.territory(r)
	if err == nil && !auth.CanManage(user, t.ID) && user.Role != model.RoleMember {
		err = response.Forbidden()
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "map", u.page(r, "Carte", mapData{Families: model.Families, TileURL: u.opt.TileURL}).withTerritory(t))
}

// mapPoint is one marker: a company, or for a member an anonymous flow
// placed about 5 km from where it really is.
type mapPoint struct {
	Lat       float64  `json:"lat"`
	Lon       float64  `json:"lon"`
	Name      string   `json:"name,omitempty"`
	URL       string   `json:"url,omitempty"`
	Anonymous bool     `json:"anonymous,omitempty"`
	Families  []string `json:"families"`
	Labels    []string `json:"labels"`
}

// anonymousGrid is the size in degrees of the cells anonymous flows are
// shown in: about 5 km, so that no company can be pointed at.
const anonymousGrid = 0.05

// mapPoints returns the markers the user may see.
func (u *UI) mapPoints(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.territory(r)
	if err == nil && !auth.CanManage(user, t.ID) && user.Role != model.RoleMember {
		err = response.Forbidden()
	}
	if err != nil {
		response.JSONError(w, r, u.log, err)
		return
	}
	points := map[string]*mapPoint{}
	add := func(key string, p mapPoint, f model.Flow) {
		pt := points[key]
		if pt == nil {
			pt = &p
			points[key] = pt
		}
		if !contains(pt.Families, f.Family) {
			pt.Families = append(pt.Families, f.Family)
		}
		pt.Labels = append(pt.Labels, f.Label)
	}
	err = u.withIndex(r.Context(), t.ID, func(ix territoryIndex) error {
		for _, f := range ix.flows {
			c := ix.companies[f.CompanyExtID]
			if !c.HasLocation() {
				continue
			}
			switch auth.FlowAccess(user, f, c) {
			case auth.Full:
				url := ""
				if auth.CanSeeCompany(user, c) {
					url = "/t/" + itoa64(t.ID) + "/companies/" + itoa64(c.ID)
				}
				add("c:"+c.ExtID, mapPoint{Lat: *c.Lat, Lon: *c.Lon, Name: c.Name, URL: url}, f)
			case auth.Anonymous:
				lat := math.Round(*c.Lat/anonymousGrid) * anonymousGrid
				lon := math.Round(*c.Lon/anonymousGrid) * anonymousGrid
				add("a:"+itoa64(int64(lat*1000))+":"+itoa64(int64(lon*1000)), mapPoint{Lat: lat, Lon: lon, Anonymous: true}, f)
			}
		}
		return nil
	})
	if err != nil {
		response.JSONError(w, r, u.log, err)
		return
	}
	order := map[string]int{}
	for i, f := range model.Families {
		order[f] = i
	}
	out := make([]mapPoint, 0, len(points))
	for _, p := range points {
		sort.Strings(p.Labels)
		sort.Slice(p.Families, func(i, j int) bool { return order[p.Families[i]] < order[p.Families[j]] })
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Lat != out[j].Lat {
			return out[i].Lat < out[j].Lat
		}
		return out[i].Lon < out[j].Lon
	})
	response.JSON(w, http.StatusOK, map[string]any{"points": out})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
