package ui

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"symbiose/internal/http/response"
	"symbiose/internal/matching"
	"symbiose/internal/model"
	"symbiose/internal/storage"
	"symbiose/internal/workshop"
	"symbiose/internal/workshop/printable"
)

// workshops lists the territory's bourses.
func (u *UI) workshops(w http.ResponseWriter, r *http.Request) {
	t, _, err := u.managedTerritory(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	list, err := u.store.Workshops(r.Context(), t.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "workshops", u.page(r, "", struct{ Workshops []model.Workshop }{list}).withTerritory(t))
}

type workshopData struct {
	Workshop             model.Workshop
	Participants         []model.Company
	TableSize, Rounds    int
	Planned              bool
	Plan                 []planRound
	Score, Bound, Random float64
	Problem              string
	PDFQuery             string
}

// workshopPage shows a bourse's participants and, asked for a table size
// and a number of rounds, its table plan: companies with the most to
// exchange seated together, no two companies twice at the same table.
// ?format=pdf downloads the printables of that plan.
func (u *UI) workshopPage(w http.ResponseWriter, r *http.Request) {
	t, _, err := u.managedTerritory(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ws, err := u.workshopOf(r, t.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := workshopData{Workshop: ws, TableSize: 5, Rounds: 3}
	var flows []model.Flow
	participants := map[string]bool{}
	for _, ext := range ws.CompanyExtIDs {
		participants[ext] = true
	}
	err = u.withIndex(r.Context(), t.ID, func(ix territoryIndex) error {
		for _, ext := range ws.CompanyExtIDs {
			if c, ok := ix.companies[ext]; ok {
				d.Participants = append(d.Participants, c)
			}
		}
		for _, f := range ix.flows {
			if participants[f.CompanyExtID] {
				flows = append(flows, f)
			}
		}
		return nil
	})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	if q.Get("table_size") == "" {
		u.render(w, r, http.StatusOK, "workshop", u.page(r, "", d).withTerritory(t))
		return
	}
	size, errSize := strconv.Atoi(q.Get("table_size"))
	rounds, errRounds := strconv.Atoi(q.Get("rounds"))
	if errSize != nil || errRounds != nil || size < 2 || size > 20 || rounds < 1 || rounds > 12 {
		d.Problem = "workshop.invalid"
		u.render(w, r, http.StatusBadRequest, "workshop", u.page(r, "", d).withTerritory(t))
		return
	}
	d.TableSize, d.Rounds = size, rounds
	ids := make([]string, len(d.Participants))
	for i, c := range d.Participants {
		ids[i] = c.ExtID
	}
	var subs []matching.Substitution
	var groups []matching.Group
	if e := u.matchers.Engine(t.ID); e != nil {
		subs, groups = e.Substitutions(), e.Mutualisations()
	}
	p := workshop.Problem{Companies: ids, Potential: workshop.MatrixPotential(matching.PairPotential(ids, subs, groups)),
		TableSize: size, Rounds: rounds}
	plan, err := workshop.Solve(p, 1, 5*time.Second)
	if errors.Is(err, workshop.ErrInfeasible) || errors.Is(err, workshop.ErrNoPlan) {
		d.Problem = err.Error()
		u.render(w, r, http.StatusBadRequest, "workshop", u.page(r, "", d).withTerritory(t))
		return
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if q.Get("format") == "pdf" {
		var buf bytes.Buffer
		if _, err := printable.Write(&buf, printable.Event{Title: ws.Title, Date: ws.Date, Place: ws.Place},
			printable.FromFlows(d.Participants, flows), plan.Rounds); err != nil {
			u.fail(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="bourse-%d.pdf"`, ws.ID))
		w.Header().Set("Cache-Control", "no-store")
		w.Write(buf.Bytes())
		return
	}
	d.Planned, d.Score, d.Bound, d.Random = true, round1(plan.Score), round1(plan.UpperBound), round1(plan.Random)
	for r, round := range plan.Rounds {
		var tables [][]string
		for _, table := range round {
			var names []string
			for _, c := range table {
				names = append(names, d.Participants[c].Name)
			}
			tables = append(tables, names)
		}
		d.Plan = append(d.Plan, planRound{r + 1, tables})
	}
	d.PDFQuery = fmt.Sprintf("table_size=%d&rounds=%d&format=pdf", size, rounds)
	u.render(w, r, http.StatusOK, "workshop", u.page(r, "", d).withTerritory(t))
}

// planRound is a round of the plan as the page shows it: the company names
// of each table.
type planRound struct {
	Number int
	Tables [][]string
}

func round1(v float64) float64 { return float64(int64(v*10+0.5)) / 10 }

// workshopOf finds the bourse of the path within the territory.
func (u *UI) workshopOf(r *http.Request, territoryID int64) (model.Workshop, error) {
	id, err := strconv.ParseInt(r.PathValue("wid"), 10, 64)
	if err != nil {
		return model.Workshop{}, response.NotFound()
	}
	list, err := u.store.Workshops(r.Context(), territoryID)
	if err != nil {
		return model.Workshop{}, err
	}
	for _, ws := range list {
		if ws.ID == id {
			return ws, nil
		}
	}
	return model.Workshop{}, storage.ErrNotFound
}
