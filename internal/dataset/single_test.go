package dataset

import (
	"testing"

	"symbiose/internal/model"
)

func TestParseFlowUsesImportRules(t *testing.T) {
	opt := Options{KnownCompanies: map[string]bool{"c1": true}}
	f, problems := ParseFlow(map[string]string{"company_id": "c1", "direction": "besoin", "label": "Palettes",
		"quantity": "12,5", "unit": "palettes", "visibility": "public"}, opt)
	if len(problems.Errors()) != 0 || f.Direction != model.Input || *f.Quantity != 12.5 || f.Unit != "pallet" || f.ExtID == "" {
		t.Fatalf("%+v %v", f, problems)
	}
	_, problems = ParseFlow(map[string]string{"company_id": "c9", "direction": "sideways", "label": ""}, opt)
	fields := map[string]bool{}
	for _, p := range problems.Errors() {
		fields[p.Field] = true
	}
	if !fields["company_id"] || !fields["direction"] || !fields["label"] {
		t.Fatalf("problems: %v", problems)
	}
	c, problems := ParseCompany(map[string]string{"id": "c2", "name": "Scierie", "naf": "1610a", "lat": "45,6", "lon": "0,15"}, Options{})
	if len(problems) != 0 || c.NAF != "16.10A" || *c.Lat != 45.6 {
		t.Fatalf("%+v %v", c, problems)
	}
}
