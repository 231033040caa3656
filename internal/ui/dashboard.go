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
	in, err := load.WithoutFlows(ctx, u.store, t.ID, t.Name, lang(r))
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var d dashboardData
	byFamily := map[string]*familyCount{}
	for _, f := range model.Families {
		byFamily[f] = &familyCount{Family: f}
	}
	err = u.withIndex(ctx, t.ID, func(ix territoryIndex) error {
		d.Companies, d.Flows = len(ix.companies), len(ix.flows)
		in.Companies = make([]model.Company, 0, len(ix.companies))
		for _, c := range ix.companies {
			in.Companies = append(in.Companies, c)
		}
		in.Flows = make([]model.Flow, 0, len(ix.flows))
		for _, f := range ix.flows {
			in.Flows = append(in.Flows, f)
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
	d.Report = report.Build(in)
	for _, f := range model.Families {
		d.Families = append(d.Families, *byFamily[f])
	}
	counts := map[string]int{}
	for _, s := range in.Synergies {
		counts[s.Status]++
	}
	for _, s := range model.Statuses {
		d.Statuses = append(d.Statuses, statusCount{s, counts[s]})
	}
	visited, total := map[int64]bool{}, 0
	for _, v := range in.Visits {
		if v.VisitedOn != "" && !visited[v.CompanyID] {
			visited[v.CompanyID] = true
			total += v.Completeness
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
