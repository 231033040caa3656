package server

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// A facilitator edits the demo's programme through the form; a form with
// mistakes lists them all and changes nothing.
func TestProgrammeForm(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	path := fmt.Sprintf("/t/%d/programme", f.Demo.ID)
	rec := f.do("facilitator", "GET", path, nil)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `value="ADEME Nouvelle-Aquitaine"`) {
		t.Fatalf("programme form %d:\n%s", rec.Code, rec.Body.String())
	}
	form := url.Values{"csrf": {f.CSRF["facilitator"]}, "name": {"Programme EIT 2022-2024"}, "context": {"Suite du premier programme."},
		"obj_label": {"8 synergies d'ici 2024", "", "4 synergies énergie"}, "obj_target": {"8", "", "4"},
		"obj_type": {"", "", "substitution"}, "obj_nature": {"", "", "energy"}, "obj_by": {"2024", "", ""},
		"phase_name": {"Diagnostics"}, "phase_from": {"2022-01-10"}, "phase_to": {"2022-06-30"},
		"partner_name": {"ADEME Nouvelle-Aquitaine", ""}, "partner_role": {"financeur", ""},
		"means_year": {"2022"}, "means_fte": {"0,8"}, "means_staff": {"44 000"}, "means_consultancy": {""}, "means_software": {""},
		"success": {"Un animateur dédié\n\nDes entreprises motrices"}, "difficulties": {""}}
	if rec := f.do("facilitator", "POST", path, form); rec.Code != 303 {
		t.Fatalf("save: %d\n%s", rec.Code, rec.Body.String())
	}
	p, err := f.Programme(ctx, f.Demo.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Programme EIT 2022-2024" || len(p.Objectives) != 2 || p.Objectives[1].Nature != "energy" || p.Objectives[0].By != 2024 ||
		len(p.Partners) != 1 || len(p.Means) != 1 || p.Means[0].StaffFTE != 0.8 || p.Means[0].StaffEUR != 44000 ||
		len(p.SuccessFactors) != 2 || p.Difficulties != nil {
		t.Fatalf("stored programme: %+v", p)
	}

	bad := url.Values{"csrf": {f.CSRF["facilitator"]}, "name": {""}, "obj_label": {"x"}, "obj_target": {"0"},
		"phase_name": {"P"}, "phase_from": {"2022-05-01"}, "phase_to": {"2022-04-01"}, "means_year": {"2022"}, "means_staff": {"beaucoup"}}
	rec = f.do("facilitator", "POST", path, bad)
	body := rec.Body.String()
	if rec.Code != 400 || !strings.Contains(body, "&#34;beaucoup&#34; n&#39;est pas un nombre") {
		t.Fatalf("a bad number: %d\n%s", rec.Code, body)
	}
	bad.Set("means_staff", "")
	rec = f.do("facilitator", "POST", path, bad)
	body = rec.Body.String()
	for _, want := range []string{"name: required", "objectives[0].target: 0", "phases[0].to: 2022-04-01 is before 2022-05-01"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page does not list %q", want)
		}
	}
	if rec.Code != 400 || !strings.Contains(body, `value="P"`) {
		t.Errorf("the form does not keep what was typed (%d)", rec.Code)
	}
	if p, _ := f.Programme(ctx, f.Demo.ID); p.Name != "Programme EIT 2022-2024" {
		t.Fatalf("a refused form changed the programme: %+v", p)
	}
}
