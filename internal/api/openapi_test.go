package api

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// The OpenAPI document describes every route and no route that does not
// exist; its references resolve and it declares every path parameter.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	f := newFixture(t)
	rec := f.do(t, viaBearer, "anonymous", "GET", "/api/v1/openapi.json", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	var doc struct {
		OpenAPI    string                                `json:"openapi"`
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components map[string]map[string]json.RawMessage `json:"components"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.0") {
		t.Errorf("openapi %q, want 3.0.x", doc.OpenAPI)
	}
	if _, ok := doc.Components["securitySchemes"]["bearer"]; !ok {
		t.Error("no bearer security scheme")
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths {
		for method := range item {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	routes := map[string]bool{}
	for _, p := range f.api.Patterns() {
		routes[p] = true
		if !documented[p] {
			t.Errorf("route %q is not in openapi.json", p)
		}
	}
	for op := range documented {
		if !routes[op] {
			t.Errorf("openapi.json documents %q, which is not a route", op)
		}
	}

	// Every $ref points at a component.
	for _, m := range regexp.MustCompile(`"\$ref":"#/components/([^/"]+)/([^"]+)"`).FindAllStringSubmatch(rec.Body.String(), -1) {
		if _, ok := doc.Components[m[1]][m[2]]; !ok {
			t.Errorf("unresolved reference #/components/%s/%s", m[1], m[2])
		}
	}
	// Every {param} of a path is declared by each of its operations.
	for path, item := range doc.Paths {
		for method, raw := range item {
			var op struct {
				Parameters []struct {
					Ref string `json:"$ref"`
				} `json:"parameters"`
				Responses map[string]json.RawMessage `json:"responses"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				t.Fatal(err)
			}
			if len(op.Responses) == 0 {
				t.Errorf("%s %s has no responses", method, path)
			}
			for _, m := range regexp.MustCompile(`\{(\w+)\}`).FindAllStringSubmatch(path, -1) {
				found := false
				for _, p := range op.Parameters {
					found = found || p.Ref == "#/components/parameters/"+m[1]
				}
				if !found {
					t.Errorf("%s %s does not declare its path parameter %s", method, path, m[1])
				}
			}
		}
	}
}
