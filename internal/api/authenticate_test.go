package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A write signed in by the session cookie needs the session's anti-forgery
// token in X-CSRF-Token; one with a Bearer token does not; a bad token is
// 401, never a fall back to the cookie.
func TestAuthenticationAndCSRF(t *testing.T) {
	f := newFixture(t)
	flowsPath := companyPath(f.Demo.ID, f.Own.ID) + "/flows"
	body := `{"direction": "output", "label": "Palettes"}`
	cases := []struct {
		name    string
		headers map[string]string
		cookie  bool
		method  string
		status  int
	}{
		{"cookie read without the header", nil, true, "GET", 200},
		{"cookie write without the header", nil, true, "POST", 403},
		{"cookie write with another session's token", map[string]string{"X-CSRF-Token": "csrf-facilitator"}, true, "POST", 403},
		{"cookie write with an empty token", map[string]string{"X-CSRF-Token": ""}, true, "POST", 403},
		{"cookie write with the token", map[string]string{"X-CSRF-Token": "csrf-member"}, true, "POST", 201},
		{"bearer write without the header", map[string]string{"Authorization": "Bearer {token}"}, false, "POST", 201},
		{"bearer scheme in lower case", map[string]string{"Authorization": "bearer {token}"}, false, "GET", 200},
		{"unknown bearer token", map[string]string{"Authorization": "Bearer nope"}, false, "GET", 401},
		{"unknown bearer token beside a good cookie", map[string]string{"Authorization": "Bearer nope", "X-CSRF-Token": "csrf-member"}, true, "POST", 401},
		{"another scheme", map[string]string{"Authorization": "Basic bWVtYmVyOng="}, false, "GET", 401},
		{"empty bearer", map[string]string{"Authorization": "Bearer "}, false, "GET", 401},
		{"nothing", nil, false, "GET", 401},
		{"a session that does not exist", nil, false, "GET", 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := f.snapshot(t)
			var reader *strings.Reader
			if c.method == "POST" {
				reader = strings.NewReader(body)
			} else {
				reader = strings.NewReader("")
			}
			path := flowsPath
			if c.method == "GET" {
				path = companyPath(f.Demo.ID, f.Own.ID)
			}
			req := httptest.NewRequest(c.method, path, reader)
			for k, v := range c.headers {
				req.Header.Set(k, strings.ReplaceAll(v, "{token}", f.APITokens["member"]))
			}
			if c.cookie {
				req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: f.Sessions["member"]})
			} else if c.name == "a session that does not exist" {
				req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: "forged"})
			}
			rec := httptest.NewRecorder()
			f.handler.ServeHTTP(rec, req)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, c.status, rec.Body)
			}
			if e := decode[map[string]any](t, rec); rec.Code >= 400 && e["error"] == nil {
				t.Errorf("error body %s", rec.Body)
			}
			if rec.Code == 401 && !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("WWW-Authenticate %q", rec.Header().Get("WWW-Authenticate"))
			}
			if rec.Header().Get("Cache-Control") != "no-store" {
				t.Errorf("Cache-Control %q", rec.Header().Get("Cache-Control"))
			}
			if changed := f.snapshot(t) != before; changed != (rec.Code == 201) {
				t.Errorf("status %d, and the territory changed: %v", rec.Code, changed)
			}
		})
	}
}
