// Package testfixture builds, for tests of the web surfaces, the demo
// territory beside a second territory, with one account and one signed-in
// session per role, and the texts each role must never see.
package testfixture

import (
	"context"
	"io"
	"log/slog"
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

// Roles are the kinds of visitor every route is tried with; "foreign" is a
// facilitator of the other territory, "anonymous" is not signed in.
var Roles = []string{"anonymous", "admin", "facilitator", "foreign", "observer", "member"}

// Fixture is a populated database and its sessions.
type Fixture struct {
	storagetest.Backend
	Log          *slog.Logger
	Matchers     *worker.Matchers
	Demo, Other  model.Territory
	Own, Foreign model.Company // the member's company and another of the demo
	OtherCompany model.Company // in the other territory
	Users        map[string]model.User
	Sessions     map[string]string // role -> session cookie value
	CSRF         map[string]string // role -> its session's anti-forgery token
	APITokens    map[string]string // role -> personal API token
	// Secrets are texts only the demo's managers may see; OtherSecrets only
	// the other territory's; DemoNames no one outside the demo.
	Secrets, OtherSecrets, DemoNames []string
}

// New builds the fixture on a fresh SQLite database.
func New(t testing.TB) *Fixture {
	t.Helper()
	ctx := context.Background()
	f := &Fixture{Backend: storagetest.SQLite(t), Sessions: map[string]string{}, CSRF: map[string]string{},
		APITokens: map[string]string{}, Users: map[string]model.User{}, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	var err error
	if f.Demo, err = demo.Load(ctx, f.Storage, dataset.Options{Resources: nomenclature.Taxonomy{}}); err != nil {
		t.Fatal(err)
	}
	lat, lon := 48.85, 2.35
	st, err := f.ImportDataset(ctx, 0, model.Dataset{
		Companies: []model.Company{{ExtID: "x1", Name: "Usine Lointaine", Lat: &lat, Lon: &lon}},
		Flows: []model.Flow{{ExtID: "xf1", CompanyExtID: "x1", Direction: model.Output, Family: "waste",
			Label: "Secret lointain", Resource: "wood.pallet", Visibility: "private"}},
	}, storage.ImportOptions{NewTerritory: "Autre territoire"})
	if err != nil {
		t.Fatal(err)
	}
	f.Other, _ = f.Territory(ctx, st.TerritoryID)
	f.OtherSecrets = []string{"Secret lointain", "Usine Lointaine"}
	if f.Own, err = f.CompanyByExtID(ctx, f.Demo.ID, "c001"); err != nil {
		t.Fatal(err)
	}
	if f.Foreign, err = f.CompanyByExtID(ctx, f.Demo.ID, "c002"); err != nil {
		t.Fatal(err)
	}
	f.OtherCompany, _ = f.CompanyByExtID(ctx, f.Other.ID, "x1")

	// Labels of private flows of companies other than the member's that no
	// flow others may see contains, and the other company's contacts.
	flows, _ := f.Flows(ctx, f.Demo.ID)
	open := map[string]bool{}
	for _, fl := range flows {
		if fl.Visibility != model.VisibilityPrivate {
			open[fl.Label] = true
		}
	}
	for _, fl := range flows {
		if fl.Visibility == model.VisibilityPrivate && fl.CompanyExtID != "c001" && !withinAny(fl.Label, open) {
			f.Secrets = append(f.Secrets, fl.Label)
		}
	}
	contacts, _ := f.ContactsOfCompany(ctx, f.Foreign.ID)
	for _, c := range contacts {
		f.Secrets = append(f.Secrets, c.Email, c.Phone)
	}
	f.DemoNames = []string{f.Own.Name, f.Foreign.Name, "Sable de fonderie usagé"}

	accounts := map[string]model.User{
		"admin":       {Role: model.RoleAdmin},
		"facilitator": {Role: model.RoleFacilitator, Territories: []int64{f.Demo.ID}},
		"foreign":     {Role: model.RoleFacilitator, Territories: []int64{f.Other.ID}},
		"observer":    {Role: model.RoleObserver, Territories: []int64{f.Demo.ID}},
		"member":      {Role: model.RoleMember, CompanyID: f.Own.ID},
	}
	for role, u := range accounts {
		u.Email = role + "@example.org"
		if u.PasswordHash, err = auth.HashPassword("password-" + role); err != nil {
			t.Fatal(err)
		}
		created, err := f.CreateUser(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		f.Users[role] = created
		token := auth.NewToken()
		f.CSRF[role] = "csrf-" + role
		if err := f.CreateSession(ctx, auth.HashToken(token), created.ID, f.CSRF[role], time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		f.Sessions[role] = token
		api := auth.NewToken()
		if err := f.CreateAPIToken(ctx, auth.HashToken(api), created.ID, "tests"); err != nil {
			t.Fatal(err)
		}
		f.APITokens[role] = api
	}
	f.Matchers = worker.NewMatchers(f.Storage, f.Log, matching.Options{})
	if err := f.Matchers.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	return f
}

// Forbidden returns the texts a role must not find in any response.
func (f *Fixture) Forbidden(role string) []string {
	var out []string
	if role != "admin" && role != "facilitator" {
		out = append(out, f.Secrets...)
	}
	if role != "admin" && role != "foreign" {
		out = append(out, f.OtherSecrets...)
	}
	if role == "foreign" || role == "anonymous" || role == "observer" {
		out = append(out, f.DemoNames...)
	}
	return out
}

func withinAny(s string, labels map[string]bool) bool {
	for l := range labels {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}
