// Package request carries what middleware learns about a request — the
// signed-in user and its session — to the handlers.
package request

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"strings"

	"symbiose/internal/model"
	"symbiose/internal/storage"
)

type key int

const sessionKey key = iota

// WithSession returns a context carrying the signed-in session.
func WithSession(ctx context.Context, s storage.Session) context.Context {
	return context.WithValue(ctx, sessionKey, s)
}

// Session returns the signed-in session, if any.
func Session(r *http.Request) (storage.Session, bool) {
	s, ok := r.Context().Value(sessionKey).(storage.Session)
	return s, ok
}

// User returns the signed-in user, if any.
func User(r *http.Request) (model.User, bool) {
	s, ok := Session(r)
	return s.User, ok
}

// IDParam reads a positive integer path parameter; ok is false otherwise.
func IDParam(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil && id > 0
}

// ClientIP returns the address of the client, for rate limits.
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// IsHTTPS reports whether the client sees the site over HTTPS (directly or
// behind a proxy that says so), where cookies can be marked Secure.
func IsHTTPS(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}
