package server

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"symbiose/internal/model"
	"symbiose/internal/testfixture"
)

var (
	inputTag  = regexp.MustCompile(`<input[^>]*>`)
	attrValue = regexp.MustCompile(`\b(name|value|type)="([^"]*)"`)
	bourseURL = regexp.MustCompile(`http://\S+/b/[0-9a-f]+`)
)

// formOf reads the inputs of the form a page posts with the given hidden
// action: what a browser would send, checked boxes only.
func formOf(page, action string) url.Values {
	start := strings.Index(page, `name="action" value="`+action+`"`)
	if start < 0 {
		return nil
	}
	from := strings.LastIndex(page[:start], "<form")
	to := from + strings.Index(page[from:], "</form>")
	form := url.Values{}
	for _, tag := range inputTag.FindAllString(page[from:to], -1) {
		attrs := map[string]string{}
		for _, m := range attrValue.FindAllStringSubmatch(tag, -1) {
			attrs[m[1]] = html.UnescapeString(m[2])
		}
		if attrs["name"] == "" || (attrs["type"] == "checkbox" && !strings.Contains(tag, " checked")) {
			continue
		}
		form.Add(attrs["name"], attrs["value"])
	}
	return form
}

// bourseClient is a company opening its personal link in its own browser.
type bourseClient struct {
	t    *testing.T
	c    *http.Client
	link string
}

func (b bourseClient) page() string { return get(b.t, b.c, b.link, 200) }

func (b bourseClient) post(form url.Values, want int) string {
	b.t.Helper()
	page := b.page()
	form.Set("csrf", csrfField.FindStringSubmatch(page)[1])
	resp, err := b.c.PostForm(b.link, form)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		b.t.Fatalf("POST %s %v: %d, want %d\n%s", b.link, form, resp.StatusCode, want, body)
	}
	return string(body)
}

