package nomenclature

import "testing"

// Every NAF division has a template, and every template node exists.
func TestTemplatesCoverEveryDivision(t *testing.T) {
	divisions := map[string]bool{}
	for _, a := range Activities() {
		divisions[Division(a.Code)] = true
	}
	for d := range divisions {
		if len(Template(d)) == 0 {
			t.Errorf("division %s has no template", d)
		}
	}
	for _, code := range TemplateCodes() {
		if _, ok := LookupActivity(code); !ok {
			t.Errorf("template for %q: not a NAF code", code)
		}
		for _, f := range Template(code) {
			if _, ok := LookupResource(f.Resource); !ok {
				t.Errorf("template %s: %q is not a taxonomy node", code, f.Resource)
			}
			if f.Direction != "input" && f.Direction != "output" {
				t.Errorf("template %s: direction %q", code, f.Direction)
			}
		}
	}
}

func TestTemplateFallsBackToTheDivision(t *testing.T) {
	tests := []struct{ naf, want string }{
		{"10.71C", "10.71C"}, // bakeries have a template of their own
		{"1071C", "10.71C"},
		{"10.71D", "10.71"}, // pastry: the class template
		{"01.11Z", "01"},
		{"00.00Z", ""},
	}
	for _, tt := range tests {
		t.Run(tt.naf, func(t *testing.T) {
			flows := Template(tt.naf)
			got := ""
			if len(flows) > 0 {
				got = flows[0].NAF
			}
			if tt.want != "" && got != tt.want {
				t.Fatalf("Template(%s) from %q, want %q", tt.naf, got, tt.want)
			}
			if tt.want == "" && got != "" {
				t.Fatalf("Template(%s) = %q, want none", tt.naf, got)
			}
		})
	}
}
