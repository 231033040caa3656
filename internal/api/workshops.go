package api

import (
	"net/http"
	"strconv"

	"symbiose/internal/http/response"
	"symbiose/internal/storage"
)

// workshopJSON is a bourse as the API gives it.
type workshopJSON struct {
	APIID      int64        `json:"api_id"`
	ID         string       `json:"id"`
	Title      string       `json:"title"`
	Date       string       `json:"date"`
	Place      string       `json:"place,omitempty"`
	Capacity   int          `json:"capacity"`
	TableSize  int          `json:"table_size"`
	Rounds     int          `json:"rounds"`
	CardsDue   string       `json:"cards_due,omitempty"`
	Closed     bool         `json:"followed_up"`
	CompanyIDs []string     `json:"company_ids"`
	Plan       [][][]string `json:"plan,omitempty"`
}

// workshops lists a territory's bourses with their registered companies
// and saved plans; managers only.
func (a *API) workshops(w http.ResponseWriter, r *http.Request) {
	t, _, err := a.managedTerritory(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	list, err := a.store.Workshops(r.Context(), t.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := []workshopJSON{}
	for _, ws := range list {
		ids := ws.CompanyExtIDs
		if ids == nil {
			ids = []string{}
		}
		out = append(out, workshopJSON{ws.ID, ws.ExtID, ws.Title, ws.Date, ws.Place, ws.Capacity, ws.TableSize, ws.Rounds,
			ws.CardsDue, ws.ClosedAt != "", ids, ws.Plan})
	}
	response.JSON(w, http.StatusOK, map[string]any{"items": out})
}

// interestJSON is an interest recorded at a bourse.
type interestJSON struct {
	Round         int    `json:"round"`
	Table         int    `json:"table"`
	CompanyID     string `json:"company_id"`
	CompanyName   string `json:"company_name"`
	CardFlowID    string `json:"card_flow_id"`
	CardCompanyID string `json:"card_company_id"`
	CardLabel     string `json:"card_label"`
	CardDirection string `json:"card_direction"`
	CardFamily    string `json:"card_family"`
	Note          string `json:"note,omitempty"`
	RecordedBy    string `json:"recorded_by,omitempty"`
	RecordedAt    string `json:"recorded_at"`
	SynergyAPIID  int64  `json:"synergy_api_id,omitempty"`
}

// workshopInterests lists the interests recorded at a bourse, oldest
// first; managers only.
func (a *API) workshopInterests(w http.ResponseWriter, r *http.Request) {
	t, _, err := a.managedTerritory(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	id, err := strconv.ParseInt(r.PathValue("wid"), 10, 64)
	if err != nil {
		a.fail(w, r, storage.ErrNotFound)
		return
	}
	if _, err := a.store.Workshop(r.Context(), t.ID, id); err != nil {
		a.fail(w, r, err)
		return
	}
	interests, err := a.store.Interests(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	cards, err := a.store.Cards(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	companies, err := a.store.Companies(r.Context(), t.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	flowExt, companyExt := map[int64]string{}, map[int64]string{}
	for _, f := range cards {
		flowExt[f.ID] = f.ExtID
	}
	for _, c := range companies {
		companyExt[c.ID] = c.ExtID
	}
	out := []interestJSON{}
	for _, in := range interests {
		out = append(out, interestJSON{in.Round, in.Table, companyExt[in.CompanyID], in.CompanyName, flowExt[in.FlowID],
			companyExt[in.OwnerID], in.CardLabel, string(in.CardDir), in.CardFamily, in.Note, in.RecordedBy,
			in.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"), in.SynergyID})
	}
	response.JSON(w, http.StatusOK, map[string]any{"items": out})
}
