package ui

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"time"

	"symbiose/internal/auth"
	"symbiose/internal/http/request"
	"symbiose/internal/storage"
)

const (
	sessionCookie   = "symbiose_session"
	preCSRFCookie   = "symbiose_csrf"
	sessionLifetime = 12 * time.Hour
)

// Sessions loads the signed-in session of every request, if any.
func (u *UI) Sessions(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			sess, err := u.store.SessionByToken(r.Context(), auth.HashToken(c.Value))
			switch {
			case err == nil:
				r = r.WithContext(request.WithSession(r.Context(), sess))
			case !errors.Is(err, storage.ErrNotFound):
				u.fail(w, r, err)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// signedIn sends visitors without a session to the login page.
func (u *UI) signedIn(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if _, ok := request.Session(r); !ok {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		h(w, r)
	}
}

// startSession signs a user in: a new random session token in a secure,
// HttpOnly, SameSite cookie, its hash in the database.
func (u *UI) startSession(w http.ResponseWriter, r *http.Request, userID int64) error {
	token := auth.NewToken()
	if err := u.store.CreateSession(r.Context(), auth.HashToken(token), userID, auth.NewToken(), time.Now().Add(sessionLifetime)); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: request.IsHTTPS(r),
		SameSite: http.SameSiteLaxMode, MaxAge: int(sessionLifetime.Seconds())})
	return nil
}

// checkCSRF verifies the form's anti-forgery token: the session's, or
// before sign-in the one of the pre-session cookie.
func checkCSRF(r *http.Request) bool {
	want := ""
	if s, ok := request.Session(r); ok {
		want = s.CSRF
	} else if c, err := r.Cookie(preCSRFCookie); err == nil {
		want = c.Value
	}
	got := r.PostFormValue("csrf")
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// preSessionCSRF returns the anti-forgery token of a visitor not signed in
// yet, as set by ensurePreCSRF.
func preSessionCSRF(r *http.Request) string {
	if c, err := r.Cookie(preCSRFCookie); err == nil {
		return c.Value
	}
	return ""
}

// ensurePreCSRF gives a visitor an anti-forgery cookie for the login and
// set-up forms, and returns the request as if it already carried it.
func ensurePreCSRF(w http.ResponseWriter, r *http.Request) *http.Request {
	if preSessionCSRF(r) != "" {
		return r
	}
	token := auth.NewToken()
	c := &http.Cookie{Name: preCSRFCookie, Value: token, Path: "/", HttpOnly: true, Secure: request.IsHTTPS(r),
		SameSite: http.SameSiteStrictMode}
	http.SetCookie(w, c)
	r.AddCookie(c)
	return r
}
