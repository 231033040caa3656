package server

import (
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"symbiose/internal/model"
	"symbiose/internal/testfixture"
	"symbiose/internal/ui"
	"symbiose/internal/worker"
)

type fixture struct {
	*testfixture.Fixture
	srv *Server
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	fx := testfixture.New(t)
	srv, err := New(fx.DB, fx.Storage, fx.Log, fx.Matchers, ui.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{fx, srv}
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
	if token, ok := f.Sessions[role]; ok {
		req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: token})
	}
	rec := httptest.NewRecorder()
	f.srv.Handler().ServeHTTP(rec, req)
	return rec
}

var roles = testfixture.Roles

// Every route × every role: the expected status, and no forbidden text in
// the body.
func TestEveryRouteForEveryRole(t *testing.T) {
	f := newFixture(t)
	demoT, otherT := f.Demo.ID, f.Other.ID
	sig, err := worker.UnsubscribeSignature(context.Background(), f.Storage, "anne@example.org")
	if err != nil {
		t.Fatal(err)
	}
	unsub := url.Values{"e": {"anne@example.org"}, "s": {sig}}
	bourses, err := f.Workshops(context.Background(), demoT)
	if err != nil || len(bourses) == 0 {
		t.Fatalf("demo workshops: %v", err)
	}
	wid := bourses[0].ID
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
		{"GET /t/{tid}/companies/{cid}", "GET", fmt.Sprintf("/t/%d/companies/%d", demoT, f.Own.ID), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "member": 200, "*": 403}},
		{"GET /t/{tid}/companies/{cid}", "GET", fmt.Sprintf("/t/%d/companies/%d", demoT, f.Foreign.ID), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/companies/{cid}", "GET", fmt.Sprintf("/t/%d/companies/%d", demoT, f.OtherCompany.ID), nil,
			want{"anonymous": 303, "admin": 404, "facilitator": 404, "*": 403}},
		{"GET /t/{tid}/companies/{cid}", "GET", fmt.Sprintf("/t/%d/companies/999999", demoT), nil,
			want{"anonymous": 303, "admin": 404, "facilitator": 404, "*": 403}},
		{"GET /t/{tid}/opportunities", "GET", fmt.Sprintf("/t/%d/opportunities", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "member": 200, "*": 403}},
		{"GET /t/{tid}/opportunities", "GET", fmt.Sprintf("/t/%d/opportunities?q=bois&family=waste&min_score=0,5", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "member": 200, "*": 403}},
		{"GET /t/{tid}/opportunities", "GET", fmt.Sprintf("/t/%d/opportunities", otherT), nil,
			want{"anonymous": 303, "admin": 200, "foreign": 200, "*": 403}},
	}
	if len(f.Secrets) < 10 {
		t.Fatalf("only %d secrets to look for", len(f.Secrets))
	}
	// The secrets are real: a facilitator sees them on the company's page.
	page := f.do("facilitator", "GET", fmt.Sprintf("/t/%d/companies/%d", demoT, f.Foreign.ID), nil).Body.String()
	shown := 0
	for _, s := range f.Secrets {
		if strings.Contains(page, html.EscapeString(s)) {
			shown++
		}
	}
	if shown == 0 {
		t.Fatal("the facilitator does not see the company's private flows or contacts")
	}
	// Flows to edit and delete, one per role, in the member's company.
	ctx := context.Background()
	ownFlows := map[string]int64{}
	for _, role := range roles {
		fl, err := f.CreateFlow(ctx, model.Flow{CompanyID: f.Own.ID, Direction: model.Output, Family: "waste",
			Label: "Flux de test " + role, Resource: "wood.pallet", Period: "year", Visibility: "anonymous"})
		if err != nil {
			t.Fatal(err)
		}
		ownFlows[role] = fl.ID
	}
	foreignFlows, _ := f.FlowsOfCompany(ctx, f.Foreign.ID)
	ownSynergies := map[string]int64{}
	for _, role := range roles {
		sy, err := f.CreateSynergy(ctx, model.Synergy{TerritoryID: f.Demo.ID, Type: model.Mutualisation,
			CompanyExtIDs: []string{"c001", "c002"}, Label: "Collecte test " + role}, "test")
		if err != nil {
			t.Fatal(err)
		}
		ownSynergies[role] = sy.ID
	}
	valid := url.Values{"csrf": {"{csrf}"}, "direction": {"output"}, "label": {"Palettes cassées {role}"}, "quantity": {"12,5"},
		"unit": {"pallet"}, "period": {"year"}, "visibility": {"anonymous"}}
	invalid := url.Values{"csrf": {"{csrf}"}, "direction": {"sideways"}, "label": {""}}
	ownFlowsPath := fmt.Sprintf("/t/%d/companies/%d/flows", demoT, f.Own.ID)
	cases = append(cases, []struct {
		pattern, method, path string
		form                  url.Values
		status                want
	}{
		{"GET /t/{tid}/companies/{cid}/flows/new", "GET", ownFlowsPath + "/new", nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "member": 200, "*": 403}},
		{"GET /t/{tid}/companies/{cid}/flows/new", "GET", fmt.Sprintf("/t/%d/companies/%d/flows/new", demoT, f.Foreign.ID), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"POST /t/{tid}/companies/{cid}/flows", "POST", ownFlowsPath, valid,
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "member": 303, "*": 403}},
		{"POST /t/{tid}/companies/{cid}/flows", "POST", ownFlowsPath, invalid,
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "member": 400, "*": 403}},
		{"POST /t/{tid}/companies/{cid}/flows", "POST", fmt.Sprintf("/t/%d/companies/%d/flows", demoT, f.Foreign.ID), valid,
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "*": 403}},
		{"GET /t/{tid}/flows/{fid}/edit", "GET", fmt.Sprintf("/t/%d/flows/%d/edit", demoT, foreignFlows[0].ID), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/flows/{fid}/edit", "GET", fmt.Sprintf("/t/%d/flows/{own}/edit", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "member": 200, "*": 403}},
		{"POST /t/{tid}/flows/{fid}", "POST", fmt.Sprintf("/t/%d/flows/{own}", demoT), valid,
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "member": 303, "*": 403}},
		{"POST /t/{tid}/flows/{fid}", "POST", fmt.Sprintf("/t/%d/flows/{own}", demoT), url.Values{"direction": {"output"}, "label": {"x"}},
			want{"anonymous": 303, "admin": 403, "facilitator": 403, "member": 403, "*": 403}},
		{"POST /t/{tid}/flows/{fid}/delete", "POST", fmt.Sprintf("/t/%d/flows/{own}/delete", demoT), url.Values{"csrf": {"{csrf}"}},
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "member": 303, "*": 403}},
		{"GET /t/{tid}/synergies", "GET", fmt.Sprintf("/t/%d/synergies", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/synergies", "GET", fmt.Sprintf("/t/%d/synergies?view=list&stale=1&type=substitution", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/synergies/{sid}", "GET", fmt.Sprintf("/t/%d/synergies/{syn}", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/synergies/{sid}", "GET", fmt.Sprintf("/t/%d/synergies/999999", demoT), nil,
			want{"anonymous": 303, "admin": 404, "facilitator": 404, "*": 403}},
		{"POST /t/{tid}/synergies/{sid}", "POST", fmt.Sprintf("/t/%d/synergies/{syn}", demoT),
			url.Values{"csrf": {"{csrf}"}, "nature": {"service"}, "next_action": {"Relancer"}, "next_action_on": {"2026-12-15"}},
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "*": 403}},
		{"POST /t/{tid}/synergies/{sid}", "POST", fmt.Sprintf("/t/%d/synergies/{syn}", demoT),
			url.Values{"csrf": {"{csrf}"}, "next_action_on": {"demain"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"POST /t/{tid}/synergies/{sid}/move", "POST", fmt.Sprintf("/t/%d/synergies/{syn}/move", demoT),
			url.Values{"csrf": {"{csrf}"}, "from": {"detected"}, "to": {"abandoned"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"POST /t/{tid}/synergies/{sid}/move", "POST", fmt.Sprintf("/t/%d/synergies/{syn}/move", demoT),
			url.Values{"csrf": {"{csrf}"}, "from": {"detected"}, "to": {"qualified"}, "note": {"appel fait"}},
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "*": 403}},
		{"POST /t/{tid}/synergies/{sid}/move", "POST", fmt.Sprintf("/t/%d/synergies/{syn}/move", demoT),
			url.Values{"csrf": {"{csrf}"}, "from": {"detected"}, "to": {"studying"}},
			want{"anonymous": 303, "admin": 409, "facilitator": 409, "*": 403}},
		{"POST /t/{tid}/companies/{cid}/invite", "POST", fmt.Sprintf("/t/%d/companies/%d/invite", demoT, f.Own.ID),
			url.Values{"csrf": {"{csrf}"}, "email": {"contact-{role}@example.org"}},
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"POST /t/{tid}/companies/{cid}/invite", "POST", fmt.Sprintf("/t/%d/companies/%d/invite", demoT, f.Own.ID),
			url.Values{"csrf": {"{csrf}"}, "email": {"not an email"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"GET /invite/{token}", "GET", "/invite/not-a-token", nil, want{"*": 410}},
		{"POST /t/{tid}/synergies/{sid}/introduce", "POST", fmt.Sprintf("/t/%d/synergies/{syn}/introduce", demoT), url.Values{"csrf": {"{csrf}"}},
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /introduction/{token}", "GET", "/introduction/not-a-token", nil, want{"*": 404}},
		{"POST /introduction/{token}", "POST", "/introduction/not-a-token", url.Values{"answer": {"accepted"}}, want{"*": 404}},
		{"GET /unsubscribe", "GET", "/unsubscribe?e=anne%40example.org&s=forged", nil, want{"*": 404}},
		{"GET /unsubscribe", "GET", "/unsubscribe?" + unsub.Encode(), nil, want{"*": 200}},
		{"POST /unsubscribe", "POST", "/unsubscribe", url.Values{"e": {"anne@example.org"}, "s": {"forged"}}, want{"*": 404}},
		{"POST /unsubscribe", "POST", "/unsubscribe", unsub, want{"*": 403}}, // no CSRF token
		{"GET /t/{tid}/workshops", "GET", fmt.Sprintf("/t/%d/workshops", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/workshops/{wid}", "GET", fmt.Sprintf("/t/%d/workshops/%d", demoT, wid), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"POST /t/{tid}/workshops", "POST", fmt.Sprintf("/t/%d/workshops", demoT),
			url.Values{"csrf": {"{csrf}"}, "title": {"Bourse {role}"}, "date": {"2026-12-10"}, "capacity": {"30"}},
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "*": 403}},
		{"POST /t/{tid}/workshops", "POST", fmt.Sprintf("/t/%d/workshops", demoT),
			url.Values{"csrf": {"{csrf}"}, "title": {""}, "date": {"10/12/2026"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}", "POST", fmt.Sprintf("/t/%d/workshops/%d", demoT, wid),
			url.Values{"csrf": {"{csrf}"}, "title": {bourses[0].Title}, "date": {bourses[0].Date}, "table_size": {"5"}, "rounds": {"3"}},
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}", "POST", fmt.Sprintf("/t/%d/workshops/%d", demoT, wid),
			url.Values{"csrf": {"{csrf}"}, "title": {"x"}, "date": {bourses[0].Date}, "table_size": {"50"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}/invitations", "POST", fmt.Sprintf("/t/%d/workshops/%d/invitations", demoT, wid),
			url.Values{"csrf": {"{csrf}"}, "company": {fmt.Sprint(f.Own.ID)}},
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}/invitations", "POST", fmt.Sprintf("/t/%d/workshops/%d/invitations", demoT, wid),
			url.Values{"csrf": {"{csrf}"}, "company": {fmt.Sprint(f.OtherCompany.ID)}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}/staff", "POST", fmt.Sprintf("/t/%d/workshops/%d/staff", demoT, wid),
			url.Values{"csrf": {"{csrf}"}, "role": {"secretary"}, "name": {"Léa {role}"}, "table": {"1"}},
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}/staff", "POST", fmt.Sprintf("/t/%d/workshops/%d/staff", demoT, wid),
			url.Values{"csrf": {"{csrf}"}, "role": {"secretary"}, "name": {"Sans table"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}/staff/{sid}/delete", "POST", fmt.Sprintf("/t/%d/workshops/%d/staff/999999/delete", demoT, wid),
			url.Values{"csrf": {"{csrf}"}}, want{"anonymous": 303, "admin": 404, "facilitator": 404, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}/pairs", "POST", fmt.Sprintf("/t/%d/workshops/%d/pairs", demoT, wid),
			url.Values{"csrf": {"{csrf}"}, "a": {"1"}, "b": {"1"}, "kind": {"competitors"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}/seats", "POST", fmt.Sprintf("/t/%d/workshops/%d/seats", demoT, wid),
			url.Values{"csrf": {"{csrf}"}, "company": {fmt.Sprint(f.Own.ID)}, "table": {"1"}},
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}/seats", "POST", fmt.Sprintf("/t/%d/workshops/%d/seats", demoT, wid),
			url.Values{"csrf": {"{csrf}"}, "company": {fmt.Sprint(f.OtherCompany.ID)}, "table": {"1"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}/plan", "POST", fmt.Sprintf("/t/%d/workshops/%d/plan", demoT, wid),
			url.Values{"csrf": {"{csrf}"}}, want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}/plan", "POST", fmt.Sprintf("/t/%d/workshops/%d/plan", demoT, wid),
			url.Values{"csrf": {"{csrf}"}, "played": {"7"}}, want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"GET /t/{tid}/workshops/{wid}/printables", "GET", fmt.Sprintf("/t/%d/workshops/%d/printables", demoT, wid), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/workshops/{wid}/live", "GET", fmt.Sprintf("/t/%d/workshops/%d/live", demoT, wid), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/workshops/{wid}/live.json", "GET", fmt.Sprintf("/t/%d/workshops/%d/live.json", demoT, wid), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/workshops/{wid}/interests.csv", "GET", fmt.Sprintf("/t/%d/workshops/%d/interests.csv", demoT, wid), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/workshops/{wid}/summaries/{cid}", "GET", fmt.Sprintf("/t/%d/workshops/%d/summaries/%d", demoT, wid, f.Own.ID), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/workshops/{wid}/summaries/{cid}", "GET", fmt.Sprintf("/t/%d/workshops/%d/summaries/%d", demoT, wid, f.OtherCompany.ID), nil,
			want{"anonymous": 303, "admin": 404, "facilitator": 404, "*": 403}},
		{"POST /t/{tid}/workshops/{wid}/close", "POST", fmt.Sprintf("/t/%d/workshops/%d/close", demoT, wid),
			url.Values{"csrf": {"{csrf}"}}, want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/workshops/{wid}", "GET", fmt.Sprintf("/t/%d/workshops/%d", otherT, wid), nil,
			want{"anonymous": 303, "admin": 404, "foreign": 404, "*": 403}},
		{"GET /b/{token}", "GET", "/b/not-a-token", nil, want{"*": 404}},
		{"POST /b/{token}", "POST", "/b/not-a-token", url.Values{"action": {"register"}}, want{"*": 404}},
		{"GET /b/{token}/summary", "GET", "/b/not-a-token/summary", nil, want{"*": 404}},
		{"GET /s/{token}", "GET", "/s/not-a-token", nil, want{"*": 404}},
		{"GET /s/{token}/state", "GET", "/s/not-a-token/state", nil, want{"*": 404}},
		{"POST /s/{token}/interests", "POST", "/s/not-a-token/interests", url.Values{}, want{"*": 404}},
		{"GET /t/{tid}/workshops/{wid}", "GET", fmt.Sprintf("/t/%d/workshops/999999", demoT), nil,
			want{"anonymous": 303, "admin": 404, "facilitator": 404, "*": 403}},
		{"GET /t/{tid}/programme", "GET", fmt.Sprintf("/t/%d/programme", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"POST /t/{tid}/programme", "POST", fmt.Sprintf("/t/%d/programme", demoT), url.Values{"csrf": {"{csrf}"}, "name": {"Programme {role}"},
			"obj_label": {"10 synergies"}, "obj_target": {"10"}, "obj_type": {""}, "obj_nature": {""}, "obj_by": {"2027"}},
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "*": 403}},
		{"POST /t/{tid}/programme", "POST", fmt.Sprintf("/t/%d/programme", demoT), url.Values{"csrf": {"{csrf}"}, "name": {""},
			"means_year": {"deux mille"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"GET /t/{tid}/reminders", "GET", fmt.Sprintf("/t/%d/reminders", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"POST /t/{tid}/reminders", "POST", fmt.Sprintf("/t/%d/reminders", demoT), url.Values{"csrf": {"{csrf}"}, "days": {"14"}, "weekday": {"3"}, "stale_days": {"60"}},
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "*": 403}},
		{"POST /t/{tid}/reminders", "POST", fmt.Sprintf("/t/%d/reminders", demoT), url.Values{"csrf": {"{csrf}"}, "days": {"0"}, "weekday": {"9"}, "stale_days": {"60"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"GET /t/{tid}/report", "GET", fmt.Sprintf("/t/%d/report", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/report", "GET", fmt.Sprintf("/t/%d/report?format=pdf", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /t/{tid}/report", "GET", fmt.Sprintf("/t/%d/report?format=doc", demoT), nil,
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"GET /t/{tid}/audit", "GET", fmt.Sprintf("/t/%d/audit", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"GET /account", "GET", "/account", nil, want{"anonymous": 303, "*": 200}},
		{"POST /account/tokens", "POST", "/account/tokens", url.Values{"csrf": {"{csrf}"}, "name": {"outil {role}"}},
			want{"anonymous": 303, "*": 200}},
		{"POST /account/tokens", "POST", "/account/tokens", url.Values{"name": {"no csrf"}}, want{"anonymous": 303, "*": 403}},
		{"POST /account/tokens/{hash}/delete", "POST", "/account/tokens/not-mine/delete", url.Values{"csrf": {"{csrf}"}},
			want{"anonymous": 303, "*": 404}},
		{"GET /t/{tid}/map", "GET", fmt.Sprintf("/t/%d/map", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "member": 200, "*": 403}},
		{"GET /t/{tid}/map.json", "GET", fmt.Sprintf("/t/%d/map.json", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "member": 200, "*": 403}},
		{"GET /t/{tid}/import", "GET", fmt.Sprintf("/t/%d/import", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"POST /t/{tid}/import", "POST", fmt.Sprintf("/t/%d/import", demoT), url.Values{"csrf": {"{csrf}"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"POST /t/{tid}/import/{token}", "POST", fmt.Sprintf("/t/%d/import/not-a-real-token-at-all", demoT), url.Values{"csrf": {"{csrf}"}},
			want{"anonymous": 303, "admin": 410, "facilitator": 410, "*": 403}},
		{"GET /t/{tid}/companies/new", "GET", fmt.Sprintf("/t/%d/companies/new", demoT), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"POST /t/{tid}/companies", "POST", fmt.Sprintf("/t/%d/companies", demoT),
			url.Values{"csrf": {"{csrf}"}, "name": {"Nouvelle {role}"}, "naf": {"16.10A"}, "lat": {"45,65"}, "lon": {"0,16"}},
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "*": 403}},
		{"POST /t/{tid}/companies", "POST", fmt.Sprintf("/t/%d/companies", demoT),
			url.Values{"csrf": {"{csrf}"}, "name": {""}, "lat": {"95"}, "lon": {"0"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"GET /t/{tid}/companies/{cid}/edit", "GET", fmt.Sprintf("/t/%d/companies/%d/edit", demoT, f.Own.ID), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "member": 200, "*": 403}},
		{"GET /t/{tid}/companies/{cid}/edit", "GET", fmt.Sprintf("/t/%d/companies/%d/edit", demoT, f.Foreign.ID), nil,
			want{"anonymous": 303, "admin": 200, "facilitator": 200, "*": 403}},
		{"POST /t/{tid}/companies/{cid}", "POST", fmt.Sprintf("/t/%d/companies/%d", demoT, f.Own.ID),
			url.Values{"csrf": {"{csrf}"}, "name": {f.Own.Name}, "naf": {f.Own.NAF}, "lat": {"45.65"}, "lon": {"0.16"}},
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "member": 303, "*": 403}},
		{"POST /t/{tid}/synergies", "POST", fmt.Sprintf("/t/%d/synergies", demoT),
			url.Values{"csrf": {"{csrf}"}, "type": {"substitution"}, "output_flow_id": {"f0001"}, "input_flow_id": {"f0432"}},
			want{"anonymous": 303, "admin": 303, "facilitator": 303, "*": 403}},
		{"POST /t/{tid}/synergies", "POST", fmt.Sprintf("/t/%d/synergies", demoT),
			url.Values{"csrf": {"{csrf}"}, "type": {"substitution"}, "output_flow_id": {"f0432"}, "input_flow_id": {"nope"}},
			want{"anonymous": 303, "admin": 400, "facilitator": 400, "*": 403}},
		{"POST /invite/{token}", "POST", "/invite/not-a-token", url.Values{}, want{"*": 403}},
	}...)
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.pattern] = true
		for _, role := range roles {
			t.Run(role+" "+c.method+" "+c.path, func(t *testing.T) {
				expected, ok := c.status[role]
				if !ok {
					expected = c.status["*"]
				}
				path := strings.NewReplacer("{own}", fmt.Sprint(ownFlows[role]), "{syn}", fmt.Sprint(ownSynergies[role])).Replace(c.path)
				var form url.Values
				if c.form != nil {
					form = url.Values{}
					for k, vs := range c.form {
						for _, v := range vs {
							form.Add(k, strings.NewReplacer("{csrf}", f.CSRF[role], "{role}", role).Replace(v))
						}
					}
				}
				rec := f.do(role, c.method, path, form)
				if rec.Code != expected {
					t.Fatalf("status %d, want %d", rec.Code, expected)
				}
				body := rec.Body.String()
				for _, s := range f.Forbidden(role) {
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
	rec := f.do("member", "GET", fmt.Sprintf("/t/%d/opportunities", f.Demo.ID), nil)
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, "Entreprise anonyme") {
		t.Fatalf("member opportunities: %d, anonymous counterpart missing", rec.Code)
	}
	if !strings.Contains(body, html.EscapeString(f.Own.Name)) {
		t.Fatal("the member's own company is not named")
	}
}

// The opportunities filters narrow the list.
func TestOpportunityFilters(t *testing.T) {
	f := newFixture(t)
	rows := func(query string) int {
		body := f.do("facilitator", "GET", fmt.Sprintf("/t/%d/opportunities%s", f.Demo.ID, query), nil).Body.String()
		return strings.Count(body, `name="output_flow_id"`)
	}
	all, wood, strict := rows(""), rows("?q=palette"), rows("?min_score=0,99")
	if all == 0 || wood == 0 || wood >= all || strict >= all {
		t.Fatalf("rows: all %d, q=palette %d, min_score 0,99 %d", all, wood, strict)
	}
}
