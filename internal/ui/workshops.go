package ui

import (
	"net/http"
	"time"

	"symbiose/internal/model"
)

// workshops lists the territory's bourses, with the form to create one.
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
	today := time.Now().Format("2006-01-02")
	u.render(w, r, http.StatusOK, "workshops", u.page(r, "", struct {
		Workshops []model.Workshop
		Today     string
	}{list, today}).withTerritory(t))
}
