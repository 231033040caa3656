package api

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"symbiose/internal/model"
)

// A flow goes through create, read, update and delete, every change
// audited; each body is checked with the import's rules, French words
// included.
func TestFlowRoundTrip(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, role := range []string{"facilitator", "member"} {
		t.Run(role, func(t *testing.T) {
			flowsPath := companyPath(f.Demo.ID, f.Own.ID) + "/flows"
			audits := f.auditCount(t, f.Demo.ID, "create", "flow")
			rec := f.do(t, viaBearer, role, "POST", flowsPath, map[string]any{
				"direction": "sortant", "label": "Palettes bois cassées " + role, "ewc": "150103", "quantity": "12,5",
				"unit": "palettes", "period": "mois", "visibility": "public", "cost_eur": 300, "couleur": "brun"})
			if rec.Code != http.StatusCreated {
				t.Fatalf("create: %d %s", rec.Code, rec.Body)
			}
			created := decode[flowJSON](t, rec)
			if created.Direction != model.Output || created.Period != "month" || created.EWC != "15 01 03" ||
				created.Quantity == nil || *created.Quantity != 12.5 || created.CompanyID != f.Own.ExtID || created.Resource == "" ||
				created.Attrs["couleur"] != "brun" {
				t.Fatalf("created %+v", created)
			}
			path := fmt.Sprintf("%s/flows/%d", territoryPath(f.Demo.ID), created.APIID)
			if loc := rec.Header().Get("Location"); loc != path {
				t.Errorf("Location %q, want %q", loc, path)
			}
			if got := f.auditCount(t, f.Demo.ID, "create", "flow"); got != audits+1 {
				t.Errorf("%d create audit entries, want %d", got, audits+1)
			}

			got := decode[flowJSON](t, f.do(t, viaBearer, role, "GET", path, nil))
			if got.Label != created.Label || got.ID != created.ID {
				t.Fatalf("read back %+v", got)
			}

			// What was read is sent back, changed: read-only fields are ignored.
			body := map[string]any{}
			for k, v := range decode[map[string]any](t, f.do(t, viaBearer, role, "GET", path, nil)) {
				body[k] = v
			}
			body["quantity"], body["visibility"] = 20, "secrète"
			rec = f.do(t, viaBearer, role, "PUT", path, body)
			if rec.Code != http.StatusBadRequest || decode[apiError](t, rec).Error.Field != "visibility" {
				t.Fatalf("update with a bad visibility: %d %s", rec.Code, rec.Body)
			}
			body["visibility"] = "privé"
			rec = f.do(t, viaBearer, role, "PUT", path, body)
			if rec.Code != http.StatusOK {
				t.Fatalf("update: %d %s", rec.Code, rec.Body)
			}
			stored, err := f.Flow(ctx, created.APIID)
			if err != nil {
				t.Fatal(err)
			}
			if *stored.Quantity != 20 || stored.Visibility != "private" || stored.ExtID != created.ID || stored.Label != created.Label {
				t.Fatalf("stored after update %+v", stored)
			}
			if f.auditCount(t, f.Demo.ID, "update", "flow") == 0 {
				t.Error("the update is not audited")
			}

			rec = f.do(t, viaBearer, role, "DELETE", path, nil)
			if rec.Code != http.StatusNoContent {
				t.Fatalf("delete: %d %s", rec.Code, rec.Body)
			}
			if _, err := f.Flow(ctx, created.APIID); err == nil {
				t.Fatal("the flow is still there")
			}
			if f.auditCount(t, f.Demo.ID, "delete", "flow") == 0 {
				t.Error("the deletion is not audited")
			}
			if rec := f.do(t, viaBearer, role, "GET", path, nil); rec.Code != http.StatusNotFound {
				t.Errorf("read after delete: %d", rec.Code)
			}
		})
	}
}

