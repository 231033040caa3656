package nomenclature

import (
	"sort"
	"strings"
	"sync"
)

// Resource is one node of Symbiose's resource taxonomy: what a flow is made
// of, whatever the company calls it. Codes are dotted paths: the parent of
// "wood.pallet" is "wood".
type Resource struct {
	Code       string
	Parent     string
	Family     string // material, energy, water, equipment, service, skill, space, logistics
	LabelFR    string
	LabelEN    string
	SynonymsFR []string
	SynonymsEN []string
	Hazardous  string // "true", "false", or "" when it depends on the case
}

// Label returns the node's label in a language ("fr" or "en").
func (r Resource) Label(lang string) string {
	if lang == "en" {
		return r.LabelEN
	}
	return r.LabelFR
}

type taxonomy struct {
	byCode   map[string]Resource
	order    []string // file order: parents before children
	children map[string][]string
	ewc      map[string]string // six-digit List of Waste code -> node
}

var loadTaxonomy = sync.OnceValue(func() *taxonomy {
	rows := mustLoad(readCSV("resources.csv"))
	t := &taxonomy{byCode: make(map[string]Resource, len(rows)), children: map[string][]string{}, ewc: map[string]string{}}
	for _, r := range rows {
		res := Resource{Code: r["code"], Parent: r["parent"], Family: r["family"], LabelFR: r["label_fr"],
			LabelEN: r["label_en"], SynonymsFR: splitSynonyms(r["synonyms_fr"]), SynonymsEN: splitSynonyms(r["synonyms_en"]),
			Hazardous: r["hazardous"]}
		t.byCode[res.Code] = res
		t.order = append(t.order, res.Code)
		if res.Parent != "" {
			t.children[res.Parent] = append(t.children[res.Parent], res.Code)
		}
	}
	for _, r := range mustLoad(readCSV("ewc_resources.csv")) {
		t.ewc[r["code"]] = r["resource"]
	}
	return t
})

func splitSynonyms(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ";") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// Resources returns every taxonomy node, parents before their children.
func Resources() []Resource {
	t := loadTaxonomy()
	out := make([]Resource, len(t.order))
	for i, c := range t.order {
		out[i] = t.byCode[c]
	}
	return out
}

// LookupResource returns a taxonomy node by code.
func LookupResource(code string) (Resource, bool) {
	r, ok := loadTaxonomy().byCode[code]
	return r, ok
}

// Children returns the direct children of a node, in code order.
func Children(code string) []string {
	c := append([]string(nil), loadTaxonomy().children[code]...)
	sort.Strings(c)
	return c
}

// WasteResource returns the taxonomy node a List of Waste entry maps to.
func WasteResource(ewc string) string { return loadTaxonomy().ewc[ewc] }

// IsAncestor reports whether a is a strict ancestor of b ("wood" of "wood.pallet").
func IsAncestor(a, b string) bool { return len(b) > len(a) && strings.HasPrefix(b, a+".") }

// Root returns the top-level node of a code ("wood" for "wood.pallet").
func Root(code string) string {
	root, _, _ := strings.Cut(code, ".")
	return root
}

// Taxonomy is the resource taxonomy as the dataset reader needs it: code
// checks, families and label classification.
type Taxonomy struct{}

// Exists reports whether code is a taxonomy node.
func (Taxonomy) Exists(code string) bool { _, ok := LookupResource(code); return ok }

// Family returns the family of a node, "" for an unknown code.
func (Taxonomy) Family(code string) string { r, _ := LookupResource(code); return r.Family }

// Classify returns the best node for a flow's label and its confidence.
func (Taxonomy) Classify(label, ewc, family string) (string, float64, bool) {
	best := DefaultClassifier().ClassifyFlow(label, ewc, family, 1)
	if len(best) == 0 {
		return "", 0, false
	}
	return best[0].Resource, best[0].Confidence, true
}
