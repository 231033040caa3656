package ui

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"symbiose/internal/http/request"
	"symbiose/internal/model"
	"symbiose/internal/synergy"
)

// card is a synergy as the board shows it.
type card struct {
	ID                       int64
	Title, Companies, Status string
	Owner, NextAction        string
	NextActionOn             string
	Stale, Overdue           bool
}

type column struct {
	Status string
	Cards  []card
}

type synergiesData struct {
	Type, Nature, View    string
	Mine, StaleOnly       bool
	Natures               []string
	Cards                 []card
	Columns               []column
	StaleCount            int
	BoardQuery, ListQuery string
}

// staleAfter is how long a synergy of the territory may go without
// activity before it is flagged: the server's option when set (tests),
// else the territory's setting.
func (u *UI) staleAfter(r *http.Request, territoryID int64) (time.Duration, error) {
	if u.opt.StaleAfter > 0 {
		return u.opt.StaleAfter, nil
	}
	rs, err := u.store.ReminderSettingsOf(r.Context(), territoryID)
	return time.Duration(rs.StaleDays) * 24 * time.Hour, err
}

// synergies shows the pipeline as a board (one column per status) or a
// list, with filters; synergies without recent activity are flagged.
func (u *UI) synergies(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.managedTerritory(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	d := synergiesData{Type: q.Get("type"), Nature: q.Get("nature"), View: q.Get("view"), Mine: q.Get("mine") != "",
		StaleOnly: q.Get("stale") != "", Natures: synergy.Natures}
	all, err := u.store.Synergies(r.Context(), t.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	names := u.companyNames(r, t.ID)
	now := time.Now()
	stale, err := u.staleAfter(r, t.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	byStatus := map[string][]card{}
	for _, s := range all {
		c := u.card(s, names, now, stale)
		switch {
		case d.Type != "" && s.Type != d.Type:
		case d.Nature != "" && s.Nature != d.Nature:
		case d.Mine && s.OwnerID != user.ID:
		case d.StaleOnly && !c.Stale:
		default:
			d.Cards = append(d.Cards, c)
			byStatus[s.Status] = append(byStatus[s.Status], c)
			if c.Stale {
				d.StaleCount++
			}
		}
	}
	for _, st := range model.Statuses {
		d.Columns = append(d.Columns, column{st, byStatus[st]})
	}
	v := url.Values{}
	for _, k := range []string{"type", "nature", "mine", "stale"} {
		if q.Get(k) != "" {
			v.Set(k, q.Get(k))
		}
	}
	d.BoardQuery = v.Encode()
	v.Set("view", "list")
	d.ListQuery = v.Encode()
	u.render(w, r, http.StatusOK, "synergies", u.page(r, "Synergies", d).withTerritory(t))
}

func (u *UI) card(s model.Synergy, names map[string]string, now time.Time, staleAfter time.Duration) card {
	c := card{ID: s.ID, Title: s.Label, Status: s.Status, Owner: s.OwnerEmail, NextAction: s.NextAction,
		NextActionOn: s.NextActionOn, Overdue: s.Status != model.StatusRealised && s.Status != model.StatusAbandoned && synergy.Overdue(s.NextActionOn, now),
		Stale: synergy.Stale(s, s.UpdatedAt, now, staleAfter)}
	var companies []string
	for _, id := range append([]string{s.OutputCompExtID, s.InputCompExtID}, s.CompanyExtIDs...) {
		if n := names[id]; n != "" {
			companies = append(companies, n)
		}
	}
	c.Companies = strings.Join(companies, ", ")
	if c.Title == "" {
		c.Title = c.Companies
	}
	return c
}

// companyNames maps dataset ids to names, from the engine's snapshot.
func (u *UI) companyNames(r *http.Request, territoryID int64) map[string]string {
	names := map[string]string{}
	u.withIndex(r.Context(), territoryID, func(ix territoryIndex) error {
		for id, c := range ix.companies {
			names[id] = c.Name
		}
		return nil
	})
	return names
}

// pathSynergy returns the synergy of the path in a managed territory.
func (u *UI) pathSynergy(r *http.Request) (model.Territory, model.User, model.Synergy, error) {
	t, user, err := u.managedTerritory(r)
	if err != nil {
		return t, user, model.Synergy{}, err
	}
	id, ok := request.IDParam(r, "sid")
	all, err := u.store.Synergies(r.Context(), t.ID)
	if err != nil {
		return t, user, model.Synergy{}, err
	}
	for _, s := range all {
		if ok && s.ID == id {
			return t, user, s, nil
		}
	}
	return t, user, model.Synergy{}, notFound()
}
