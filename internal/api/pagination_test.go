package api

import (
	"fmt"
	"net/http"
	"testing"
)

// Lists come one page at a time; pages join up into the whole list.
func TestPagination(t *testing.T) {
	f := newFixture(t)
	demo := territoryPath(f.Demo.ID)
	all := decode[page[companyJSON]](t, f.do(t, viaBearer, "facilitator", "GET", demo+"/companies?limit=500", nil))
	if all.Total != len(all.Items) || all.Total < 60 {
		t.Fatalf("%d companies of %d", len(all.Items), all.Total)
	}
	var joined []string
	for offset := 0; offset < all.Total; offset += 7 {
		p := decode[page[companyJSON]](t, f.do(t, viaBearer, "facilitator", "GET", fmt.Sprintf("%s/companies?limit=7&offset=%d", demo, offset), nil))
		if p.Total != all.Total || p.Limit != 7 || p.Offset != offset || len(p.Items) != min(7, all.Total-offset) {
			t.Fatalf("page at %d: %d items, total %d, limit %d, offset %d", offset, len(p.Items), p.Total, p.Limit, p.Offset)
		}
		for _, c := range p.Items {
			joined = append(joined, c.ID)
		}
	}
	for i, c := range all.Items {
		if joined[i] != c.ID {
			t.Fatalf("item %d: %s in pages, %s in the whole list", i, joined[i], c.ID)
		}
	}
	if p := decode[page[companyJSON]](t, f.do(t, viaBearer, "facilitator", "GET", demo+"/companies?offset=1000", nil)); len(p.Items) != 0 || p.Total != all.Total || p.Items == nil {
		t.Errorf("past the end: %+v", p)
	}
	if p := decode[page[companyJSON]](t, f.do(t, viaBearer, "facilitator", "GET", demo+"/companies", nil)); p.Limit != defaultLimit || len(p.Items) != defaultLimit {
		t.Errorf("default page: limit %d, %d items", p.Limit, len(p.Items))
	}
	found := decode[page[companyJSON]](t, f.do(t, viaBearer, "facilitator", "GET", demo+"/companies?q=FONDERIE", nil))
	if found.Total == 0 || found.Total == all.Total {
		t.Errorf("q=FONDERIE finds %d of %d", found.Total, all.Total)
	}
	zone := decode[page[companyJSON]](t, f.do(t, viaBearer, "facilitator", "GET", demo+"/companies?zone=ZI+n%C2%B03+L%27Isle-d%27Espagnac", nil))
	for _, c := range zone.Items {
		if c.Zone != "ZI n°3 L'Isle-d'Espagnac" {
			t.Errorf("zone filter kept %s in %q", c.ID, c.Zone)
		}
	}
	if zone.Total == 0 {
		t.Error("the zone filter finds nothing")
	}

	subs := decode[struct {
		Substitutions page[substitutionJSON] `json:"substitutions"`
	}](t, f.do(t, viaBearer, "facilitator", "GET", demo+"/opportunities?limit=3&offset=2", nil))
	if subs.Substitutions.Total <= 5 || len(subs.Substitutions.Items) != 3 || subs.Substitutions.Offset != 2 {
		t.Errorf("opportunities page: %d items of %d", len(subs.Substitutions.Items), subs.Substitutions.Total)
	}
	syn := decode[page[synergyJSON]](t, f.do(t, viaBearer, "facilitator", "GET", demo+"/synergies?limit=5&status=realised", nil))
	if syn.Total == 0 || len(syn.Items) > 5 {
		t.Errorf("synergies page: %d items of %d", len(syn.Items), syn.Total)
	}
	for _, s := range syn.Items {
		if s.Status != "realised" {
			t.Errorf("status filter kept %s", s.Status)
		}
	}

	for _, q := range []struct{ query, field string }{
		{"limit=0", "limit"}, {"limit=501", "limit"}, {"limit=ten", "limit"}, {"offset=-1", "offset"}, {"offset=x", "offset"},
	} {
		for _, list := range []string{"/companies", "/synergies", "/opportunities"} {
			rec := f.do(t, viaBearer, "facilitator", "GET", demo+list+"?"+q.query, nil)
			if rec.Code != http.StatusBadRequest || decode[apiError](t, rec).Error.Field != q.field {
				t.Errorf("%s?%s: %d %s", list, q.query, rec.Code, rec.Body)
			}
		}
	}
}
