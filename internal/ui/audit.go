package ui

import (
	"net/http"

	"symbiose/internal/model"
)

// auditLog shows who changed what in a territory, newest first.
func (u *UI) auditLog(w http.ResponseWriter, r *http.Request) {
	t, _, err := u.managedTerritory(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	entries, err := u.store.AuditLog(r.Context(), t.ID, 300)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "audit", u.page(r, "", struct{ Entries []model.AuditEntry }{entries}).withTerritory(t))
}
