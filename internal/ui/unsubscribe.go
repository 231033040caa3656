package ui

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"symbiose/internal/http/response"
	"symbiose/internal/worker"
)

var errBadUnsubscribeLink = &response.Error{Status: http.StatusNotFound, Message: "unsub.bad_link"}

// unsubscribe is the page behind the link at the foot of every reminder:
// it asks for confirmation (so that a mail scanner following links does
// not unsubscribe anyone), then stops reminders to the address.
func (u *UI) unsubscribe(w http.ResponseWriter, r *http.Request) {
	email := strings.ToLower(strings.TrimSpace(r.FormValue("e")))
	want, err := worker.UnsubscribeSignature(r.Context(), u.store, email)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if email == "" || subtle.ConstantTimeCompare([]byte(want), []byte(r.FormValue("s"))) != 1 {
		u.fail(w, r, errBadUnsubscribeLink)
		return
	}
	r = ensurePreCSRF(w, r)
	done, err := u.store.Unsubscribed(r.Context(), email)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if r.Method == http.MethodPost && !done {
		if !checkCSRF(r) {
			u.fail(w, r, errForbiddenCSRF)
			return
		}
		if err := u.store.Unsubscribe(r.Context(), email); err != nil {
			u.fail(w, r, err)
			return
		}
		done = true
	}
	u.render(w, r, http.StatusOK, "unsubscribe", u.page(r, "", struct {
		Email, Signature string
		Done             bool
	}{email, want, done}))
}
