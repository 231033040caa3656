package api

import (
	"net/http"
)

// flowDelete removes a flow: the company's own members and its territory's
// managers.
func (a *API) flowDelete(w http.ResponseWriter, r *http.Request) {
	t, user, _, f, err := a.editableFlow(r)
	if err == nil {
		err = a.store.RemoveFlow(r.Context(), f.ID)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.audit(r, user, t.ID, "delete", "flow", f.ExtID, f.Label)
	a.forget(t.ID, "flow", f.ExtID)
	w.WriteHeader(http.StatusNoContent)
}
