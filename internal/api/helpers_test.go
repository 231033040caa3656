package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"symbiose/internal/auth"
	"symbiose/internal/http/request"
	"symbiose/internal/model"
	"symbiose/internal/storage"
	"symbiose/internal/testfixture"
)

// fixture is the shared test territory with the API mounted behind the
// session middleware, as the server mounts it.
type fixture struct {
	*testfixture.Fixture
	api     *API
	mux     *http.ServeMux
	handler http.Handler
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	fx := testfixture.New(t)
	a := New(fx.Storage, fx.Matchers, fx.Log)
	mux := http.NewServeMux()
	a.Routes(mux)
	return &fixture{Fixture: fx, api: a, mux: mux, handler: sessions(fx.Storage, mux)}
}

// sessions loads the session of the cookie into the context, the way the
// pages' middleware does in the server.
func sessions(store *storage.Storage, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie("symbiose_session"); err == nil && c.Value != "" {
			sess, err := store.SessionByToken(r.Context(), auth.HashToken(c.Value))
			switch {
			case err == nil:
				r = r.WithContext(request.WithSession(r.Context(), sess))
			case !errors.Is(err, storage.ErrNotFound):
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// How a test request signs in.
type authMode string

const (
	viaCookie    authMode = "cookie"         // session cookie, with X-CSRF-Token on writes
	viaBearer    authMode = "bearer"         // personal API token
	cookieNoCSRF authMode = "cookie-no-csrf" // session cookie without the anti-forgery header
)

// do sends a request as a role ("anonymous" sends no credentials). body is
// nil, a string sent as is, or a value sent as JSON.
func (f *fixture) do(t *testing.T, mode authMode, role, method, path string, body any) *httptest.ResponseRecorder {
	t.Helper()
	var reader io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		reader = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		reader = bytes.NewReader(data)
	}
	req := httptest.NewRequest(method, path, reader)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if role != "anonymous" {
		switch mode {
		case viaBearer:
			req.Header.Set("Authorization", "Bearer "+f.APITokens[role])
		case viaCookie, cookieNoCSRF:
			req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: f.Sessions[role]})
			if mode == viaCookie && method != http.MethodGet {
				req.Header.Set("X-CSRF-Token", f.CSRF[role])
			}
		}
	}
	rec := httptest.NewRecorder()
	f.handler.ServeHTTP(rec, req)
	return rec
}

func decode[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %q: %v", rec.Body.String(), err)
	}
	return v
}

// apiError is the error body of every failed request.
type apiError struct {
	Error struct {
		Message string `json:"message"`
		Field   string `json:"field"`
	} `json:"error"`
	Errors []struct {
		Field   string `json:"field"`
		Message string `json:"message"`
		Line    int    `json:"line"`
	} `json:"errors"`
}

// flowByExt returns a flow of the demo territory by dataset id.
func (f *fixture) flowByExt(t *testing.T, ext string) model.Flow {
	t.Helper()
	flows, err := f.Flows(context.Background(), f.Demo.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, fl := range flows {
		if fl.ExtID == ext {
			return fl
		}
	}
	t.Fatalf("no flow %s", ext)
	return model.Flow{}
}

// newFlow adds a throwaway flow to a company, for tests that change or
// remove one.
func (f *fixture) newFlow(t *testing.T, companyID int64, label, visibility string) model.Flow {
	t.Helper()
	fl, err := f.CreateFlow(context.Background(), model.Flow{CompanyID: companyID, Direction: model.Output, Family: "waste",
		Label: label, Resource: "wood.pallet", Period: "year", Visibility: visibility})
	if err != nil {
		t.Fatal(err)
	}
	return fl
}

// newCompany adds a throwaway company to the demo territory.
func (f *fixture) newCompany(t *testing.T, ext string) model.Company {
	t.Helper()
	c, err := f.CreateCompany(context.Background(), model.Company{TerritoryID: f.Demo.ID, ExtID: ext, Name: "Société " + ext})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// auditCount counts a territory's audit entries of one action and entity.
func (f *fixture) auditCount(t *testing.T, territoryID int64, action, entity string) int {
	t.Helper()
	log, err := f.AuditLog(context.Background(), territoryID, 10000)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range log {
		if e.Action == action && e.Entity == entity {
			n++
		}
	}
	return n
}

// snapshot is the demo territory's companies, flows and synergies as JSON,
// to check that a refused request wrote nothing.
func (f *fixture) snapshot(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	companies, err := f.Companies(ctx, f.Demo.ID)
	if err != nil {
		t.Fatal(err)
	}
	flows, err := f.Flows(ctx, f.Demo.ID)
	if err != nil {
		t.Fatal(err)
	}
	synergies, err := f.Synergies(ctx, f.Demo.ID)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal([]any{companies, flows, synergies})
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
