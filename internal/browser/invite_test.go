package browser

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

var inviteLink = regexp.MustCompile(`http://\S+/invite/[A-Za-z0-9_-]+`)

// A facilitator invites a contact of a demo company by email; the contact
// opens the link in another browser, reaches its company without a
// password, adds a flow, and may open nothing else.
func TestInvitedMember(t *testing.T) {
	a := startApp(t)
	rivaud, fonderie := a.company("c010"), a.company("c001")
	const email = "qse.rivaud@example.org"

	f := newBrowser(t, a, "facilitator")
	f.signIn("facilitator")
	if status := f.open(a.companyPath(rivaud)); status != 200 {
		t.Fatalf("company page: %d", status)
	}
	f.waitText("#main", "Invitation")
	f.fill([2]string{`form[action$="/invite"] input[name="email"]`, email})
	if status := f.click(`form[action$="/invite"] button[type="submit"]`); status != 200 {
		t.Fatalf("send the invitation: status %d\n%s", status, f.text("#main"))
	}
	f.waitText(`#main p[role="status"]`, "Le lien d'accès a été envoyé à "+email)
	if n := f.count("#main input.copy"); n != 0 {
		t.Errorf("the link is shown on the page although it was emailed")
	}

	msgs := a.smtp.WaitFor(1, 10*time.Second)
	if len(msgs) != 1 || len(msgs[0].To) != 1 || msgs[0].To[0] != email {
		t.Fatalf("%d messages, first to %v; want one to %s", len(msgs), msgs[0].To, email)
	}
	subject, _ := msgs[0].Subject()
	body, err := msgs[0].Part("text/plain")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(subject, "Invitation") || !strings.Contains(body, rivaud.Name) {
		t.Errorf("mail subject %q, body %q: want an invitation naming %s", subject, body, rivaud.Name)
	}
	link := inviteLink.FindString(body)
	if link == "" {
		t.Fatalf("no invitation link in the mail:\n%s", body)
	}
	if u, err := url.Parse(link); err != nil || "http://"+u.Host != a.url {
		t.Fatalf("link %s does not lead to the application at %s", link, a.url)
	}

	// The contact's browser shares nothing with the facilitator's.
	m := newBrowser(t, a, "member")
	if c := m.cookies(); len(c) != 0 {
		t.Fatalf("the fresh browser already holds cookies %v", c)
	}
	if status := m.open(strings.TrimPrefix(link, a.url)); status != 200 {
		t.Fatalf("open the invitation link: %d", status)
	}
	if h := m.text("#main h1"); h != "Bienvenue sur Symbiose" {
		t.Errorf("invitation page title %q", h)
	}
	m.waitText("#main", rivaud.Name)
	if got := m.text(`#main form button[type="submit"]`); got != "Accéder à mon entreprise" {
		t.Errorf("button %q, want Accéder à mon entreprise", got)
	}
	if status := m.click(`#main form button[type="submit"]`); status != 200 {
		t.Fatalf("accept the invitation: %d\n%s", status, m.text("#main"))
	}
	if got, want := m.path(), a.companyPath(rivaud); got != want {
		t.Fatalf("after accepting, the member is on %s, want %s (page says %q)", got, want, m.text("#main"))
	}
	if h := m.text("#main h1"); !strings.Contains(h, rivaud.Name) {
		t.Errorf("company page title %q", h)
	}
	nav := m.text("header.top nav")
	if !strings.Contains(nav, "Mon entreprise") || strings.Contains(nav, "Tableau de bord") || strings.Contains(nav, "Import") {
		t.Errorf("member menu %q: want Mon entreprise, no dashboard or import", nav)
	}
	if n := m.count(`form[action$="/invite"]`); n != 0 {
		t.Errorf("a member is offered the invitation form")
	}

	// The member adds a flow.
	before := len(a.flowsOf(rivaud.ID))
	m.click(`#main a.button[href$="/flows/new"]`)
	m.waitText("#main h1", rivaud.Name)
	m.choose("#family", "waste")
	m.fill([2]string{"#label", "Chutes de papier offset"}, [2]string{"#quantity", "8"})
	if status := m.click(`#flow-form button[type="submit"]`); status != 200 {
		t.Fatalf("save the flow: %d\n%s", status, m.text("#main"))
	}
	if got, want := m.path(), a.companyPath(rivaud); got != want {
		t.Fatalf("after saving the flow the member is on %s, want %s (page says %q)", got, want, m.text("#main"))
	}
	if row := findRow(m.rows("#main section:first-of-type table.list tbody tr"), 1, "Chutes de papier offset"); row == nil {
		t.Errorf("the new flow is not listed: %q", m.rows("#main section:first-of-type table.list tbody tr"))
	} else if row[0] != "Ressource" || !strings.HasPrefix(row[3], "8") {
		t.Errorf("flow row %q", row)
	}
	if after := len(a.flowsOf(rivaud.ID)); after != before+1 {
		t.Errorf("%d flows stored, want %d", after, before+1)
	}

	// Nothing else is theirs.
	for _, path := range []string{a.companyPath(fonderie), a.demo() + "/companies"} {
		if status := m.open(path); status != 403 {
			t.Errorf("member GET %s: %d, want 403", path, status)
		}
		m.waitText(`#main p[role="alert"]`, "Vous n'avez pas accès")
		if strings.Contains(m.text("#main"), fonderie.Name) {
			t.Errorf("%s names %s to the member", path, fonderie.Name)
		}
	}

	// The link is spent.
	if status, _ := a.get(strings.TrimPrefix(link, a.url), ""); status != 410 {
		t.Errorf("second use of the link: %d, want 410", status)
	}
}
