package browser

import (
	"context"
	"strings"
	"testing"

	"symbiose/internal/model"
)

// A need entered for a new company shows at once demo companies that supply
// it; the facilitator turns one into a synergy.
func TestOpportunityAppears(t *testing.T) {
	a := startApp(t)
	ctx := context.Background()
	demoNames := map[string]bool{}
	companies, err := a.fx.Companies(ctx, a.fx.Demo.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, dc := range companies {
		demoNames[dc.Name] = true
	}
	synergiesBefore, err := a.fx.Synergies(ctx, a.fx.Demo.ID)
	if err != nil {
		t.Fatal(err)
	}

	b := newBrowser(t, a, "facilitator")
	b.signIn("facilitator")
	c := createCompany(t, a, b)
	b.waitText("#main section:last-of-type", "Aucune opportunité pour l'instant.")

	// The need: sawdust, which several demo companies give away.
	b.click(`#main a.button[href$="/flows/new"]`)
	b.choose("#direction", "input")
	b.choose("#family", "material")
	b.fill([2]string{"#label", "Sciure de bois"}, [2]string{"#quantity", "20"})
	if status := b.click(`#flow-form button[type="submit"]`); status != 200 {
		t.Fatalf("save the flow: status %d\n%s", status, b.text("#main"))
	}
	if got, want := b.path(), a.companyPath(c); got != want {
		t.Fatalf("after saving the flow the browser is on %s, want %s (page says %q)", got, want, b.text("#main"))
	}
	if row := findRow(b.rows("#main section:first-of-type table.list tbody tr"), 1, "Sciure de bois"); row == nil || row[0] != "Besoin" {
		t.Fatalf("the need is not listed: %q", b.rows("#main section:first-of-type table.list tbody tr"))
	}

	// The company's opportunities now name a supplier of the demo.
	b.waitText("#main section:last-of-type h2", "Opportunités")
	rows := b.rows("#main section:last-of-type table.list tbody tr")
	var found []string
	for _, r := range rows {
		if len(r) < 5 {
			t.Fatalf("opportunity row %q has %d cells, want 5", r, len(r))
		}
		supplier, _, _ := strings.Cut(r[0], "\n")
		receiver, need, _ := strings.Cut(r[1], "\n")
		if strings.TrimSpace(receiver) != "Menuiserie Test" || strings.TrimSpace(need) != "Sciure de bois" {
			continue
		}
		supplier = strings.TrimSpace(supplier)
		if !demoNames[supplier] && supplier != "Entreprise anonyme" {
			t.Errorf("candidate supplier %q is neither a demo company nor anonymous", supplier)
		}
		found = append(found, supplier)
	}
	if len(found) == 0 {
		t.Fatalf("no candidate supplies Menuiserie Test's sawdust; rows: %q", rows)
	}
	t.Logf("candidate suppliers: %s", strings.Join(found, ", "))
	if n := b.count(`#main section:last-of-type form[action$="/synergies"] button[type="submit"]`); n != len(rows) {
		t.Errorf("%d \"Créer une synergie\" buttons for %d rows", n, len(rows))
	}

	// The same candidates are on the territory's opportunities page.
	b.open(a.demo() + "/opportunities")
	b.waitText("#main", "Menuiserie Test")
	b.open(a.companyPath(c))

	// Turn the first one into a synergy.
	if label := b.text(`#main section:last-of-type form[action$="/synergies"] button`); label != "Créer une synergie" {
		t.Errorf("button label %q", label)
	}
	if status := b.click(`#main section:last-of-type form[action$="/synergies"] button[type="submit"]`); status != 200 {
		t.Fatalf("create the synergy: status %d\n%s", status, b.text("#main"))
	}
	if p := b.path(); !strings.HasPrefix(p, a.demo()+"/opportunities?created=") {
		t.Errorf("after creating the synergy the browser is on %s", p)
	}
	b.waitText(`#main p.notice[role="status"]`, "Synergie créée")
	after, err := a.fx.Synergies(ctx, a.fx.Demo.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(synergiesBefore)+1 {
		t.Fatalf("%d synergies after, %d before", len(after), len(synergiesBefore))
	}
	need := a.flowsOf(c.ID)
	if len(need) != 1 {
		t.Fatalf("Menuiserie Test has %d flows, want 1", len(need))
	}
	var created *model.Synergy
	for i := range after {
		if after[i].InputFlowExtID == need[0].ExtID {
			created = &after[i]
		}
	}
	if created == nil || created.Status != model.StatusDetected || created.Type != model.Substitution || created.OutputFlowExtID == "" {
		t.Errorf("created synergy %+v: want a detected substitution from a supplier's flow to the sawdust need", created)
	}
}
