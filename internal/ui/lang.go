package ui

import (
	"net/http"
	"strings"
)

// language switches between French and English and goes back to the page.
func (u *UI) language(w http.ResponseWriter, r *http.Request) {
	to := r.URL.Query().Get("to")
	if to != "en" {
		to = "fr"
	}
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: to, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode})
	next := r.URL.Query().Get("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		next = "/" // only local paths: no open redirect
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}
