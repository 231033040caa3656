package server

import (
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"symbiose/internal/auth"
	"symbiose/internal/dataset"
	"symbiose/internal/demo"
	"symbiose/internal/matching"
	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
	"symbiose/internal/storage"
	"symbiose/internal/storage/storagetest"
	"symbiose/internal/worker"
)

// fixture is the demo territory plus a second one, with one signed-in
// session per role.
type fixture struct {
	srv          *Server
	demo, other  model.Territory
	own, foreign model.Company // the member's company, and another of the demo
	otherCompany model.Company // in the other territory
	sessions     map[string]string
	secrets      []string // texts that only managers of the demo may ever see
	demoNames    []string // texts that no one outside the demo may see
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	b := storagetest.SQLite(t)
	f := &fixture{sessions: map[string]string{}}
	var err error
	if f.demo, err = demo.Load(ctx, b.Storage, dataset.Options{Resources: nomenclature.Taxonomy{}}); err != nil {
		t.Fatal(err)
	}
	lat, lon := 48.85, 2.35
	st, err := b.ImportDataset(ctx, 0, model.Dataset{
		Companies: []model.Company{{ExtID: "x1", Name: "Usine Lointaine", Lat: &lat, Lon: &lon}},
		Flows: []model.Flow{{ExtID: "xf1", CompanyExtID: "x1", Direction: model.Output, Family: "waste",
			Label: "Secret lointain", Resource: "wood.pallet", Visibility: "private"}},
	}, storage.ImportOptions{NewTerritory: "Autre territoire"})
	if err != nil {
		t.Fatal(err)
	}
	f.other, _ = b.Territory(ctx, st.TerritoryID)
	if f.own, err = b.CompanyByExtID(ctx, f.demo.ID, "c001"); err != nil {
		t.Fatal(err)
	}
	if f.foreign, err = b.CompanyByExtID(ctx, f.demo.ID, "c002"); err != nil {
		t.Fatal(err)
	}
	f.otherCompany, _ = b.CompanyByExtID(ctx, f.other.ID, "x1")

	// Labels of private flows of companies other than the member's, that
	// no other flow shares, and the other companies' contact details.
	flows, _ := b.Flows(ctx, f.demo.ID)
	open := map[string]bool{}
	for _, fl := range flows {
		if fl.Visibility != model.VisibilityPrivate {
			open[fl.Label] = true
		}
	}
	for _, fl := range flows {
		if fl.Visibility == model.VisibilityPrivate && fl.CompanyExtID != "c001" && !open[fl.Label] && !withinAny(fl.Label, open) {
			f.secrets = append(f.secrets, fl.Label)
		}
	}
	contacts, _ := b.ContactsOfCompany(ctx, f.foreign.ID)
	for _, c := range contacts {
		f.secrets = append(f.secrets, c.Email, c.Phone)
	}
	f.demoNames = []string{f.own.Name, f.foreign.Name, "Sable de fonderie usagé"}

	users := map[string]model.User{
		"admin":       {Role: model.RoleAdmin},
		"facilitator": {Role: model.RoleFacilitator, Territories: []int64{f.demo.ID}},
		"foreign":     {Role: model.RoleFacilitator, Territories: []int64{f.other.ID}},
		"observer":    {Role: model.RoleObserver, Territories: []int64{f.demo.ID}},
		"member":      {Role: model.RoleMember, CompanyID: f.own.ID},
	}
	for role, u := range users {
		u.Email = role + "@example.org"
		created, err := b.CreateUser(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		token := auth.NewToken()
		if err := b.CreateSession(ctx, auth.HashToken(token), created.ID, "csrf-"+role, time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		f.sessions[role] = token
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	m := worker.NewMatchers(b.Storage, log, matching.Options{})
	if err := m.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if f.srv, err = New(b.DB, b.Storage, log, m); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) do(role, method, path string, form url.Values) *httptest.ResponseRecorder {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if token, ok := f.sessions[role]; ok {
		req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: token})
	}
	rec := httptest.NewRecorder()
	f.srv.Handler().ServeHTTP(rec, req)
	return rec
}

var roles = []string{"anonymous", "admin", "facilitator", "foreign", "observer", "member"}

// Every route × every role: the expected status, and no forbidden text in
// the body.
func TestEveryRouteForEveryRole(t *testing.T) {
	f := newFixture(t)
	demoT, otherT := f.demo.ID, f.other.ID
	type want map[string]int // role -> status; missing roles expect the "*" entry
	cases := []struct {
		pattern, method, path string
		form                  url.Values
		status                want
	}{
		{"GET /healthz", "GET", "/healthz", nil, want{"*": 200}},
		{"GET /static/", "GET", "/static/app.css", nil, want{"*": 200}},
		{"GET /login", "GET", "/login", nil, want{"anonymous": 200, "*": 303}},
		{"POST /login", "POST", "/login", url.Values{"email": {"admin@example.org"}, "password": {"nope"}}, want{"*": 403}},
		{"POST /logout", "POST", "/logout", url.Values{}, want{"*": 403}},
		{"GET /setup/{token}", "GET", "/setup/not-a-token", nil, want{"*": 410}},
		{"POST /setup/{token}", "POST", "/setup/not-a-token", url.Values{"email": {"a@b.c"}}, want{"*": 400}},
		{"GET /lang", "GET", "/lang?to=en&next=/", nil, want{"*": 303}},
		{"GET /{$}", "GET", "/", nil, want{"anonymous": 303, "admin": 200, "*": 303}},
		{"GET /t/{tid}/{$}", "GET", fmt.Sprintf("/t/%d/", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "foreign": 403, "observer": 200, "member": 403}},
		{"GET /t/{tid}/{$}", "GET", fmt.Sprintf("/t/%d/", otherT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 403, "foreign": 200, "observer": 403, "member": 403}},
		{"GET /t/{tid}/companies", "GET", fmt.Sprintf("/t/%d/companies", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/companies", "GET", fmt.Sprintf("/t/%d/companies?q=fonderie&family=waste", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/companies/{cid}", "GET", fmt.Sprintf("/t/%d/companies/%d", demoT, f.own.ID), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "member": 200, "*": 403}},
		{"GET /t/{tid}/companies/{cid}", "GET", fmt.Sprintf("/t/%d/companies/%d", demoT, f.foreign.ID), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/companies/{cid}", "GET", fmt.Sprintf("/t/%d/companies/%d", demoT, f.otherCompany.ID), nil,
			want{"anonymous": 303, "admin": 404, "facilitator": 404, "*": 403}},
		{"GET /t/{tid}/companies/{cid}", "GET", fmt.Sprintf("/t/%d/companies/999999", demoT), nil,
			want{"anonymous": 303, "admin": 404, "facilitator": 404, "*": 403}},
		{"GET /t/{tid}/opportunities", "GET", fmt.Sprintf("/t/%d/opportunities", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "member": 200, "*": 403}},
		{"GET /t/{tid}/opportunities", "GET", fmt.Sprintf("/t/%d/opportunities", otherT), nil,
			want{"anonymous": 303, "admin": 200, "foreign": 200, "*": 403}},
	}
	if len(f.secrets) < 10 {
		t.Fatalf("only %d secrets to look for", len(f.secrets))
	}
	// The secrets are real: a facilitator sees them on the company's page.
	page := f.do("facilitator", "GET", fmt.Sprintf("/t/%d/companies/%d", demoT, f.foreign.ID), nil).Body.String()
	shown := 0
	for _, s := range f.secrets {
		if strings.Contains(page, html.EscapeString(s)) {
			shown++
		}
	}
	if shown == 0 {
		t.Fatal("the facilitator does not see the company's private flows or contacts")
	}
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.pattern] = true
		for _, role := range roles {
			t.Run(role+" "+c.method+" "+c.path, func(t *testing.T) {
				expected, ok := c.status[role]
				if !ok {
					expected = c.status["*"]
				}
				rec := f.do(role, c.method, c.path, c.form)
				if rec.Code != expected {
					t.Fatalf("status %d, want %d", rec.Code, expected)
				}
				body := rec.Body.String()
				var forbidden []string
				if role != "admin" && role != "facilitator" {
					forbidden = append(forbidden, f.secrets...)
				}
				if role != "admin" && role != "foreign" {
					forbidden = append(forbidden, "Secret lointain", "Usine Lointaine")
				}
				if role == "foreign" || role == "anonymous" || role == "observer" {
					forbidden = append(forbidden, f.demoNames...)
				}
				for _, s := range forbidden {
					if s != "" && (strings.Contains(body, s) || strings.Contains(body, html.EscapeString(s))) {
						t.Fatalf("body shows %q to %s", s, role)
					}
				}
			})
		}
	}
	for _, p := range f.srv.Patterns() {
		if !covered[p] {
			t.Errorf("route %q is not walked by this test", p)
		}
	}
}

// A member sees an anonymous flow of another company without its name.
func TestMemberSeesAnonymousCounterpartWithoutName(t *testing.T) {
	f := newFixture(t)
	rec := f.do("member", "GET", fmt.Sprintf("/t/%d/opportunities", f.demo.ID), nil)
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, "Entreprise anonyme") {
		t.Fatalf("member opportunities: %d, anonymous counterpart missing", rec.Code)
	}
	if !strings.Contains(body, html.EscapeString(f.own.Name)) {
		t.Fatal("the member's own company is not named")
	}
}

// withinAny reports whether s is part of one of the labels others may see.
func withinAny(s string, labels map[string]bool) bool {
	for l := range labels {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}
