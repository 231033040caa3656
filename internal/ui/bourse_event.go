package ui

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"symbiose/internal/bourse"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
)

// bourseParticipant is a row of the event page's participant list.
type bourseParticipant struct {
	model.Participant
	Link             string
	Resources, Needs int
}

type bourseStaff struct {
	model.Staff
	Link string
}

type boursePair struct {
	A, B         int64
	AName, BName string
	Kind         string
}

// bourseView is everything the event page shows.
type bourseView struct {
	Workshop     model.Workshop
	Participants []bourseParticipant
	Registered   []model.Participant
	Counts       map[string]int
	Invitable    []model.Company
	Staff        []bourseStaff
	Pairs        []boursePair
	Plan         []planRound
	PlanScore    *planScore
	Problem      string // locale key
	Reason       string // why a plan is impossible, in the user's language
	Links        []introLink
	Sent         int
	Stats        bourse.Stats
	Synergies    int
}

type planScore struct{ Score, Bound, Random, Greedy float64 }

// workshopCreate adds a bourse from the list page's form.
func (u *UI) workshopCreate(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.managedTerritory(r)
	if err == nil && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ws, err := workshopForm(r, model.Workshop{TerritoryID: t.ID})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ws, err = u.store.CreateWorkshop(r.Context(), ws)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "create", "workshop", ws.ExtID, ws.Title)
	http.Redirect(w, r, bourseURL(t.ID, ws.ID), http.StatusSeeOther)
}

