package ui

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"

	"symbiose/internal/template"
)

// workshopInterestsCSV downloads the interests recorded at a bourse, for
// the facilitators who go on in a spreadsheet: semicolon-separated with a
// byte-order mark, as French spreadsheets open it.
func (u *UI) workshopInterestsCSV(w http.ResponseWriter, r *http.Request) {
	_, _, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	interests, err := u.store.Interests(r.Context(), ws.ID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	l := lang(r)
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="interets-bourse-%d.csv"`, ws.ID))
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("\ufeff"))
	out := csv.NewWriter(w)
	out.Comma = ';'
	out.Write([]string{"round", "table", "interested_company", "card_company", "card", "card_direction", "card_family",
		"note", "recorded_by", "recorded_at", "synergy_id"})
	for _, in := range interests {
		synergy := ""
		if in.SynergyID != 0 {
			synergy = strconv.FormatInt(in.SynergyID, 10)
		}
		out.Write([]string{strconv.Itoa(in.Round), strconv.Itoa(in.Table), in.CompanyName, in.OwnerName, in.CardLabel,
			string(in.CardDir), template.T(l, "family."+in.CardFamily), in.Note, in.RecordedBy,
			in.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"), synergy})
	}
	out.Flush()
}
