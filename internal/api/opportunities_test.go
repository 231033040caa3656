package api

import (
	"context"
	"net/http"
	"testing"

	"symbiose/internal/model"
)

// A member sees only the opportunities of its company, and the other side
// as its flow's visibility allows; managers see them all.
func TestOpportunitiesForAMember(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	flows, _ := f.Flows(ctx, f.Demo.ID)
	byAPIID := map[int64]model.Flow{}
	for _, fl := range flows {
		byAPIID[fl.ID] = fl
	}
	type answer struct {
		Substitutions  page[substitutionJSON] `json:"substitutions"`
		Mutualisations []groupJSON            `json:"mutualisations"`
	}
	path := territoryPath(f.Demo.ID) + "/opportunities?limit=500"
	all := decode[answer](t, f.do(t, viaBearer, "facilitator", "GET", path, nil))
	mine := decode[answer](t, f.do(t, viaBearer, "member", "GET", path, nil))
	if len(mine.Substitutions.Items) == 0 || len(mine.Substitutions.Items) >= len(all.Substitutions.Items) {
		t.Fatalf("the member sees %d substitutions of %d", len(mine.Substitutions.Items), len(all.Substitutions.Items))
	}
	anonymousSides := 0
	for _, s := range mine.Substitutions.Items {
		out, in := byAPIID[s.OutputFlowAPIID], byAPIID[s.InputFlowAPIID]
		if out.CompanyID != f.Own.ID && in.CompanyID != f.Own.ID {
			t.Errorf("a substitution between others: %+v", s)
		}
		for _, side := range []struct {
			flow            model.Flow
			company, name   string
			flowID          string
			lat             *float64
			visibleToMember bool
		}{
			{out, s.OutputCompanyID, s.OutputCompanyName, s.OutputFlowID, s.OutputLat, out.CompanyID == f.Own.ID || out.Visibility == "public"},
			{in, s.InputCompanyID, s.InputCompanyName, s.InputFlowID, s.InputLat, in.CompanyID == f.Own.ID || in.Visibility == "public"},
		} {
			if side.flow.CompanyID != f.Own.ID && side.flow.Visibility == model.VisibilityPrivate {
				t.Errorf("a private flow of another company: %+v", s)
			}
			named := side.company != "" || side.name != "" || side.flowID != "" || side.lat != nil
			if named != side.visibleToMember {
				t.Errorf("side %s (%s): named %v: %+v", side.flow.ExtID, side.flow.Visibility, named, s)
			}
			if !named {
				anonymousSides++
			}
		}
	}
	if anonymousSides == 0 {
		t.Error("no anonymous side among the member's substitutions: the test proves nothing")
	}
	for _, g := range mine.Mutualisations {
		own := false
		for _, id := range g.CompanyIDs {
			own = own || id == f.Own.ExtID
		}
		if !own {
			t.Errorf("a group without the member's company: %+v", g)
		}
	}
	if len(mine.Mutualisations) == 0 || len(mine.Mutualisations) >= len(all.Mutualisations) {
		t.Errorf("the member sees %d groups of %d", len(mine.Mutualisations), len(all.Mutualisations))
	}
}

// classify answers as the command does, and checks its parameters.
func TestClassify(t *testing.T) {
	f := newFixture(t)
	rec := f.do(t, viaBearer, "observer", "GET", "/api/v1/classify?label=Palettes+bois+cass%C3%A9es&top=2&lang=en", nil)
	got := decode[[]struct {
		Resource, Label string
		Confidence      float64
	}](t, rec)
	if len(got) != 2 || got[0].Resource != "wood.pallet" || got[0].Label == "" || got[0].Confidence <= got[1].Confidence {
		t.Errorf("classify: %+v", got)
	}
	for query, field := range map[string]string{"": "label", "label=x&top=0": "top", "label=x&top=51": "top",
		"label=x&ewc=99+99+99": "ewc", "label=x&family=bois": "family", "label=x&lang=de": "lang"} {
		rec := f.do(t, viaBearer, "observer", "GET", "/api/v1/classify?"+query, nil)
		if rec.Code != http.StatusBadRequest || decode[apiError](t, rec).Error.Field != field {
			t.Errorf("%s: %d %s", query, rec.Code, rec.Body)
		}
	}
}
