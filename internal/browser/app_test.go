package browser

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"symbiose/internal/http/server"
	"symbiose/internal/mail"
	"symbiose/internal/mail/smtptest"
	"symbiose/internal/model"
	"symbiose/internal/testfixture"
	"symbiose/internal/ui"
)

// testTimeout bounds every browser action of one test.
const testTimeout = 60 * time.Second

// app is Symbiose running on 127.0.0.1 over the test fixture's database,
// sending its mail to an in-test SMTP server.
type app struct {
	t        *testing.T
	fx       *testfixture.Fixture
	url      string // http://127.0.0.1:port
	smtp     *smtptest.Server
	deadline time.Time // the end of the test's time budget
}

// startApp builds the fixture and serves the application until the test ends.
func startApp(t *testing.T) *app {
	t.Helper()
	chromiumPath(t) // skip (or fail in CI) before building anything
	deadline := time.Now().Add(testTimeout)
	fx := testfixture.New(t)
	smtp := smtptest.Start(t)
	cfg, err := mail.ParseURL(smtp.URL())
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(fx.DB, fx.Storage, fx.Log, fx.Matchers, ui.Options{Mailer: mail.NewSMTP(cfg)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler()) // listens on 127.0.0.1
	t.Cleanup(ts.Close)
	return &app{t: t, fx: fx, url: ts.URL, smtp: smtp, deadline: deadline}
}

// demo is the path of the demo territory, "/t/<id>".
func (a *app) demo() string { return "/t/" + itoa(a.fx.Demo.ID) }

// company returns the demo company with a dataset id such as "c010".
func (a *app) company(extID string) model.Company {
	a.t.Helper()
	c, err := a.fx.CompanyByExtID(context.Background(), a.fx.Demo.ID, extID)
	if err != nil {
		a.t.Fatalf("company %s: %v", extID, err)
	}
	return c
}

// companyPath is the page of a company.
func (a *app) companyPath(c model.Company) string {
	return "/t/" + itoa(c.TerritoryID) + "/companies/" + itoa(c.ID)
}

// flowsOf returns the flows of a company as stored.
func (a *app) flowsOf(companyID int64) []model.Flow {
	a.t.Helper()
	flows, err := a.fx.FlowsOfCompany(context.Background(), companyID)
	if err != nil {
		a.t.Fatal(err)
	}
	return flows
}

// get fetches path outside the browser, with the session of role if any,
// and returns the status code and body.
func (a *app) get(path, role string) (int, string) {
	a.t.Helper()
	req, err := http.NewRequest("GET", a.url+path, nil)
	if err != nil {
		a.t.Fatal(err)
	}
	if role != "" {
		req.AddCookie(&http.Cookie{Name: "symbiose_session", Value: a.fx.Sessions[role]})
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		a.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
