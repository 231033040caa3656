package ui

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/storage"
)

// captureCard is a card as the capture page shows it.
type captureCard struct {
	ID        int64  `json:"id"`
	Label     string `json:"label"`
	Direction string `json:"direction"`
	Family    string `json:"family"`
}

type captureCompany struct {
	ID    int64         `json:"id"`
	Name  string        `json:"name"`
	Cards []captureCard `json:"cards"`
}

type captureInterest struct {
	ClientID  string `json:"client_id"`
	Round     int    `json:"round"`
	CompanyID int64  `json:"company_id"`
	FlowID    int64  `json:"flow_id"`
	Note      string `json:"note"`
	Remove    bool   `json:"remove,omitempty"`
}

// captureState is what a secretary's page needs: who sits at the table in
// each round with their cards, and the interests already recorded there.
type captureState struct {
	Workshop  string             `json:"workshop"`
	Table     int                `json:"table"`
	Rounds    int                `json:"rounds"`
	Seating   [][]captureCompany `json:"seating"`
	Interests []captureInterest  `json:"interests"`
}

// captureView is the shell of the capture page; its script fills it.
type captureView struct {
	Workshop model.Workshop
	Staff    model.Staff
	Token    string
}

// captureShell serves a secretary's capture page.
func (u *UI) captureShell(w http.ResponseWriter, r *http.Request) {
	st, ws, _, err := u.staffOfLink(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "bourse_capture", u.page(r, "", captureView{ws, st, r.PathValue("token")}))
}

// captureStateJSON gives the capture page its data.
func (u *UI) captureStateJSON(w http.ResponseWriter, r *http.Request) {
	st, ws, _, err := u.staffOfLink(r)
	if err != nil {
		response.JSONError(w, r, u.log, err)
		return
	}
	state, err := u.captureStateOf(r, st, ws)
	if err != nil {
		response.JSONError(w, r, u.log, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	response.JSON(w, http.StatusOK, state)
}

func (u *UI) captureStateOf(r *http.Request, st model.Staff, ws model.Workshop) (captureState, error) {
	ctx := r.Context()
	s := captureState{Workshop: ws.Title, Table: st.Table, Rounds: ws.Rounds, Interests: []captureInterest{}}
	parts, err := u.store.Participants(ctx, ws.ID)
	if err != nil {
		return s, err
	}
	cards, err := u.store.Cards(ctx, ws.ID)
	if err != nil {
		return s, err
	}
	companies := map[string]*captureCompany{}
	var everyone []string
	for _, p := range parts {
		if p.Status == model.ParticipantRegistered {
			companies[p.CompanyExtID] = &captureCompany{ID: p.CompanyID, Name: p.CompanyName, Cards: []captureCard{}}
			everyone = append(everyone, p.CompanyExtID)
		}
	}
	for _, dir := range []model.Direction{model.Output, model.Input} { // resources first, then needs
		for _, f := range cards {
			if c, ok := companies[f.CompanyExtID]; ok && f.Direction == dir {
				c.Cards = append(c.Cards, captureCard{f.ID, f.Label, string(f.Direction), f.Family})
			}
		}
	}
	for round := range ws.Rounds {
		seated := everyone // no plan, or a facilitator: every company
		if round < len(ws.Plan) && st.Table >= 1 {
			seated = nil // unless the table is used in that round
			if st.Table <= len(ws.Plan[round]) {
				seated = ws.Plan[round][st.Table-1]
			}
		}
		list := []captureCompany{}
		for _, ext := range seated {
			if c, ok := companies[ext]; ok {
				list = append(list, *c)
			}
		}
		s.Seating = append(s.Seating, list)
	}
	interests, err := u.store.Interests(ctx, ws.ID)
	if err != nil {
		return s, err
	}
	for _, in := range interests {
		if st.Table == 0 || in.Table == st.Table {
			s.Interests = append(s.Interests, captureInterest{in.ClientID, in.Round, in.CompanyID, in.FlowID, in.Note, false})
		}
	}
	return s, nil
}

// captureRecord records (or withdraws) an interest sent by a capture page.
// The page resends what the network lost; the client id keeps each record
// once.
func (u *UI) captureRecord(w http.ResponseWriter, r *http.Request) {
	st, ws, _, err := u.staffOfLink(r)
	if err != nil {
		response.JSONError(w, r, u.log, err)
		return
	}
	var in captureInterest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10))
	if err := dec.Decode(&in); err != nil {
		response.JSONError(w, r, u.log, response.BadRequest("invalid JSON: "+err.Error(), ""))
		return
	}
	in.Note = strings.TrimSpace(in.Note)
	if in.ClientID == "" || len(in.ClientID) > 64 || len(in.Note) > 1000 {
		response.JSONError(w, r, u.log, response.BadRequest("client_id (1 to 64 characters) and a note of at most 1000 characters", "client_id"))
		return
	}
	if in.Remove {
		err := u.store.RemoveInterest(r.Context(), ws.ID, in.ClientID)
		if err != nil && !errors.Is(err, storage.ErrNotFound) {
			response.JSONError(w, r, u.log, err)
			return
		}
		response.JSON(w, http.StatusOK, map[string]any{"ok": true})
		return
	}
	if in.Round < 1 || in.Round > ws.Rounds {
		response.JSONError(w, r, u.log, response.BadRequest("round out of range", "round"))
		return
	}
	if p, err := u.store.Participant(r.Context(), ws.ID, in.CompanyID); err != nil || p.Status != model.ParticipantRegistered {
		response.JSONError(w, r, u.log, response.BadRequest("the company is not registered for this bourse", "company_id"))
		return
	}
	card, err := u.store.Card(r.Context(), ws.ID, in.FlowID)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		response.JSONError(w, r, u.log, err)
		return
	}
	if err != nil || card.CompanyID == in.CompanyID {
		response.JSONError(w, r, u.log, response.BadRequest("not a card of another company of this bourse", "flow_id"))
		return
	}
	added, err := u.store.AddInterest(r.Context(), model.Interest{WorkshopID: ws.ID, ClientID: in.ClientID, Round: in.Round,
		Table: st.Table, CompanyID: in.CompanyID, FlowID: in.FlowID, Note: in.Note, RecordedBy: st.Name})
	if err != nil {
		response.JSONError(w, r, u.log, err)
		return
	}
	response.JSON(w, http.StatusOK, map[string]any{"ok": true, "added": added})
}
