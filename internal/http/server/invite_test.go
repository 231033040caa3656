package server

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"symbiose/internal/mail"
	"symbiose/internal/mail/smtptest"
	"symbiose/internal/testfixture"
	"symbiose/internal/ui"
)

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// A facilitator invites a company contact by email; the contact opens the
// link, lands on its company without a password, cannot open another
// company, and the link does not work twice.
func TestInvitationByEmail(t *testing.T) {
	fx, smtp, ts := mailingServer(t)

	// The facilitator sends the invitation.
	form := url.Values{"csrf": {fx.CSRF["facilitator"]}, "email": {"Responsable.QSE@example.org"}}
	req, _ := http.NewRequest("POST", ts.URL+"/t/"+itoa(fx.Demo.ID)+"/companies/"+itoa(fx.Foreign.ID)+"/invite", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: fx.Sessions["facilitator"]})
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("invite: %v %v", err, resp.Status)
	}
	resp.Body.Close()
	msgs := smtp.WaitFor(1, 5*time.Second)
	subject, _ := msgs[0].Subject()
	text, _ := msgs[0].Part("text/plain")
	if msgs[0].To[0] != "responsable.qse@example.org" || !strings.Contains(subject, "Invitation") {
		t.Fatalf("mail to %v, subject %q", msgs[0].To, subject)
	}
	link := regexp.MustCompile(`http://\S+/invite/\S+`).FindString(text)
	if link == "" {
		t.Fatalf("no link in %q", text)
	}

	// The contact opens it in a fresh browser.
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar}
	page := get(t, browser, link, 200)
	token := csrfField.FindStringSubmatch(page)
	if token == nil || !strings.Contains(page, fx.Foreign.Name) {
		t.Fatal("the invitation page does not name the company or has no form")
	}
	resp, err = browser.PostForm(link, url.Values{"csrf": {token[1]}})
	if err != nil || resp.StatusCode != 200 || !strings.HasSuffix(resp.Request.URL.Path, "/companies/"+itoa(fx.Foreign.ID)) {
		t.Fatalf("accept: %v %v %v", err, resp.Status, resp.Request.URL)
	}
	resp.Body.Close()
	get(t, browser, ts.URL+"/t/"+itoa(fx.Demo.ID)+"/companies/"+itoa(fx.Own.ID), 403)
	get(t, browser, ts.URL+"/t/"+itoa(fx.Demo.ID)+"/companies", 403)

	// The link is spent.
	other := &http.Client{}
	get(t, other, link, 410)
}

func get(t *testing.T, c *http.Client, url string, want int) string {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("GET %s: %d, want %d", url, resp.StatusCode, want)
	}
	return string(body)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// mailingServer serves the application on loopback over a fresh fixture,
// sending its mail to an SMTP server started for the test.
func mailingServer(t *testing.T) (*testfixture.Fixture, *smtptest.Server, *httptest.Server) {
	t.Helper()
	fx := testfixture.New(t)
	smtp := smtptest.Start(t)
	cfg, err := mail.ParseURL(smtp.URL())
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(fx.DB, fx.Storage, fx.Log, fx.Matchers, ui.Options{Mailer: mail.NewSMTP(cfg)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return fx, smtp, ts
}
