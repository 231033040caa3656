package browser

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var introductionLink = regexp.MustCompile(`http://\S+/introduction/[A-Za-z0-9_-]+`)

// A facilitator takes a detected synergy of the demo (the hypermarket's
// unsold food to the biogas plant) through an introduction that both
// companies accept from their own emailed links, then to realised; the
// dashboard counts one more realised synergy and its euros saved.
func TestSynergyFromDetectedToRealised(t *testing.T) {
	a := startApp(t)
	ctx := context.Background()
	sy, err := a.fx.SynergyByExtID(ctx, a.fx.Demo.ID, "s23")
	if err != nil || sy.Status != "detected" {
		t.Fatalf("demo synergy s23: %+v, %v", sy, err)
	}
	synergyPath := a.demo() + "/synergies/" + itoa(sy.ID)

	f := newBrowser(t, a, "facilitator")
	f.signIn("facilitator")
	impactOf := func() (synergies, euros float64) {
		if status := f.open(a.demo() + "/"); status != 200 {
			t.Fatalf("dashboard: %d", status)
		}
		f.waitText("#main", "Impact des synergies réalisées")
		return frenchNumber(t, f.text(`td[data-impact="synergies"]`)), frenchNumber(t, f.text(`td[data-impact="euros"]`))
	}
	realisedBefore, eurosBefore := impactOf()
	f.waitText("#main", "Programme EIT du Grand Angoumois 2019-2021")
	f.waitText("#main", "10 synergies réalisées d'ici 2021")

	// Propose the introduction: one email per company, each with its link.
	if status := f.open(synergyPath); status != 200 {
		t.Fatalf("synergy page: %d", status)
	}
	if status := f.click(`form[action$="/introduce"] button[type="submit"]`); status != 200 {
		t.Fatalf("propose the introduction: %d\n%s", status, f.text("#main"))
	}
	f.waitText(`#main p[role="status"]`, "Les invitations ont été envoyées")
	msgs := a.smtp.WaitFor(2, 10*time.Second)
	if len(msgs) != 2 {
		t.Fatalf("%d emails, want one per company", len(msgs))
	}
	for i, m := range msgs {
		body, err := m.Part("text/plain")
		if err != nil {
			t.Fatal(err)
		}
		link := introductionLink.FindString(body)
		if link == "" {
			t.Fatalf("no introduction link in the email to %v:\n%s", m.To, body)
		}
		// Each company answers in a browser of its own.
		c := newBrowser(t, a, "company"+strconv.Itoa(i+1))
		if status := c.open(strings.TrimPrefix(link, a.url)); status != 200 {
			t.Fatalf("open %s: %d", link, status)
		}
		c.waitText("#main h1", "Mise en relation")
		if strings.Contains(c.text("#main"), "@") {
			t.Errorf("contact details shown before anyone accepted:\n%s", c.text("#main"))
		}
		if status := c.click(`#main form button[value="accepted"]`); status != 200 {
			t.Fatalf("accept: %d", status)
		}
		if i == 0 {
			c.waitText(`#main p[role="status"]`, "votre accord est enregistré")
		} else {
			c.waitText(`#main p[role="status"]`, "Chacun a accepté")
			if !strings.Contains(c.text("#main"), "@") {
				t.Errorf("no partner contact details once both accepted:\n%s", c.text("#main"))
			}
		}
	}

	// Both accepted: the synergy is contacted; the facilitator realises it.
	if status := f.open(synergyPath); status != 200 {
		t.Fatalf("synergy page: %d", status)
	}
	f.waitText("#main", "acceptée")
	if got, _ := a.fx.SynergyByExtID(ctx, a.fx.Demo.ID, "s23"); got.Status != "contacted" {
		t.Fatalf("after both accepted the synergy is %s, want contacted", got.Status)
	}
	f.choose(`form[action$="/move"] select[name="to"]`, "realised")
	if status := f.click(`form[action$="/move"] button[type="submit"]`); status != 200 {
		t.Fatalf("move to realised: %d\n%s", status, f.text("#main"))
	}
	f.waitText("#main ol.history", "Réalisée")

	realisedAfter, eurosAfter := impactOf()
	if realisedAfter != realisedBefore+1 {
		t.Errorf("realised synergies on the dashboard: %v then %v", realisedBefore, realisedAfter)
	}
	if eurosAfter <= eurosBefore {
		t.Errorf("euros saved on the dashboard: %v then %v", eurosBefore, eurosAfter)
	}

	// The programme report, from the dashboard, lists the new synergy.
	if status := f.click(`#main a[href$="/report"]`); status != 200 {
		t.Fatalf("open the report: %d", status)
	}
	f.waitText("h1", "Rapport de programme")
	f.waitText("#impact", sy.Label)
}

// frenchNumber reads a number written the French way ("14 300", with a
// narrow no-break space).
func frenchNumber(t *testing.T, s string) float64 {
	t.Helper()
	clean := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f':
			return -1
		case ',':
			return '.'
		}
		return r
	}, strings.TrimSpace(s))
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}