// A whole bourse over HTTP: invitations by email, registration with a
// waiting list, cards pre-filled and saved, plan, a secretary's records
// (resent after a network drop), the live figures, then the follow-up:
// synergies and summaries by email, and the survey.
func TestBourseFromInvitationToSummaries(t *testing.T) {
	fx, smtp, ts := mailingServer(t)
	ctx := context.Background()
	base := ts.URL + "/t/" + itoa(fx.Demo.ID) + "/workshops"
	facilitator := func(path string, form url.Values, want int) (string, *http.Response) {
		t.Helper()
		form.Set("csrf", fx.CSRF["facilitator"])
		req, _ := http.NewRequest("POST", path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: fx.Sessions["facilitator"]})
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != want {
			t.Fatalf("POST %s: %d, want %d\n%s", path, resp.StatusCode, want, body)
		}
		return string(body), resp
	}
	_, resp := facilitator(base, url.Values{"title": {"Bourse d'hiver"}, "date": {"2026-12-10"}, "place": {"CCI"},
		"capacity": {"2"}, "table_size": {"3"}, "rounds": {"2"}}, 303)
	eventURL := ts.URL + resp.Header.Get("Location")
	var wid int64
	fmt.Sscanf(resp.Header.Get("Location"), "/t/%d/workshops/%d", new(int64), &wid)

	// Invite three companies that have an email address.
	companies, _ := fx.Companies(ctx, fx.Demo.ID)
	var invited []model.Company
	emails := map[string]model.Company{}
	form := url.Values{}
	for _, c := range companies {
		contacts, _ := fx.ContactsOfCompany(ctx, c.ID)
		if e := model.FirstEmail(contacts); e != "" && len(invited) < 3 && c.NAF != "" {
			invited = append(invited, c)
			emails[e] = c
			form.Add("company", itoa(c.ID))
		}
	}
	facilitator(eventURL+"/invitations", form, 200)
	links := map[int64]bourseClient{}
	for _, m := range smtp.WaitFor(3, 5*time.Second) {
		text, _ := m.Part("text/plain")
		jar, _ := cookiejar.New(nil)
		links[emails[m.To[0]].ID] = bourseClient{t, &http.Client{Jar: jar}, bourseURL.FindString(text)}
	}
	if len(links) != 3 {
		t.Fatalf("invitations reached %d companies", len(links))
	}
	a, b, c := links[invited[0].ID], links[invited[1].ID], links[invited[2].ID]
	if !strings.Contains(a.post(url.Values{"action": {"register"}}, 200), "Votre inscription est enregistrée") {
		t.Fatal("first registration not confirmed")
	}
	b.post(url.Values{"action": {"register"}}, 200)
	if !strings.Contains(c.post(url.Values{"action": {"register"}}, 200), "liste d&#39;attente") {
		t.Fatal("third company not put on the waiting list past capacity 2")
	}
	b.post(url.Values{"action": {"cancel"}}, 200)
	promoted := smtp.WaitFor(4, 5*time.Second)
	if subj, _ := promoted[3].Subject(); !strings.Contains(subj, "place") || promoted[3].To[0] != model.FirstEmail(mustContacts(t, fx, invited[2].ID)) {
		t.Fatalf("the waiting company was not told: %q to %v", subj, promoted[3].To)
	}
	if !strings.Contains(c.page(), "vous êtes inscrite") {
		t.Fatal("the waiting company did not move up")
	}
	req, _ := http.NewRequest("GET", eventURL, nil)
	req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: fx.Sessions["facilitator"]})
	if resp, err := http.DefaultClient.Do(req); err == nil {
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(page), `name="company" value="`+itoa(invited[1].ID)+`"`) {
			t.Error("no way to invite again the company that cancelled")
		}
	}

	// Cards: pre-filled, ticked suggestions saved as they are, plus one typed.
	for i, cl := range []bourseClient{a, c} {
		cards := formOf(cl.page(), "cards")
		ticked := 0
		for k := range cards {
			if strings.HasPrefix(k, "use_") {
				ticked++
			}
		}
		if ticked == 0 || ticked > 10 {
			t.Fatalf("company %d: %d cards ticked in advance", i, ticked)
		}
		for n := 0; ; n++ {
			if cards.Get(fmt.Sprintf("label_%d", n)) == "" && cards.Get(fmt.Sprintf("direction_%d", n)) == "output" &&
				cards.Get(fmt.Sprintf("flow_%d", n)) == "" {
				cards.Set(fmt.Sprintf("use_%d", n), "1")
				cards.Set(fmt.Sprintf("label_%d", n), "Chutes de bois non traité")
				cards.Set(fmt.Sprintf("family_%d", n), "waste")
				break
			}
		}
		if !strings.Contains(cl.post(cards, 200), "Vos cartes sont enregistrées") {
			t.Fatal("cards not saved")
		}
	}
	all, _ := fx.Cards(ctx, wid)
	var cardOfA model.Flow
	typed := 0
	for _, f := range all {
		if f.Label == "Chutes de bois non traité" {
			typed++
			if f.Resource == "" {
				t.Error("a typed card was not classified")
			}
		}
		if f.CompanyID == invited[0].ID && f.Direction == model.Output {
			cardOfA = f
		}
	}
	if typed != 2 || cardOfA.ID == 0 || len(all) < 4 {
		t.Fatalf("%d cards, %d typed, card of A %+v", len(all), typed, cardOfA)
	}

	// Plan, then a secretary at table 1.
	// Two companies cannot meet over two rounds without meeting twice.
	if plan, _ := facilitator(eventURL+"/plan", url.Values{}, 400); !strings.Contains(plan, "Aucun plan possible") ||
		!strings.Contains(plan, "deuxième tour") {
		t.Fatalf("no reason given for an impossible plan:\n%s", plan)
	}
	facilitator(eventURL, url.Values{"title": {"Bourse d'hiver"}, "date": {"2026-12-10"}, "capacity": {"2"}, "table_size": {"3"},
		"rounds": {"1"}}, 303)
	plan, _ := facilitator(eventURL+"/plan", url.Values{}, 200)
	if !strings.Contains(plan, "data-score") || !strings.Contains(plan, "Tour 1") {
		t.Fatalf("no plan shown:\n%s", plan)
	}
	facilitator(eventURL+"/staff", url.Values{"role": {"secretary"}, "name": {"Léa"}, "table": {"1"}}, 303)
	get(t, &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, eventURL, 303) // not signed in
	page, _ := facilitator(eventURL+"/plan", url.Values{}, 200)
	capture := regexp.MustCompile(`http://\S+/s/[0-9a-f]+`).FindString(page)
	if capture == "" {
		t.Fatal("no capture link on the event page")
	}
	var state struct {
		Rounds  int `json:"rounds"`
		Seating [][]struct {
			ID int64 `json:"id"`
		} `json:"seating"`
	}
	if err := json.Unmarshal([]byte(get(t, http.DefaultClient, capture+"/state", 200)), &state); err != nil || state.Rounds != 1 || len(state.Seating[0]) != 2 {
		t.Fatalf("capture state: %v %+v", err, state)
	}
	record := func(body string, want int) {
		t.Helper()
		resp, err := http.Post(capture+"/interests", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Fatalf("record %s: %d, want %d", body, resp.StatusCode, want)
		}
	}
	rec := fmt.Sprintf(`{"client_id":"k1","round":1,"company_id":%d,"flow_id":%d,"note":"40 par semaine"}`, invited[2].ID, cardOfA.ID)
	record(rec, 200)
	record(rec, 200)                                                                                                 // resent after a network drop: kept once
	record(fmt.Sprintf(`{"client_id":"k2","round":1,"company_id":%d,"flow_id":%d}`, invited[0].ID, cardOfA.ID), 400) // its own card
	record(fmt.Sprintf(`{"client_id":"k3","round":1,"company_id":%d,"flow_id":%d}`, invited[1].ID, cardOfA.ID), 400) // cancelled
	record(`{"client_id":"k4","round":9`, 400)
	req, _ = http.NewRequest("GET", eventURL+"/live.json", nil)
	req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: fx.Sessions["facilitator"]})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var live struct {
		Interests, Potential, Registered int
		Latest                           []struct{ From, Card, Note string }
	}
	json.NewDecoder(resp.Body).Decode(&live)
	resp.Body.Close()
	if live.Interests != 1 || live.Registered != 2 || len(live.Latest) != 1 || live.Latest[0].From != invited[2].Name || live.Latest[0].Note != "40 par semaine" {
		t.Fatalf("live: %+v", live)
	}

	req, _ = http.NewRequest("GET", eventURL+"/interests.csv", nil)
	req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: fx.Sessions["facilitator"]})
	if resp, err := http.DefaultClient.Do(req); err == nil {
		csv, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		lines := strings.Split(strings.TrimSpace(string(csv)), "\n")
		if len(lines) != 2 || !strings.Contains(lines[1], invited[2].Name) || !strings.Contains(lines[1], "40 par semaine") {
			t.Errorf("interests CSV:\n%s", csv)
		}
	}

	// Follow-up: a detected synergy, summaries with their PDF.
	before := len(smtp.Messages())
	facilitator(eventURL+"/close", url.Values{}, 200)
	msgs := smtp.WaitFor(before+2, 5*time.Second)[before:]
	for _, m := range msgs {
		pdf, err := m.Part("application/pdf")
		if err != nil || !strings.HasPrefix(pdf, "%PDF-") {
			t.Fatalf("summary to %v without its PDF: %v", m.To, err)
		}
	}
	synergies, _ := fx.Synergies(ctx, fx.Demo.ID)
	found := false
	for _, s := range synergies {
		if s.Attrs["workshop"] != "" && s.OutputFlowExtID == cardOfA.ExtID && s.InputCompExtID == invited[2].ExtID {
			found = s.Status == model.StatusDetected && strings.Contains(s.Notes, "40 par semaine")
		}
	}
	if !found {
		t.Fatal("the interest did not become a detected synergy with its note")
	}
	summary := c.page()
	if !strings.Contains(summary, cardOfA.Label) || !strings.Contains(summary, "name=\"score\"") {
		t.Fatal("the company page shows neither the interests given nor the survey")
	}
	c.post(url.Values{"action": {"survey"}, "score": {"5"}, "comment": {"Très concret"}}, 200)
	c.post(url.Values{"action": {"survey"}, "score": {"9"}}, 400)
	req, _ = http.NewRequest("GET", eventURL, nil)
	req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: fx.Sessions["facilitator"]})
	resp, _ = http.DefaultClient.Do(req)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "Très concret") || !strings.Contains(string(body), "5/5") {
		t.Fatal("the event page does not show the survey")
	}
	if pdf := get(t, c.c, c.link+"/summary", 200); !strings.HasPrefix(pdf, "%PDF-") {
		t.Fatal("the company cannot download its summary")
	}
}

