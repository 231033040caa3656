package ui

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"symbiose/internal/matching"
	"symbiose/internal/model"
	"symbiose/internal/workshop"
	"symbiose/internal/workshop/printable"
)

// workshopPlan computes and saves the table plan of a bourse for its
// registered companies, honouring competitors and must-meet pairs. With
// "played" > 0, the rounds already played are kept and the others re-planned
// for the companies present: those ticked absent leave, registered
// companies missing from the played rounds (late arrivals) join.
func (u *UI) workshopPlan(w http.ResponseWriter, r *http.Request) {
	t, user, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	played, err := strconv.Atoi(r.PostFormValue("played"))
	if r.PostFormValue("played") == "" {
		played, err = 0, nil
	}
	if err != nil || played < 0 || played > len(ws.Plan) || played >= ws.Rounds {
		u.showBourse(w, r, http.StatusBadRequest, t, ws, func(d *bourseView) { d.Problem = "bourse.err_played" })
		return
	}
	registered, err := u.registered(r, ws.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	p, ids := u.planProblem(r, ws, registered, played)
	pairs, err := u.store.Pairs(r.Context(), ws.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	index := map[int64]int{}
	for i, id := range ids {
		index[id] = i
	}
	for _, pair := range pairs {
		a, okA := index[pair.A]
		b, okB := index[pair.B]
		if !okA || !okB {
			continue
		}
		if pair.Kind == model.PairCompetitors {
			p.Competitors = append(p.Competitors, [2]int{a, b})
		} else {
			p.MustMeet = append(p.MustMeet, [2]int{a, b})
		}
	}
	// Under 2 s for 100 companies; on the day, with companies waiting at
	// their tables, re-planning gets under a second (see internal/workshop).
	budget := 2 * time.Second
	if played > 0 {
		budget = time.Second
	}
	plan, err := workshop.Solve(p, 1, budget)
	if errors.Is(err, workshop.ErrInfeasible) || errors.Is(err, workshop.ErrNoPlan) {
		u.showBourse(w, r, http.StatusBadRequest, t, ws, func(d *bourseView) {
			d.Problem, d.Reason = "bourse.plan_impossible", planReason(err, lang(r))
		})
		return
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	saved := make([][][]string, len(plan.Rounds))
	for ri, round := range plan.Rounds {
		for _, table := range round {
			var ext []string
			for _, c := range table {
				ext = append(ext, p.Companies[c])
			}
			saved[ri] = append(saved[ri], ext)
		}
	}
	if err := u.store.SetWorkshopPlan(r.Context(), ws.ID, saved); err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "plan", "workshop", ws.ExtID, fmt.Sprintf("%d rounds, %d kept", len(saved), played))
	ws.Plan = saved
	u.showBourse(w, r, http.StatusOK, t, ws, func(d *bourseView) {
		d.PlanScore = &planScore{round1(plan.Score), round1(plan.UpperBound), round1(plan.Random), round1(plan.Greedy)}
	})
}

// registered returns the companies registered for a bourse.
func (u *UI) registered(r *http.Request, workshopID int64) ([]model.Participant, error) {
	all, err := u.store.Participants(r.Context(), workshopID)
	var out []model.Participant
	for _, p := range all {
		if p.Status == model.ParticipantRegistered {
			out = append(out, p)
		}
	}
	return out, err
}

// planProblem builds the optimiser's problem: registered companies, plus
// those of the kept rounds who are no longer registered (absent), with the
// potential the matching engine sees between them and the fixed tables. ids gives each
// company's database id.
func (u *UI) planProblem(r *http.Request, ws model.Workshop, registered []model.Participant, played int) (workshop.Problem, []int64) {
	var exts []string
	var ids []int64
	pos := map[string]int{}
	add := func(ext string, id int64) {
		if _, ok := pos[ext]; !ok {
			pos[ext] = len(exts)
			exts, ids = append(exts, ext), append(ids, id)
		}
	}
	absentForm := map[string]bool{}
	for _, v := range r.PostForm["absent"] {
		absentForm[v] = true
	}
	present := map[string]bool{}
	for _, p := range registered {
		add(p.CompanyExtID, p.CompanyID)
		present[p.CompanyExtID] = !absentForm[p.CompanyExtID]
	}
	p := workshop.Problem{TableSize: ws.TableSize, Rounds: ws.Rounds}
	p.Played = seatIndices(ws.Plan[:played], func(ext string) int {
		add(ext, 0) // a company of a played round no longer registered: absent
		return pos[ext]
	})
	for i, ext := range exts {
		if !present[ext] {
			p.Absent = append(p.Absent, i)
		}
	}
	for _, c := range registered {
		if c.FixedTable > 0 && present[c.CompanyExtID] {
			for round := played; round < ws.Rounds; round++ {
				p.Fixed = append(p.Fixed, workshop.Seat{Company: pos[c.CompanyExtID], Round: round, Table: c.FixedTable - 1})
			}
		}
	}
	var subs []matching.Substitution
	var groups []matching.Group
	if e := u.matchers.Engine(ws.TerritoryID); e != nil {
		subs, groups = e.Substitutions(), e.Mutualisations()
	}
	p.Companies = exts
	p.Potential = workshop.MatrixPotential(matching.PairPotential(exts, subs, groups))
	return p, ids
}

// planReason says why no plan exists, in the user's language.
func planReason(err error, lang string) string {
	var r *workshop.Reason
	if errors.As(err, &r) {
		return r.Text(lang)
	}
	return err.Error()
}

// workshopPrintables downloads the saved plan's printables: plan per
// round, a badge per participant, a card sheet per table.
func (u *UI) workshopPrintables(w http.ResponseWriter, r *http.Request) {
	t, _, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if len(ws.Plan) == 0 {
		u.fail(w, r, badRequest("bourse.err_no_plan"))
		return
	}
	cards, err := u.store.Cards(r.Context(), ws.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	companies, err := u.store.Companies(r.Context(), t.ID)
	if err == nil && len(cards) == 0 {
		cards, err = u.sharedFlows(r, t.ID) // an imported bourse has no cards: show what companies share
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	byExt := map[string]model.Company{}
	for _, c := range companies {
		byExt[c.ExtID] = c
	}
	var seated []model.Company
	pos := map[string]int{}
	rounds := seatIndices(ws.Plan, func(ext string) int {
		if _, ok := pos[ext]; !ok {
			pos[ext] = len(seated)
			seated = append(seated, byExt[ext])
		}
		return pos[ext]
	})
	var buf bytes.Buffer
	if _, err := printable.Write(&buf, printable.Event{Title: ws.Title, Date: ws.Date, Place: ws.Place},
		printable.FromFlows(seated, cards), rounds); err != nil {
		u.fail(w, r, err)
		return
	}
	sendPDF(w, fmt.Sprintf("bourse-%d.pdf", ws.ID), buf.Bytes())
}

func sendPDF(w http.ResponseWriter, name string, pdf []byte) {
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(pdf)
}

// sharedFlows are the flows of a territory that are not private, which a
// bourse without cards prints on its table sheets.
func (u *UI) sharedFlows(r *http.Request, territoryID int64) ([]model.Flow, error) {
	all, err := u.store.Flows(r.Context(), territoryID)
	var out []model.Flow
	for _, f := range all {
		if f.Visibility != model.VisibilityPrivate {
			out = append(out, f)
		}
	}
	return out, err
}

// seatIndices turns rounds of tables of company ids, as a plan is saved,
// into the indices the optimiser and the printables use; index gives each
// id its number (and may number one not seen yet).
func seatIndices(plan [][][]string, index func(ext string) int) [][][]int {
	var out [][][]int
	for _, round := range plan {
		var tables [][]int
		for _, table := range round {
			var seats []int
			for _, ext := range table {
				seats = append(seats, index(ext))
			}
			tables = append(tables, seats)
		}
		out = append(out, tables)
	}
	return out
}
