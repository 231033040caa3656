package nomenclature

import (
	"regexp"
	"testing"
)

var codeShape = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)*$`)

func TestTaxonomyIsATree(t *testing.T) {
	families := map[string]bool{"material": true, "energy": true, "water": true, "equipment": true, "service": true,
		"skill": true, "space": true, "logistics": true}
	all := Resources()
	if len(all) < 250 {
		t.Fatalf("%d nodes, want a few hundred", len(all))
	}
	seen := map[string]bool{}
	for _, r := range all {
		switch {
		case !codeShape.MatchString(r.Code):
			t.Errorf("%q: malformed code", r.Code)
		case seen[r.Code]:
			t.Errorf("%q: duplicate", r.Code)
		case r.Parent != "" && !seen[r.Parent]:
			t.Errorf("%q: parent %q missing or listed after it", r.Code, r.Parent)
		case r.Parent != "" && !IsAncestor(r.Parent, r.Code):
			t.Errorf("%q: parent %q is not its prefix", r.Code, r.Parent)
		case !families[r.Family]:
			t.Errorf("%q: unknown family %q", r.Code, r.Family)
		case r.LabelFR == "" || r.LabelEN == "":
			t.Errorf("%q: missing label", r.Code)
		}
		seen[r.Code] = true
	}
}

// Every List of Waste entry maps to a taxonomy node.
func TestEveryWasteCodeMapsToANode(t *testing.T) {
	for _, w := range WasteCodes() {
		node := WasteResource(w.Code)
		if _, ok := LookupResource(node); !ok {
			t.Errorf("List of Waste %s (%s) maps to %q, not a taxonomy node", w.Display(), w.LabelEN, node)
		}
	}
}
