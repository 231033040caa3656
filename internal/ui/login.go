package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"symbiose/internal/auth"
	"symbiose/internal/http/request"
	"symbiose/internal/model"
	"symbiose/internal/storage"
)

type loginData struct {
	Email string
	Error string
}

func (u *UI) loginForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := request.Session(r); ok {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	r = ensurePreCSRF(w, r)
	u.render(w, r, http.StatusOK, "login", u.page(r, "Connexion", loginData{}))
}

func (u *UI) login(w http.ResponseWriter, r *http.Request) {
	r = ensurePreCSRF(w, r)
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	again := func(status int, msg string) {
		u.render(w, r, status, "login", u.page(r, "Connexion", loginData{Email: email, Error: msg}))
	}
	if !checkCSRF(r) {
		again(http.StatusForbidden, "error.csrf")
		return
	}
	ip := request.ClientIP(r)
	if !u.loginsByAccount.allowed(ip+" "+email) || !u.loginsByAddress.allowed(ip) {
		again(http.StatusTooManyRequests, "login.throttled")
		return
	}
	user, err := u.store.UserByEmail(r.Context(), email)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		u.fail(w, r, err)
		return
	}
	if err != nil || user.Disabled || !auth.CheckPassword(user.PasswordHash, r.PostFormValue("password")) {
		u.loginsByAccount.fail(ip + " " + email)
		u.loginsByAddress.fail(ip)
		again(http.StatusUnauthorized, "login.failed")
		return
	}
	if err := u.startSession(w, r, user.ID); err != nil {
		u.fail(w, r, err)
		return
	}
	u.store.Audit(r.Context(), model.AuditEntry{UserID: user.ID, Action: "login", Entity: "user", EntityID: strconv.FormatInt(user.ID, 10)})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (u *UI) logout(w http.ResponseWriter, r *http.Request) {
	if !checkCSRF(r) {
		u.fail(w, r, errForbiddenCSRF)
		return
	}
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := u.store.DeleteSession(r.Context(), auth.HashToken(c.Value)); err != nil {
			u.fail(w, r, err)
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
