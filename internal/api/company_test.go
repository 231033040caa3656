package api

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"symbiose/internal/storage"
)

// A company goes through create, read, update and delete, checked with the
// import's rules and audited.
func TestCompanyRoundTrip(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	list := territoryPath(f.Demo.ID) + "/companies"
	rec := f.do(t, viaCookie, "facilitator", "POST", list, map[string]any{"name": "Scierie Nouvelle", "siret": "852 423 565 00013",
		"employees": 12, "lat": "45,65", "lon": "0,16", "tags": []string{"bois", "scierie"}, "zone": "ZI Nersac"})
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	c := decode[companyJSON](t, rec)
	if c.ID == "" || c.SIRET != "85242356500013" || *c.Employees != 12 || *c.Lat != 45.65 || len(c.Tags) != 2 {
		t.Fatalf("created %+v", c)
	}
	path := companyPath(f.Demo.ID, c.APIID)
	if rec.Header().Get("Location") != path {
		t.Errorf("Location %q", rec.Header().Get("Location"))
	}
	if rec := f.do(t, viaCookie, "facilitator", "POST", list, map[string]any{"id": c.ID, "name": "Doublon"}); rec.Code != http.StatusConflict {
		t.Errorf("same id again: %d %s", rec.Code, rec.Body)
	}

	bad := []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"name": ""}, "name"},
		{map[string]any{"name": "x", "siret": "123"}, "siret"},
		{map[string]any{"name": "x", "lat": 45}, "lat"},
		{map[string]any{"name": "x", "lat": 95, "lon": 0}, "lat"},
		{map[string]any{"name": "x", "employees": 2.5}, "employees"},
		{map[string]any{"id": "c001", "name": "x"}, "id"},
	}
	for _, b := range bad {
		before := f.snapshot(t)
		rec := f.do(t, viaCookie, "facilitator", "PUT", path, b.body)
		if rec.Code != http.StatusBadRequest || decode[apiError](t, rec).Error.Field != b.field {
			t.Errorf("%v: %d %s", b.body, rec.Code, rec.Body)
		}
		if f.snapshot(t) != before {
			t.Errorf("%v: a rejected update wrote", b.body)
		}
	}

	rec = f.do(t, viaCookie, "facilitator", "PUT", path, map[string]any{"name": "Scierie Renommée", "city": "Nersac"})
	if rec.Code != http.StatusOK {
		t.Fatalf("update: %d %s", rec.Code, rec.Body)
	}
	stored, _ := f.Company(ctx, c.APIID)
	if stored.Name != "Scierie Renommée" || stored.City != "Nersac" || stored.SIRET != "" || stored.ExtID != c.ID {
		t.Errorf("stored after update %+v", stored)
	}
	if rec := f.do(t, viaCookie, "member", "PUT", companyPath(f.Demo.ID, f.Own.ID), map[string]any{"name": f.Own.Name, "city": "Angoulême"}); rec.Code != http.StatusOK {
		t.Errorf("a member updates its company: %d %s", rec.Code, rec.Body)
	}

	got := decode[companyJSON](t, f.do(t, viaCookie, "member", "GET", companyPath(f.Demo.ID, f.Own.ID), nil))
	if len(got.Contacts) == 0 || got.City != "Angoulême" {
		t.Errorf("own company %+v", got)
	}

	if rec := f.do(t, viaCookie, "facilitator", "DELETE", path, nil); rec.Code != http.StatusNoContent {
		t.Fatalf("delete: %d %s", rec.Code, rec.Body)
	}
	if _, err := f.Company(ctx, c.APIID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	for action, n := range map[string]int{"create": 1, "update": 2, "delete": 1} {
		if got := f.auditCount(t, f.Demo.ID, action, "company"); got != n {
			t.Errorf("%d %s audit entries, want %d", got, action, n)
		}
	}
}

// Who sees which territories, and who sees a territory's counts.
func TestTerritories(t *testing.T) {
	f := newFixture(t)
	for role, want := range map[string][]int64{
		"admin": {f.Demo.ID, f.Other.ID}, "facilitator": {f.Demo.ID}, "foreign": {f.Other.ID},
		"observer": {f.Demo.ID}, "member": {f.Demo.ID},
	} {
		got := decode[struct{ Items []territoryJSON }](t, f.do(t, viaBearer, role, "GET", "/api/v1/territories", nil))
		ids := map[int64]bool{}
		for _, tr := range got.Items {
			ids[tr.ID] = true
		}
		if len(ids) != len(want) {
			t.Errorf("%s sees %v, want %v", role, got.Items, want)
		}
		for _, id := range want {
			if !ids[id] {
				t.Errorf("%s does not see territory %d", role, id)
			}
		}
	}
	for role, counts := range map[string]bool{"admin": true, "facilitator": true, "observer": true, "member": false} {
		got := decode[territoryJSON](t, f.do(t, viaBearer, role, "GET", territoryPath(f.Demo.ID), nil))
		if (got.Companies != nil) != counts || (counts && *got.Companies == 0) {
			t.Errorf("%s: counts %v", role, got.Companies)
		}
	}
}