// Bad input answers 400 with the field at fault and writes nothing.
func TestFlowValidation(t *testing.T) {
	f := newFixture(t)
	own := f.newFlow(t, f.Own.ID, "Palettes à garder", "anonymous")
	flowsPath := companyPath(f.Demo.ID, f.Own.ID) + "/flows"
	ownPath := fmt.Sprintf("%s/flows/%d", territoryPath(f.Demo.ID), own.ID)
	cases := []struct {
		name, method, path string
		body               any
		status             int
		field              string
	}{
		{"no direction", "POST", flowsPath, map[string]any{"label": "x"}, 400, "direction"},
		{"no label", "POST", flowsPath, map[string]any{"direction": "input"}, 400, "label"},
		{"unknown direction", "POST", flowsPath, map[string]any{"direction": "sideways", "label": "x"}, 400, "direction"},
		{"negative quantity", "POST", flowsPath, map[string]any{"direction": "input", "label": "x", "quantity": -3}, 400, "quantity"},
		{"not a number", "POST", flowsPath, map[string]any{"direction": "input", "label": "x", "quantity": "beaucoup"}, 400, "quantity"},
		{"unknown waste code", "POST", flowsPath, map[string]any{"direction": "output", "label": "x", "ewc": "99 99 99"}, 400, "ewc"},
		{"unknown resource", "POST", flowsPath, map[string]any{"direction": "output", "label": "x", "resource": "nope.nope"}, 400, "resource"},
		{"dates reversed", "POST", flowsPath, map[string]any{"direction": "output", "label": "x",
			"available_from": "2025-06-01", "available_until": "2025-01-01"}, 400, "available_until"},
		{"another company", "POST", flowsPath, map[string]any{"direction": "output", "label": "x", "company_id": "c002"}, 400, "company_id"},
		{"object value", "POST", flowsPath, map[string]any{"direction": "output", "label": map[string]any{"fr": "x"}}, 400, "label"},
		{"not JSON", "POST", flowsPath, "direction=output", 400, ""},
		{"two objects", "POST", flowsPath, `{"direction": "output", "label": "x"} {}`, 400, ""},
		{"id taken", "POST", flowsPath, map[string]any{"id": "f0001", "direction": "output", "label": "x"}, 409, "id"},
		{"update: no label", "PUT", ownPath, map[string]any{"direction": "output"}, 400, "label"},
		{"update: another id", "PUT", ownPath, map[string]any{"id": "f0001", "direction": "output", "label": "x"}, 400, "id"},
		{"update: bad treatment", "PUT", ownPath, map[string]any{"direction": "output", "label": "x", "treatment": "burn"}, 400, "treatment"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := f.snapshot(t)
			rec := f.do(t, viaBearer, "member", c.method, c.path, c.body)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, c.status, rec.Body)
			}
			e := decode[apiError](t, rec)
			if e.Error.Field != c.field || e.Error.Message == "" {
				t.Errorf("error %+v, want field %q", e.Error, c.field)
			}
			if c.status == 400 && c.field != "" && e.Errors != nil && e.Errors[0].Field != c.field {
				t.Errorf("errors %+v", e.Errors)
			}
			if f.snapshot(t) != before {
				t.Error("a rejected request changed the territory")
			}
		})
	}
	t.Run("every problem is listed", func(t *testing.T) {
		rec := f.do(t, viaBearer, "member", "POST", flowsPath, map[string]any{"direction": "sideways", "quantity": "x", "period": "decade"})
		e := decode[apiError](t, rec)
		fields := map[string]bool{}
		for _, p := range e.Errors {
			fields[p.Field] = true
		}
		for _, want := range []string{"direction", "label", "quantity", "period"} {
			if !fields[want] {
				t.Errorf("no problem for %s in %+v", want, e.Errors)
			}
		}
	})
}

// A member sees an anonymous flow of another company without anything
// that names the company, and may change none of another company's flows.
func TestMemberCannotTouchAnotherCompany(t *testing.T) {
	f := newFixture(t)
	anonymous := f.newFlow(t, f.Foreign.ID, "Copeaux anonymes", "anonymous")
	private := f.newFlow(t, f.Foreign.ID, "Copeaux privés", "private")
	flowPath := func(id int64) string { return fmt.Sprintf("%s/flows/%d", territoryPath(f.Demo.ID), id) }

	got := decode[map[string]any](t, f.do(t, viaBearer, "member", "GET", flowPath(anonymous.ID), nil))
	for _, field := range []string{"company_id", "company_api_id", "id", "attrs"} {
		if _, ok := got[field]; ok {
			t.Errorf("an anonymous flow shows %s to a member: %v", field, got)
		}
	}
	if got["label"] != "Copeaux anonymes" {
		t.Errorf("anonymous flow %v", got)
	}

	foreign := companyPath(f.Demo.ID, f.Foreign.ID)
	valid := map[string]any{"direction": "output", "label": "Repris"}
	cases := []struct {
		name, method, path string
		body               any
		status             int
	}{
		{"read the company", "GET", foreign, nil, 403},
		{"change the company", "PUT", foreign, map[string]any{"name": "Rachetée"}, 403},
		{"remove the company", "DELETE", foreign, nil, 403},
		{"remove its own company", "DELETE", companyPath(f.Demo.ID, f.Own.ID), nil, 403},
		{"add a flow to it", "POST", foreign + "/flows", valid, 403},
		{"change an anonymous flow", "PUT", flowPath(anonymous.ID), valid, 403},
		{"remove an anonymous flow", "DELETE", flowPath(anonymous.ID), nil, 403},
		{"read a private flow", "GET", flowPath(private.ID), nil, 404},
		{"change a private flow", "PUT", flowPath(private.ID), valid, 404},
		{"remove a private flow", "DELETE", flowPath(private.ID), nil, 404},
		{"create a company", "POST", territoryPath(f.Demo.ID) + "/companies", map[string]any{"id": "x", "name": "x"}, 403},
		{"record a synergy", "POST", territoryPath(f.Demo.ID) + "/synergies", map[string]any{"type": "mutualisation",
			"company_ids": "c001;c002"}, 403},
		{"import", "POST", territoryPath(f.Demo.ID) + "/import", map[string]any{"companies": []any{}}, 403},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := f.snapshot(t)
			if rec := f.do(t, viaCookie, "member", c.method, c.path, c.body); rec.Code != c.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, c.status, rec.Body)
			}
			if f.snapshot(t) != before {
				t.Error("a refused request changed the territory")
			}
		})
	}
}