func mustContacts(t *testing.T, fx *testfixture.Fixture, companyID int64) []model.Contact {
	list, err := fx.ContactsOfCompany(context.Background(), companyID)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// On the day, the remaining rounds are re-planned after no-shows: the
// round played is kept as it was, absent companies leave the others.
func TestBourseReplanKeepsPlayedRounds(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	bourses, err := f.Workshops(ctx, f.Demo.ID)
	if err != nil || len(bourses) == 0 {
		t.Fatalf("demo workshops: %v", err)
	}
	ws := bourses[0]
	path := fmt.Sprintf("/t/%d/workshops/%d", f.Demo.ID, ws.ID)
	post := func(p string, form url.Values, want int) string {
		t.Helper()
		form.Set("csrf", f.CSRF["facilitator"])
		rec := f.do("facilitator", "POST", p, form)
		if rec.Code != want {
			t.Fatalf("POST %s: %d, want %d\n%s", p, rec.Code, want, rec.Body.String())
		}
		return rec.Body.String()
	}
	post(path, url.Values{"title": {ws.Title}, "date": {ws.Date}, "table_size": {"5"}, "rounds": {"3"}}, 303)
	host, _ := f.CompanyByExtID(ctx, f.Demo.ID, ws.CompanyExtIDs[3])
	post(path+"/seats", url.Values{"company": {itoa(host.ID)}, "table": {"2"}}, 303)
	post(path+"/plan", url.Values{}, 200)
	first, _ := f.Workshop(ctx, f.Demo.ID, ws.ID)
	if len(first.Plan) != 3 {
		t.Fatalf("plan of %d rounds, want 3", len(first.Plan))
	}
	var absent []string // two companies of round 1, not the host
	for _, table := range first.Plan[0] {
		if len(absent) < 2 && table[0] != host.ExtID {
			absent = append(absent, table[0])
		}
	}
	post(path+"/plan", url.Values{"played": {"1"}, "absent": absent}, 200)
	second, _ := f.Workshop(ctx, f.Demo.ID, ws.ID)
	if fmt.Sprint(second.Plan[0]) != fmt.Sprint(first.Plan[0]) {
		t.Fatalf("the played round changed:\n%v\n%v", first.Plan[0], second.Plan[0])
	}
	for r, round := range second.Plan {
		if !slices.Contains(round[1], host.ExtID) {
			t.Errorf("round %d: the host is not at its fixed table 2: %v", r+1, round)
		}
	}
	met := map[[2]string]bool{}
	for r, round := range second.Plan {
		for _, table := range round {
			for i, a := range table {
				if r > 0 && (a == absent[0] || a == absent[1]) {
					t.Errorf("absent %s seated in round %d", a, r+1)
				}
				for _, b := range table[i+1:] {
					k := [2]string{min(a, b), max(a, b)}
					if met[k] {
						t.Errorf("%s and %s meet twice", a, b)
					}
					met[k] = true
				}
			}
		}
	}
}
