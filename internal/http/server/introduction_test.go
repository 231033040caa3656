package server

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"symbiose/internal/model"
)

// A facilitator proposes an introduction; each company answers through its
// own emailed link; contact details appear only once both accepted, and the
// synergy moves to contacted.
func TestDoubleOptInIntroduction(t *testing.T) {
	fx, smtp, ts := mailingServer(t)
	ctx := context.Background()
	sy, err := fx.CreateSynergy(ctx, model.Synergy{TerritoryID: fx.Demo.ID, Type: model.Substitution,
		OutputCompExtID: "c001", InputCompExtID: "c002", Resource: "mineral.sand.foundry", Label: "Sable"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"csrf": {fx.CSRF["facilitator"]}}
	req, _ := http.NewRequest("POST", ts.URL+"/t/"+itoa(fx.Demo.ID)+"/synergies/"+itoa(sy.ID)+"/introduce", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: fx.Sessions["facilitator"]})
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("introduce: %v %v", err, resp.Status)
	}
	resp.Body.Close()
	msgs := smtp.WaitFor(2, 5*time.Second)
	var links []string
	for _, m := range msgs {
		text, _ := m.Part("text/plain")
		links = append(links, regexp.MustCompile(`http://\S+/introduction/\S+`).FindString(text))
	}
	ownContacts, _ := fx.ContactsOfCompany(ctx, fx.Own.ID)
	foreignContacts, _ := fx.ContactsOfCompany(ctx, fx.Foreign.ID)
	byRecipient := map[string]string{}
	for i, m := range msgs {
		byRecipient[m.To[0]] = links[i]
	}
	ownLink, foreignLink := byRecipient[ownContacts[0].Email], byRecipient[foreignContacts[0].Email]
	if ownLink == "" || foreignLink == "" {
		t.Fatalf("mails went to %v", byRecipient)
	}

	answer := func(link string) string {
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar}
		page := get(t, c, link, 200)
		token := csrfField.FindStringSubmatch(page)
		if token == nil {
			t.Fatalf("no form on %s", link)
		}
		resp, err := c.PostForm(link, url.Values{"csrf": {token[1]}, "answer": {"accepted"}})
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("accept: %v", err)
		}
		resp.Body.Close()
		return get(t, c, link, 200)
	}
	first := answer(ownLink)
	if strings.Contains(first, foreignContacts[0].Email) {
		t.Fatal("the partner's contact details were shown before it accepted")
	}
	second := answer(foreignLink)
	if !strings.Contains(second, "Chacun a accepté") || !strings.Contains(second, ownContacts[0].Email) {
		t.Fatalf("after both accepted, no contact details:\n%s", second)
	}
	after, _ := fx.Synergies(ctx, fx.Demo.ID)
	for _, s := range after {
		if s.ID == sy.ID && s.Status != model.StatusContacted {
			t.Fatalf("status %s, want contacted", s.Status)
		}
	}
}
