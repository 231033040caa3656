package browser

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"symbiose/internal/model"
	"symbiose/internal/nomenclature"
)

var companyPage = regexp.MustCompile(`^/t/(\d+)/companies/(\d+)$`)

// A facilitator adds a company with the form, then an output flow to it:
// the classifier suggests its resource as the label is typed (or, while the
// classify API is not mounted, the server classifies it on save).
func TestCreateCompanyAndFlow(t *testing.T) {
	a := startApp(t)
	b := newBrowser(t, a, "facilitator")
	b.signIn("facilitator")

	c := createCompany(t, a, b)

	// An output flow; its resource comes from the classifier.
	b.click(`#main a.button[href$="/flows/new"]`)
	b.waitText("#main h1", "Menuiserie Test")
	b.choose("#direction", "output")
	b.choose("#family", "waste")
	b.fill([2]string{"#label", "Palettes bois cassées"}, [2]string{"#quantity", "600"})
	b.choose(`select[name="unit"]`, "pallet")
	suggested := ""
	if status, _ := a.get("/api/v1/classify?label=palettes", "facilitator"); status == 200 {
		// The classify API is mounted: pick the first suggestion.
		b.do("wait for suggestions", chromedp.WaitVisible(chromedp.CSS("#suggestions button.suggestion")))
		suggested = eval[string](b, `document.querySelector("#suggestions button.suggestion").dataset.resource`)
		b.do("pick a suggestion", chromedp.Click(chromedp.CSS("#suggestions button.suggestion")))
		got := eval[string](b, `document.getElementById("resource").value`)
		if _, ok := nomenclature.LookupResource(got); !ok || got != suggested {
			t.Fatalf("after clicking the suggestion %q the resource field holds %q, not a taxonomy code", suggested, got)
		}
	} else {
		t.Logf("GET /api/v1/classify: %d, the API is not mounted: no suggestion to click; the resource is left empty for the server to classify", status)
	}
	if status := b.click(`#flow-form button[type="submit"]`); status != 200 {
		t.Fatalf("save the flow: status %d\n%s", status, b.text("#main"))
	}
	if got, want := b.path(), a.companyPath(c); got != want {
		t.Fatalf("after saving the flow the browser is on %s, want %s (page says %q)", got, want, b.text("#main"))
	}

	flows := a.flowsOf(c.ID)
	if len(flows) != 1 || flows[0].Label != "Palettes bois cassées" || flows[0].Direction != model.Output || flows[0].Family != "waste" {
		t.Fatalf("stored flows %+v", flows)
	}
	res, ok := nomenclature.LookupResource(flows[0].Resource)
	if !ok {
		t.Fatalf("the flow's resource %q is not a taxonomy code", flows[0].Resource)
	}
	if suggested != "" && flows[0].Resource != suggested {
		t.Errorf("stored resource %q, the suggestion picked was %q", flows[0].Resource, suggested)
	}
	row := findRow(b.rows("#main section:first-of-type table.list tbody tr"), 1, "Palettes bois cassées")
	if row == nil {
		t.Fatalf("the flow is not listed on the company page: %v", b.rows("#main table.list tbody tr"))
	}
	if row[0] != "Ressource" || row[2] != res.Label("fr") || !strings.HasPrefix(row[3], "600") {
		t.Errorf("flow row %q: want direction Ressource, resource %q, quantity 600", row, res.Label("fr"))
	}
}

// createCompany adds "Menuiserie Test" near the demo's companies with the
// company form, as the facilitator signed in b, and returns it as stored.
func createCompany(t *testing.T, a *app, b *browser) model.Company {
	t.Helper()
	if status := b.open(a.demo() + "/companies"); status != 200 {
		t.Fatalf("companies page: %d", status)
	}
	b.waitText("#main", "68 entreprises")
	b.click(`#main a.button[href$="/companies/new"]`)
	b.waitText("#main h1", "Nouvelle entreprise")
	b.fill([2]string{"#name", "Menuiserie Test"}, [2]string{"#naf", "16.23Z"},
		[2]string{`input[name="lat"]`, "45.655"}, [2]string{`input[name="lon"]`, "0.170"},
		[2]string{`input[name="city"]`, "L'Isle-d'Espagnac"})
	if status := b.click(`#main form.card button[type="submit"]`); status != 200 {
		t.Fatalf("save the company: status %d\n%s", status, b.text("#main"))
	}
	m := companyPage.FindStringSubmatch(b.path())
	if m == nil {
		t.Fatalf("after saving, the browser is on %s, not a company page; page says %q", b.path(), b.text("#main"))
	}
	if h := b.text("#main h1"); !strings.Contains(h, "Menuiserie Test") {
		t.Fatalf("company page title %q", h)
	}
	if p := b.text("#main > p:nth-of-type(2)"); !strings.Contains(p, "16.23Z") || !strings.Contains(p, "L'Isle-d'Espagnac") {
		t.Errorf("company summary %q lacks the NAF code or the city", p)
	}
	id, _ := strconv.ParseInt(m[2], 10, 64)
	c, err := a.fx.Company(context.Background(), id)
	if err != nil || c.Name != "Menuiserie Test" || c.NAF != "16.23Z" || c.TerritoryID != a.fx.Demo.ID ||
		c.Lat == nil || *c.Lat != 45.655 || c.Lon == nil || *c.Lon != 0.170 {
		t.Fatalf("stored company %+v, %v", c, err)
	}
	return c
}

// findRow returns the first row whose cell col equals want.
func findRow(rows [][]string, col int, want string) []string {
	for _, r := range rows {
		if len(r) > col && r[col] == want {
			return r
		}
	}
	return nil
}
