package ui

import (
	"net/http"

	"symbiose/internal/auth"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/report"
	"symbiose/internal/report/load"
)

type familyCount struct {
	Family          string
	Inputs, Outputs int
}

type statusCount struct {
	Status string
	Count  int
}

type dashboardData struct {
	Companies, Flows, Visited, Completeness int
	Substitutions, Groups                   int
	Families                                []familyCount
	Statuses                                []statusCount
	// The programme's figures, as in the report: objectives against
	// results, the funnel, the yearly impact of realised synergies.
	Report report.Report
}

// dashboard shows a territory in figures: aggregates only, so observers
// may read it.
func (u *UI) dashboard(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.territory(r)
	if err == nil && !auth.CanSeeAggregates(user, t.ID) {
		err = response.Forbidden()
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ctx := r.Context()
	synergies, err := u.store.Synergies(ctx, t.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var d dashboardData
	byFamily := map[string]*familyCount{}
	for _, f := range model.Families {
		byFamily[f] = &familyCount{Family: f}
	}
	in, err := load.Input(ctx, u.store, t.ID, t.Name, lang(r))
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d.Report = report.Build(in)
	err = u.withIndex(ctx, t.ID, func(ix territoryIndex) error {
		d.Companies, d.Flows = len(ix.companies), len(ix.flows)
		for _, f := range ix.flows {
			fc := byFamily[f.Family]
			if fc == nil {
				continue
			}
			if f.Direction == model.Input {
				fc.Inputs++
			} else {
				fc.Outputs++
			}
		}
		return nil
	})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	for _, f := range model.Families {
		d.Families = append(d.Families, *byFamily[f])
	}
	counts := map[string]int{}
	for _, s := range synergies {
		counts[s.Status]++
	}
	for _, s := range model.Statuses {
		d.Statuses = append(d.Statuses, statusCount{s, counts[s]})
	}
	campaigns, err := u.store.Campaigns(ctx, t.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	visited, total := map[int64]bool{}, 0
	for _, c := range campaigns {
		visits, err := u.store.CampaignVisits(ctx, c.ID)
		if err != nil {
			u.fail(w, r, err)
			return
		}
		for _, v := range visits {
			if v.VisitedOn != "" && !visited[v.CompanyID] {
				visited[v.CompanyID] = true
				total += v.Completeness
			}
		}
	}
	d.Visited = len(visited)
	if d.Visited > 0 {
		d.Completeness = total / d.Visited
	}
	if e := u.matchers.Engine(t.ID); e != nil {
		d.Substitutions, d.Groups = e.Counts()
	}
	u.render(w, r, http.StatusOK, "dashboard", u.page(r, "Tableau de bord", d).withTerritory(t))
}
