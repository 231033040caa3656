package ui

import (
	"net/http"

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
	u.render(w, r, http.StatusOK, "workshops", u.page(r, "", struct{ Workshops []model.Workshop }{list}).withTerritory(t))
}
