package api

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"symbiose/internal/testfixture"
)

// want is the expected status per role; "*" stands for the roles not
// listed, and an anonymous visitor expects 401 unless listed.
type want map[string]int

func (w want) of(role string) int {
	if s, ok := w[role]; ok {
		return s
	}
	if role == "anonymous" {
		return http.StatusUnauthorized
	}
	return w["*"]
}

// probe is one request made for every role and way of signing in.
type probe struct {
	name, pattern string
	// request returns the path and body for one request; key is unique to
	// it, so that records to change or remove are made fresh each time.
	request func(t *testing.T, key string) (path string, body any)
	want    want
}

func static(path string, body any) func(*testing.T, string) (string, any) {
	return func(*testing.T, string) (string, any) { return path, body }
}

func (f *fixture) probes(t *testing.T) []probe {
	demo, other := territoryPath(f.Demo.ID), territoryPath(f.Other.ID)
	own, foreign := companyPath(f.Demo.ID, f.Own.ID), companyPath(f.Demo.ID, f.Foreign.ID)
	flowPath := func(id int64) string { return fmt.Sprintf("%s/flows/%d", demo, id) }
	managers := want{"admin": 200, "facilitator": 200, "*": 403}
	managersAndMember := want{"admin": 200, "facilitator": 200, "member": 200, "*": 403}
	validFlow := func(key string) map[string]any {
		return map[string]any{"direction": "ressource", "label": "Palettes cassées " + key, "quantity": "12,5", "unit": "pallet"}
	}
	return []probe{
		{"public document", "GET /api/v1/openapi.json", static("/api/v1/openapi.json", nil), want{"anonymous": 200, "*": 200}},
		{"classify", "GET /api/v1/classify", static("/api/v1/classify?label=Palettes+bois+cass%C3%A9es&top=2", nil), want{"*": 200}},
		{"classify without label", "GET /api/v1/classify", static("/api/v1/classify?ewc=150103", nil), want{"*": 400}},
		{"territories", "GET /api/v1/territories", static("/api/v1/territories", nil), want{"*": 200}},
		{"demo territory", "GET /api/v1/territories/{tid}", static(demo, nil),
			want{"admin": 200, "facilitator": 200, "observer": 200, "member": 200, "*": 403}},
		{"other territory", "GET /api/v1/territories/{tid}", static(other, nil), want{"admin": 200, "foreign": 200, "*": 403}},
		{"no such territory", "GET /api/v1/territories/{tid}", static("/api/v1/territories/999999", nil), want{"*": 404}},
		{"bourses", "GET /api/v1/territories/{tid}/workshops", static(demo+"/workshops", nil), managers},
		{"bourse interests", "GET /api/v1/territories/{tid}/workshops/{wid}/interests", func(t *testing.T, _ string) (string, any) {
			list, err := f.Workshops(context.Background(), f.Demo.ID)
			if err != nil || len(list) == 0 {
				t.Fatalf("demo bourses: %v", err)
			}
			return fmt.Sprintf("%s/workshops/%d/interests", demo, list[0].ID), nil
		}, managers},
		{"no such bourse", "GET /api/v1/territories/{tid}/workshops/{wid}/interests", static(demo+"/workshops/999999/interests", nil),
			want{"admin": 404, "facilitator": 404, "*": 403}},
		{"demo companies", "GET /api/v1/territories/{tid}/companies", static(demo+"/companies?q=fonderie&limit=5", nil), managers},
		{"other companies", "GET /api/v1/territories/{tid}/companies", static(other+"/companies", nil), want{"admin": 200, "foreign": 200, "*": 403}},
		{"create company", "POST /api/v1/territories/{tid}/companies", func(_ *testing.T, key string) (string, any) {
			return demo + "/companies", map[string]any{"id": "api-" + key, "name": "Nouvelle " + key, "lat": 45.6, "lon": 0.2}
		}, want{"admin": 201, "facilitator": 201, "*": 403}},
		{"create invalid company", "POST /api/v1/territories/{tid}/companies", static(demo+"/companies", map[string]any{"siret": "12"}),
			want{"admin": 400, "facilitator": 400, "*": 403}},
		{"own company", "GET /api/v1/territories/{tid}/companies/{cid}", static(own, nil), managersAndMember},
		{"another company", "GET /api/v1/territories/{tid}/companies/{cid}", static(foreign, nil), managers},
		{"a company of the other territory", "GET /api/v1/territories/{tid}/companies/{cid}",
			static(companyPath(f.Demo.ID, f.OtherCompany.ID), nil), want{"admin": 404, "facilitator": 404, "*": 403}},
		{"update own company", "PUT /api/v1/territories/{tid}/companies/{cid}", static(own, map[string]any{
			"name": f.Own.Name, "lat": 45.66287, "lon": 0.21025, "naf": "24.51Z", "tags": []string{"ICPE", "fonte grise"}}), managersAndMember},
		{"update another company", "PUT /api/v1/territories/{tid}/companies/{cid}", static(foreign, map[string]any{
			"name": f.Foreign.Name, "lat": 45.66327, "lon": 0.20060}), managers},
		{"delete a company", "DELETE /api/v1/territories/{tid}/companies/{cid}", func(t *testing.T, key string) (string, any) {
			return companyPath(f.Demo.ID, f.newCompany(t, "del-"+key).ID), nil
		}, want{"admin": 204, "facilitator": 204, "*": 403}},
		{"own flows", "GET /api/v1/territories/{tid}/companies/{cid}/flows", static(own+"/flows", nil), managersAndMember},
		{"another company's flows", "GET /api/v1/territories/{tid}/companies/{cid}/flows", static(foreign+"/flows", nil), managersAndMember},
		{"add own flow", "POST /api/v1/territories/{tid}/companies/{cid}/flows", func(_ *testing.T, key string) (string, any) {
			return own + "/flows", validFlow(key)
		}, want{"admin": 201, "facilitator": 201, "member": 201, "*": 403}},
		{"add another company's flow", "POST /api/v1/territories/{tid}/companies/{cid}/flows", func(_ *testing.T, key string) (string, any) {
			return foreign + "/flows", validFlow(key)
		}, want{"admin": 201, "facilitator": 201, "*": 403}},
		{"add invalid flow", "POST /api/v1/territories/{tid}/companies/{cid}/flows",
			static(own+"/flows", map[string]any{"direction": "sideways", "label": ""}),
			want{"admin": 400, "facilitator": 400, "member": 400, "*": 403}},
		{"public own flow", "GET /api/v1/territories/{tid}/flows/{fid}", static(flowPath(f.flowByExt(t, "f0001").ID), nil), managersAndMember},
		{"anonymous flow of another", "GET /api/v1/territories/{tid}/flows/{fid}", static(flowPath(f.flowByExt(t, "f0016").ID), nil), managersAndMember},
		{"private flow of another", "GET /api/v1/territories/{tid}/flows/{fid}", static(flowPath(f.flowByExt(t, "f0021").ID), nil),
			want{"admin": 200, "facilitator": 200, "member": 404, "*": 403}},
		{"update own flow", "PUT /api/v1/territories/{tid}/flows/{fid}", func(t *testing.T, key string) (string, any) {
			return flowPath(f.newFlow(t, f.Own.ID, "Palettes "+key, "anonymous").ID), validFlow(key)
		}, managersAndMember},
		{"update another's anonymous flow", "PUT /api/v1/territories/{tid}/flows/{fid}", func(t *testing.T, key string) (string, any) {
			return flowPath(f.newFlow(t, f.Foreign.ID, "Palettes "+key, "anonymous").ID), validFlow(key)
		}, managers},
		{"update another's private flow", "PUT /api/v1/territories/{tid}/flows/{fid}", func(t *testing.T, key string) (string, any) {
			return flowPath(f.newFlow(t, f.Foreign.ID, "Palettes "+key, "private").ID), validFlow(key)
		}, want{"admin": 200, "facilitator": 200, "member": 404, "*": 403}},
		{"delete own flow", "DELETE /api/v1/territories/{tid}/flows/{fid}", func(t *testing.T, key string) (string, any) {
			return flowPath(f.newFlow(t, f.Own.ID, "Palettes "+key, "anonymous").ID), nil
		}, want{"admin": 204, "facilitator": 204, "member": 204, "*": 403}},
		{"delete another's public flow", "DELETE /api/v1/territories/{tid}/flows/{fid}", func(t *testing.T, key string) (string, any) {
			return flowPath(f.newFlow(t, f.Foreign.ID, "Palettes "+key, "public").ID), nil
		}, want{"admin": 204, "facilitator": 204, "*": 403}},
		{"synergies", "GET /api/v1/territories/{tid}/synergies", static(demo+"/synergies?status=realised", nil), managers},
		{"record a synergy", "POST /api/v1/territories/{tid}/synergies", func(_ *testing.T, key string) (string, any) {
			return demo + "/synergies", map[string]any{"type": "mutualisation", "company_ids": []string{"c001", "c002"},
				"label": "Achat groupé " + key, "status": "qualifiée"}
		}, want{"admin": 201, "facilitator": 201, "*": 403}},
		{"a synergy", "GET /api/v1/territories/{tid}/synergies/{sid}", static(fmt.Sprintf("%s/synergies/%d", demo, f.synergyID(t, "s01")), nil), managers},
		{"opportunities", "GET /api/v1/territories/{tid}/opportunities", static(demo+"/opportunities?limit=500", nil), managersAndMember},
		{"other opportunities", "GET /api/v1/territories/{tid}/opportunities", static(other+"/opportunities", nil),
			want{"admin": 200, "foreign": 200, "*": 403}},
		{"export", "GET /api/v1/territories/{tid}/export", static(demo+"/export", nil), managers},
		{"import", "POST /api/v1/territories/{tid}/import", func(_ *testing.T, key string) (string, any) {
			return demo + "/import", map[string]any{"companies": []any{map[string]any{"id": "imp-" + key, "name": "Importée " + key}}}
		}, managers},
	}
}

