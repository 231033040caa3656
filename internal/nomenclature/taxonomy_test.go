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

func TestConversionsLinkExistingNodes(t *testing.T) {
	rules := Conversions()
	if len(rules) < 80 {
		t.Fatalf("%d conversion rules, want at least 80", len(rules))
	}
	seen := map[[2]string]bool{}
	for _, c := range rules {
		_, okFrom := LookupResource(c.From)
		_, okTo := LookupResource(c.To)
		switch {
		case !okFrom || !okTo:
			t.Errorf("%s -> %s: unknown node", c.From, c.To)
		case c.From == c.To:
			t.Errorf("%s -> itself", c.From)
		case seen[[2]string{c.From, c.To}]:
			t.Errorf("%s -> %s: duplicate", c.From, c.To)
		case c.Score <= 0 || c.Score > 1:
			t.Errorf("%s -> %s: score %v outside 0..1", c.From, c.To, c.Score)
		case c.ReasonFR == "" || c.ReasonEN == "":
			t.Errorf("%s -> %s: missing reason", c.From, c.To)
		}
		seen[[2]string{c.From, c.To}] = true
	}
}
