package ui

import (
	"net/http"

	"symbiose/internal/bourse"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/template"
)

// liveInterest is an interest as the facilitators' screen lists it.
type liveInterest struct {
	ID     int64  `json:"id"`
	Round  int    `json:"round"`
	Table  int    `json:"table"`
	From   string `json:"from"`
	Card   string `json:"card"`
	Owner  string `json:"owner"`
	Need   bool   `json:"need"`
	Family string `json:"family"`
	Note   string `json:"note"`
	At     string `json:"at"`
}

type liveFamily struct {
	Label     string `json:"label"`
	Resources int    `json:"resources"`
	Needs     int    `json:"needs"`
	Interests int    `json:"interests"`
}

// liveTable counts the interests recorded at a table (0: by a facilitator
// for every table).
type liveTable struct {
	Table     int `json:"table"`
	Interests int `json:"interests"`
}

// liveState is what the facilitators' screen shows and refreshes.
type liveState struct {
	Registered int            `json:"registered"`
	Resources  int            `json:"resources"`
	Needs      int            `json:"needs"`
	Interests  int            `json:"interests"`
	Potential  int            `json:"potential"`
	Pairs      int            `json:"pairs"`
	ByFamily   []liveFamily   `json:"by_family"`
	ByTable    []liveTable    `json:"by_table"` // interests recorded at each table, to spot a silent one
	Latest     []liveInterest `json:"latest"`   // newest first
}

type liveView struct {
	Workshop model.Workshop
	State    liveState
}

// workshopLive is the facilitators' screen during the bourse: counts and
// the interests recorded at the tables, refreshed every few seconds by its
// script (the page is complete without it).
func (u *UI) workshopLive(w http.ResponseWriter, r *http.Request) {
	t, _, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	state, err := u.liveStateOf(r, ws)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "bourse_live", u.page(r, "", liveView{ws, state}).withTerritory(t))
}

// workshopLiveJSON feeds the facilitators' screen.
func (u *UI) workshopLiveJSON(w http.ResponseWriter, r *http.Request) {
	_, _, ws, err := u.managedBourse(r)
	if err != nil {
		response.JSONError(w, r, u.log, err)
		return
	}
	state, err := u.liveStateOf(r, ws)
	if err != nil {
		response.JSONError(w, r, u.log, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	response.JSON(w, http.StatusOK, state)
}

// liveLimit caps the interests listed; the counts cover them all.
const liveLimit = 300

func (u *UI) liveStateOf(r *http.Request, ws model.Workshop) (liveState, error) {
	ctx := r.Context()
	parts, err := u.store.Participants(ctx, ws.ID)
	if err != nil {
		return liveState{}, err
	}
	cards, err := u.store.Cards(ctx, ws.ID)
	if err != nil {
		return liveState{}, err
	}
	interests, err := u.store.Interests(ctx, ws.ID)
	if err != nil {
		return liveState{}, err
	}
	st := bourse.Compute(parts, cards, interests)
	l := lang(r)
	s := liveState{Registered: st.Registered, Resources: st.Resources, Needs: st.Needs, Interests: st.Interests,
		Potential: st.Potential, Pairs: st.Pairs, ByFamily: []liveFamily{}, Latest: []liveInterest{}}
	for _, f := range st.ByFamily {
		s.ByFamily = append(s.ByFamily, liveFamily{template.T(l, "family."+f.Family), f.Resources, f.Needs, f.Interests})
	}
	s.ByTable = tableCounts(ws, interests)
	for i := len(interests) - 1; i >= 0 && len(s.Latest) < liveLimit; i-- {
		in := interests[i]
		s.Latest = append(s.Latest, liveInterest{in.ID, in.Round, in.Table, in.CompanyName, in.CardLabel, in.OwnerName,
			in.CardDir == model.Input, template.T(l, "family."+in.CardFamily), in.Note, in.CreatedAt.Format("15:04:05")})
	}
	return s, nil
}

// tableCounts counts the interests of each table of the plan (every table
// listed, silent ones with 0), then those recorded for no table.
func tableCounts(ws model.Workshop, interests []model.Interest) []liveTable {
	tables := 0
	for _, round := range ws.Plan {
		tables = max(tables, len(round))
	}
	counts := map[int]int{}
	for _, in := range interests {
		counts[in.Table]++
		tables = max(tables, in.Table)
	}
	out := []liveTable{}
	for t := 1; t <= tables; t++ {
		out = append(out, liveTable{t, counts[t]})
	}
	if counts[0] > 0 {
		out = append(out, liveTable{0, counts[0]})
	}
	return out
}
