package api

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"

	"symbiose/internal/auth"
	"symbiose/internal/http/request"
	"symbiose/internal/storage"
)

// csrfHeader carries the session's anti-forgery token on state-changing
// requests made with the session cookie.
const csrfHeader = "X-CSRF-Token"

// authenticated lets through requests with a valid personal API token
// (Authorization: Bearer) or a browser session. A cookie carries ambient
// authority, so a state-changing request signed in by cookie must also
// prove it comes from our pages with the session's anti-forgery token; a
// Bearer token is never sent by a browser on its own and needs no such
// proof.
func (a *API) authenticated(next http.HandlerFunc) http.HandlerFunc {
	return noStore(func(w http.ResponseWriter, r *http.Request) {
		if header := r.Header.Get("Authorization"); header != "" {
			token, ok := bearerToken(header)
			if !ok {
				a.fail(w, r, errUnauthorized("the Authorization header must be \"Bearer <personal API token>\""))
				return
			}
			user, err := a.store.UserByAPIToken(r.Context(), auth.HashToken(token))
			if errors.Is(err, storage.ErrNotFound) {
				err = errUnauthorized("unknown or revoked API token")
			}
			if err != nil {
				a.fail(w, r, err)
				return
			}
			next(w, r.WithContext(request.WithSession(r.Context(), storage.Session{User: user})))
			return
		}
		sess, ok := request.Session(r)
		if !ok {
			a.fail(w, r, errUnauthorized("sign in, or send Authorization: Bearer <personal API token>"))
			return
		}
		if !safeMethod(r.Method) && !sameToken(r.Header.Get(csrfHeader), sess.CSRF) {
			a.fail(w, r, errForbidden("missing or wrong "+csrfHeader+" header: a request signed in by cookie must carry the session's anti-forgery token"))
			return
		}
		next(w, r)
	})
}

// noStore keeps API answers, which may be confidential, out of caches.
func noStore(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next(w, r)
	}
}

func bearerToken(header string) (string, bool) {
	scheme, token, ok := strings.Cut(header, " ")
	token = strings.TrimSpace(token)
	return token, ok && strings.EqualFold(scheme, "Bearer") && token != ""
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

func sameToken(got, want string) bool {
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}
