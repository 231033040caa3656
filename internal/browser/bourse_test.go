package browser

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"symbiose/internal/model"
)

var bourseLink = regexp.MustCompile(`http://\S+/b/[0-9a-f]+`)

// A whole small bourse: the facilitator creates the event and invites
// three companies; each registers and fills its cards from its emailed
// link on a phone; the plan is computed; a secretary records interests on
// a phone, one of them while the network is down; the facilitator's live
// screen shows them without reloading; the follow-up sends every company
// its summary.
func TestSmallBourse(t *testing.T) {
	a := startApp(t)
	ctx := context.Background()
	f := newBrowser(t, a, "facilitator")
	f.signIn("facilitator")

	// The event.
	if status := f.open(a.demo() + "/workshops"); status != 200 {
		t.Fatalf("workshops: %d", status)
	}
	f.fill([2]string{`input[name="title"]`, "Bourse de printemps"}, [2]string{`input[name="place"]`, "Technopole"})
	f.do("set the date", chromedp.SetValue(chromedp.CSS(`input[name="date"]`), "2027-03-18"))
	f.do("set the table size", chromedp.SetValue(chromedp.CSS(`input[name="table_size"]`), "3"))
	f.do("set the rounds", chromedp.SetValue(chromedp.CSS(`input[name="rounds"]`), "1"))
	if status := f.click(`form[action$="/workshops"] button[type="submit"]`); status != 200 {
		t.Fatalf("create the bourse: %d\n%s", status, f.text("#main"))
	}
	f.waitText("h1", "Bourse de printemps")
	eventPath := f.path()

	// Invite three companies that have an email address.
	var invited []model.Company
	byEmail := map[string]model.Company{}
	companies, _ := a.fx.Companies(ctx, a.fx.Demo.ID)
	for _, c := range companies {
		contacts, _ := a.fx.ContactsOfCompany(ctx, c.ID)
		if e := model.FirstEmail(contacts); e != "" && c.NAF != "" && len(invited) < 3 {
			invited = append(invited, c)
			byEmail[e] = c
		}
	}
	f.do("open the invitations", chromedp.Click(chromedp.CSS(`details summary`)))
	for _, c := range invited {
		f.do("tick "+c.Name, chromedp.Click(chromedp.CSS(`input[name="company"][value="`+itoa(c.ID)+`"]`)))
	}
	if status := f.click(`form[action$="/invitations"] button[type="submit"]`); status != 200 {
		t.Fatalf("invite: %d\n%s", status, f.text("#main"))
	}
	f.waitText(`#main p.notice`, "Courriels envoyés : 3")
	links := map[int64]string{}
	for _, m := range a.smtp.WaitFor(3, 10*time.Second) {
		body, _ := m.Part("text/plain")
		links[byEmail[m.To[0]].ID] = strings.TrimPrefix(bourseLink.FindString(body), a.url)
	}
	if len(links) != 3 {
		t.Fatalf("invitation links: %v", links)
	}

	// Each company registers and fills its cards on a phone.
	for i, c := range invited {
		p := newBrowser(t, a, "company"+itoa(int64(i+1)))
		p.do("emulate a phone", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile, chromedp.EmulateTouch))
		if status := p.open(links[c.ID]); status != 200 {
			t.Fatalf("open the link of %s: %d", c.Name, status)
		}
		p.waitText("#main", c.Name)
		if status := p.follow("register", chromedp.Tap(chromedp.CSS(`button[value="register"]`))); status != 200 {
			t.Fatalf("register: %d", status)
		}
		p.waitText(`[data-status]`, "vous êtes inscrite")
		if n := p.count(`.cards-form input[type="checkbox"]:checked`); n == 0 {
			t.Errorf("%s: no card pre-filled", c.Name)
		}
		p.noHorizontalOverflow("the cards form")
		// Type one resource on the first blank line.
		blank := eval[string](p, `(() => { const rows = Array.from(document.querySelectorAll(".card-row"));
			const r = rows.find(r => r.querySelector('input[name^="direction_"]').value === "output" && r.querySelector('input[name^="flow_"]').value === "" && r.querySelector('input[name^="label_"]').value === "");
			return r.querySelector('input[name^="label_"]').name; })()`)
		index := strings.TrimPrefix(blank, "label_")
		p.fill([2]string{`input[name="` + blank + `"]`, "Palettes bois 1200 x 800 à donner " + itoa(int64(i+1))})
		p.do("tick the typed card", chromedp.Click(chromedp.CSS(`input[name="use_`+index+`"]`)))
		if status := p.follow("save the cards", chromedp.Click(chromedp.CSS(`button[data-save-cards]`))); status != 200 {
			t.Fatalf("save the cards of %s: %d\n%s", c.Name, status, p.text("#main"))
		}
		p.waitText(`#main p.notice`, "Vos cartes sont enregistrées")
	}
	w, err := a.fx.Workshops(ctx, a.fx.Demo.ID)
	if err != nil {
		t.Fatal(err)
	}
	var wid int64
	for _, b := range w {
		if b.Title == "Bourse de printemps" {
			wid = b.ID
		}
	}
	cards, _ := a.fx.Cards(ctx, wid)
	var typed model.Flow
	for _, card := range cards {
		if strings.HasPrefix(card.Label, "Palettes bois 1200 x 800 à donner 1") {
			typed = card
		}
	}
	if typed.ID == 0 || typed.Resource == "" {
		t.Fatalf("the typed card is missing or unclassified: %+v (%d cards)", typed, len(cards))
	}

	// The plan, then a secretary for table 1.
	if status := f.open(eventPath); status != 200 {
		t.Fatalf("event page: %d", status)
	}
	if status := f.click(`button[data-make-plan]`); status != 200 {
		t.Fatalf("plan: %d\n%s", status, f.text("#main"))
	}
	f.waitText("#plan", "Tour 1")
	for _, c := range invited {
		f.waitText("#plan ol.tables", c.Name)
	}
	f.fill([2]string{`#staff input[name="name"]`, "Léa Secrétaire"})
	if status := f.click(`form[action$="/staff"] button[type="submit"]`); status != 200 {
		t.Fatalf("add the secretary: %d", status)
	}
	capture := eval[string](f, `document.querySelector('#staff input.copy').value`)
	if !strings.Contains(capture, "/s/") {
		t.Fatalf("capture link %q", capture)
	}

	// The facilitators' screen, left open.
	if status := f.open(eventPath + "/live"); status != 200 {
		t.Fatalf("live screen: %d", status)
	}
	f.waitText(`[data-live="interests"]`, "0")

	// The secretary on a phone: card of the first company, then the second
	// company; then, network down, the third company on the same card.
	s := newBrowser(t, a, "secretary")
	s.do("emulate a phone", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile, chromedp.EmulateTouch))
	if status := s.open(strings.TrimPrefix(capture, a.url)); status != 200 {
		t.Fatalf("capture page: %d", status)
	}
	card := `button[data-card="` + itoa(typed.ID) + `"]`
	s.waitText(card, "Palettes bois")
	s.noHorizontalOverflow("the capture page")
	s.do("tap the card", chromedp.Tap(chromedp.CSS(card)))
	s.do("tap the interested company", chromedp.Tap(chromedp.CSS(`[data-pick-companies] button[data-company="`+itoa(invited[1].ID)+`"]`)))
	s.waitText("[data-last]", "Noté : "+invited[1].Name)
	s.waitText("[data-recorded]", invited[1].Name)
	s.waitText("[data-sync]", "tout est envoyé")

	offline := []*network.Conditions{{Offline: true, Latency: 0, DownloadThroughput: -1, UploadThroughput: -1}}
	if _, err := chromedp.Call(s.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: offline}); err != nil {
		t.Fatalf("cut the network: %v", err)
	}
	s.do("tap the card", chromedp.Tap(chromedp.CSS(card)))
	s.fill([2]string{`[data-pick-note]`, "veut 40 palettes par semaine"})
	s.do("tap the interested company", chromedp.Tap(chromedp.CSS(`[data-pick-companies] button[data-company="`+itoa(invited[2].ID)+`"]`)))
	s.waitText("[data-sync]", "en attente d'envoi : 1")
	s.waitText("[data-recorded]", invited[2].Name)
	time.Sleep(3500 * time.Millisecond) // a retry fails while offline
	if got, _ := a.fx.Interests(ctx, wid); len(got) != 1 {
		t.Fatalf("%d interests stored while offline, want 1", len(got))
	}
	// The page is reloaded while offline would lose nothing either: the
	// queue is in localStorage. Network back: the queue empties.
	if _, err := chromedp.Call(s.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: []*network.Conditions{}}); err != nil {
		t.Fatalf("restore the network: %v", err)
	}
	s.waitText("[data-sync]", "tout est envoyé")
	got, _ := a.fx.Interests(ctx, wid)
	if len(got) != 2 || got[1].Note != "veut 40 palettes par semaine" || got[1].CompanyID != invited[2].ID {
		t.Fatalf("interests after reconnection: %+v", got)
	}

	// The facilitators' screen followed without a reload.
	f.waitText(`[data-live="interests"]`, "2")
	f.waitText(`[data-latest]`, "veut 40 palettes par semaine")
	f.waitText(`[data-latest]`, invited[1].Name)
	f.waitText(`[data-tables]`, "Table 1 : 2")

	// Follow-up: synergies and one summary per company, with its PDF.
	if status := f.open(eventPath); status != 200 {
		t.Fatalf("event page: %d", status)
	}
	before := len(a.smtp.Messages())
	if status := f.click(`button[data-close]`); status != 200 {
		t.Fatalf("launch the follow-up: %d\n%s", status, f.text("#main"))
	}
	f.waitText("#followup", "Suivi lancé")
	f.waitText("#followup", "2 synergies détectées")
	msgs := a.smtp.WaitFor(before+3, 10*time.Second)[before:]
	if len(msgs) != 3 {
		t.Fatalf("%d summaries sent, want 3", len(msgs))
	}
	for _, m := range msgs {
		if pdf, err := m.Part("application/pdf"); err != nil || !strings.HasPrefix(pdf, "%PDF-") {
			t.Errorf("summary to %v has no PDF: %v", m.To, err)
		}
	}
	// The company whose card drew the interests reads them on its page.
	p := newBrowser(t, a, "company1-after")
	if status := p.open(links[invited[0].ID]); status != 200 {
		t.Fatalf("company page after the bourse: %d", status)
	}
	p.waitText("#main", "Ce qui a intéressé les autres")
	p.waitText("#main", invited[2].Name)
	p.waitText("#main", "Votre avis sur la bourse")
}