// workshopUpdate saves a bourse's settings.
func (u *UI) workshopUpdate(w http.ResponseWriter, r *http.Request) {
	t, user, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ws, err = workshopForm(r, ws)
	if err == nil {
		err = u.store.UpdateWorkshop(r.Context(), ws)
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.audit(r, user, t.ID, "update", "workshop", ws.ExtID, ws.Title)
	http.Redirect(w, r, bourseURL(t.ID, ws.ID), http.StatusSeeOther)
}

// workshopForm reads and checks a bourse's settings.
func workshopForm(r *http.Request, ws model.Workshop) (model.Workshop, error) {
	bad := badRequest
	ws.Title = strings.TrimSpace(r.PostFormValue("title"))
	ws.Date = strings.TrimSpace(r.PostFormValue("date"))
	ws.Place = strings.TrimSpace(r.PostFormValue("place"))
	ws.CardsDue = strings.TrimSpace(r.PostFormValue("cards_due"))
	if ws.Title == "" || len(ws.Title) > 200 {
		return ws, bad("bourse.err_title")
	}
	if !isoDate(ws.Date) || (ws.CardsDue != "" && !isoDate(ws.CardsDue)) {
		return ws, bad("bourse.err_date")
	}
	num := func(name string, def, lo, hi int) (int, bool) {
		s := strings.TrimSpace(r.PostFormValue(name))
		if s == "" {
			return def, true
		}
		n, err := strconv.Atoi(s)
		return n, err == nil && n >= lo && n <= hi
	}
	var ok1, ok2, ok3 bool
	ws.Capacity, ok1 = num("capacity", 0, 0, 1000)
	ws.TableSize, ok2 = num("table_size", 5, 2, 20)
	ws.Rounds, ok3 = num("rounds", 3, 1, 12)
	if !ok1 || !ok2 || !ok3 {
		return ws, bad("bourse.err_numbers")
	}
	return ws, nil
}

// badRequest is a 400 whose message is a locale key.
func badRequest(key string) error {
	return &response.Error{Status: http.StatusBadRequest, Message: key}
}

func isoDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func bourseURL(territoryID, workshopID int64) string {
	return "/t/" + itoa64(territoryID) + "/workshops/" + itoa64(workshopID)
}

// managedBourse returns the bourse of the path for a facilitator of its
// territory; for writes, it checks the anti-forgery token too.
func (u *UI) managedBourse(r *http.Request) (model.Territory, model.User, model.Workshop, error) {
	t, user, err := u.managedTerritory(r)
	if err != nil {
		return t, user, model.Workshop{}, err
	}
	if r.Method == http.MethodPost && !checkCSRF(r) {
		return t, user, model.Workshop{}, errForbiddenCSRF
	}
	id, err := strconv.ParseInt(r.PathValue("wid"), 10, 64)
	if err != nil {
		return t, user, model.Workshop{}, response.NotFound()
	}
	ws, err := u.store.Workshop(r.Context(), t.ID, id)
	return t, user, ws, err
}

// workshopPage is the event page: settings, invitations, staff, plan
// constraints and plan, links to the live screen, follow-up and figures.
func (u *UI) workshopPage(w http.ResponseWriter, r *http.Request) {
	t, _, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.showBourse(w, r, http.StatusOK, t, ws, nil)
}

// showBourse renders the event page, with what the action just did added
// by add (nil when nothing).
func (u *UI) showBourse(w http.ResponseWriter, r *http.Request, status int, t model.Territory, ws model.Workshop, add func(*bourseView)) {
	d, err := u.bourseView(r, t, ws)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if add != nil {
		add(&d)
	}
	u.renderBourse(w, r, status, t, d)
}

func (u *UI) renderBourse(w http.ResponseWriter, r *http.Request, status int, t model.Territory, d bourseView) {
	u.render(w, r, status, "workshop", u.page(r, "", d).withTerritory(t))
}

// bourseView gathers the event page's data.
func (u *UI) bourseView(r *http.Request, t model.Territory, ws model.Workshop) (bourseView, error) {
	ctx := r.Context()
	d := bourseView{Workshop: ws, Counts: map[string]int{}}
	parts, err := u.store.Participants(ctx, ws.ID)
	if err != nil {
		return d, err
	}
	cards, err := u.store.Cards(ctx, ws.ID)
	if err != nil {
		return d, err
	}
	perCompany := map[int64][2]int{}
	for _, f := range cards {
		n := perCompany[f.CompanyID]
		if f.Direction == model.Output {
			n[0]++
		} else {
			n[1]++
		}
		perCompany[f.CompanyID] = n
	}
	invited := map[int64]bool{}
	names := map[int64]string{}
	for _, p := range parts {
		link, _, err := u.participantLink(r, ws.ID, p.CompanyID)
		if err != nil {
			return d, err
		}
		n := perCompany[p.CompanyID]
		d.Participants = append(d.Participants, bourseParticipant{Participant: p, Link: link, Resources: n[0], Needs: n[1]})
		d.Counts[p.Status]++
		invited[p.CompanyID] = true
		names[p.CompanyID] = p.CompanyName
		if p.Status == model.ParticipantRegistered {
			d.Registered = append(d.Registered, p)
		}
	}
	companies, err := u.store.Companies(ctx, t.ID)
	if err != nil {
		return d, err
	}
	for _, c := range companies {
		if !invited[c.ID] {
			d.Invitable = append(d.Invitable, c)
		}
	}
	staff, err := u.store.StaffOf(ctx, ws.ID)
	if err != nil {
		return d, err
	}
	for _, st := range staff {
		link, _, err := u.staffLink(r, st)
		if err != nil {
			return d, err
		}
		d.Staff = append(d.Staff, bourseStaff{st, link})
	}
	pairs, err := u.store.Pairs(ctx, ws.ID)
	if err != nil {
		return d, err
	}
	for _, p := range pairs {
		d.Pairs = append(d.Pairs, boursePair{p.A, p.B, names[p.A], names[p.B], p.Kind})
	}
	byExt := map[string]string{}
	for _, c := range companies {
		byExt[c.ExtID] = c.Name
	}
	d.Plan = namedPlan(ws.Plan, func(ext string) string { return byExt[ext] })
	interests, err := u.store.Interests(ctx, ws.ID)
	if err != nil {
		return d, err
	}
	for _, in := range interests {
		if in.SynergyID != 0 {
			d.Synergies++
		}
	}
	d.Stats = bourse.Compute(parts, cards, interests)
	return d, nil
}

// namedPlan turns a plan of ids into the names the page shows.
func namedPlan(plan [][][]string, name func(string) string) []planRound {
	var out []planRound
	for r, round := range plan {
		var tables [][]string
		for _, table := range round {
			var names []string
			for _, id := range table {
				names = append(names, name(id))
			}
			tables = append(tables, names)
		}
		out = append(out, planRound{r + 1, tables})
	}
	return out
}

// planRound is a round of the plan as the page shows it: the company names
// of each table.
type planRound struct {
	Number int
	Tables [][]string
}

func round1(v float64) float64 { return float64(int64(v*10+0.5)) / 10 }
