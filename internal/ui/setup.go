package ui

import (
	"errors"
	"net/http"
	"net/mail"
	"strconv"
	"strings"

	"symbiose/internal/auth"
	"symbiose/internal/http/response"
	"symbiose/internal/model"
	"symbiose/internal/storage"
)

var errForbiddenCSRF = &response.Error{Status: http.StatusForbidden, Message: "error.csrf"}

type setupData struct {
	Name, Email, Error string
}

// setupForm shows the one-time form that creates the administrator, from
// the link serve prints on first start.
func (u *UI) setupForm(w http.ResponseWriter, r *http.Request) {
	if _, err := u.store.PeekLink(r.Context(), auth.HashToken(r.PathValue("token"))); err != nil {
		u.setupGone(w, r, err)
		return
	}
	r = ensurePreCSRF(w, r)
	u.render(w, r, http.StatusOK, "setup", u.page(r, "", setupData{}))
}

func (u *UI) setup(w http.ResponseWriter, r *http.Request) {
	r = ensurePreCSRF(w, r)
	tokenHash := auth.HashToken(r.PathValue("token"))
	d := setupData{Name: strings.TrimSpace(r.PostFormValue("name")), Email: strings.TrimSpace(r.PostFormValue("email"))}
	again := func(msg string) {
		d.Error = msg
		u.render(w, r, http.StatusBadRequest, "setup", u.page(r, "", d))
	}
	if !checkCSRF(r) {
		again("error.csrf")
		return
	}
	link, err := u.store.PeekLink(r.Context(), tokenHash)
	if err != nil || link.Purpose != storage.LinkSetup {
		u.setupGone(w, r, err)
		return
	}
	if addr, err := mail.ParseAddress(d.Email); err != nil || addr.Address != d.Email {
		again("error.email")
		return
	}
	hash, err := auth.HashPassword(r.PostFormValue("password"))
	if err != nil {
		again("error.weak_password")
		return
	}
	if _, err := u.store.UseLink(r.Context(), tokenHash); err != nil {
		u.setupGone(w, r, err)
		return
	}
	user, err := u.store.CreateUser(r.Context(), model.User{Email: d.Email, Name: d.Name, PasswordHash: hash, Role: model.RoleAdmin, Locale: lang(r)})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.store.Audit(r.Context(), model.AuditEntry{UserID: user.ID, Action: "create", Entity: "user", EntityID: strconv.FormatInt(user.ID, 10), Detail: "administrator set up"})
	if err := u.startSession(w, r, user.ID); err != nil {
		u.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (u *UI) setupGone(w http.ResponseWriter, r *http.Request, err error) {
	if err != nil && !errors.Is(err, storage.ErrLinkUsed) {
		u.fail(w, r, err)
		return
	}
	u.fail(w, r, &response.Error{Status: http.StatusGone, Message: "setup.used"})
}