// Every route × every role × both ways of signing in: the expected status,
// and none of the texts the role must never see. A route without a probe
// fails the test.
func TestEveryRouteForEveryRole(t *testing.T) {
	f := newFixture(t)
	probes := f.probes(t)
	covered := map[string]bool{}
	for i, p := range probes {
		for _, role := range testfixture.Roles {
			for _, mode := range []authMode{viaCookie, viaBearer} {
				expected := p.want.of(role)
				t.Run(fmt.Sprintf("%s/%s/%s", p.name, role, mode), func(t *testing.T) {
					method, _, _ := strings.Cut(p.pattern, " ")
					path, body := p.request(t, fmt.Sprintf("%s-%s-%d", role, mode, i))
					if _, pattern := f.mux.Handler(httptest.NewRequest(method, path, nil)); pattern != p.pattern {
						t.Fatalf("%s %s is routed to %q, not %q", method, path, pattern, p.pattern)
					}
					rec := f.do(t, mode, role, method, path, body)
					if rec.Code != expected {
						t.Fatalf("%s %s: status %d, want %d: %s", method, path, rec.Code, expected, rec.Body)
					}
					if ct := rec.Header().Get("Content-Type"); rec.Code != http.StatusNoContent && !strings.HasPrefix(ct, "application/json") {
						t.Errorf("Content-Type %q, want JSON", ct)
					}
					for _, secret := range f.Forbidden(role) {
						if strings.Contains(rec.Body.String(), secret) {
							t.Errorf("the body shows %q to %s", secret, role)
						}
					}
				})
				covered[p.pattern] = true
			}
		}
	}
	patterns := f.api.Patterns()
	for _, pattern := range patterns {
		if !covered[pattern] {
			t.Errorf("route %q has no probe", pattern)
		}
	}
	for pattern := range covered {
		if !slices.Contains(patterns, pattern) {
			t.Errorf("probe of %q, which is not a route", pattern)
		}
	}
}

func (f *fixture) synergyID(t *testing.T, ext string) int64 {
	t.Helper()
	s, err := f.SynergyByExtID(context.Background(), f.Demo.ID, ext)
	if err != nil {
		t.Fatal(err)
	}
	return s.ID
}
