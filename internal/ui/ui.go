// Package ui serves the HTML pages: one handler per file, server-rendered,
// French by default.
package ui

import (
	"log/slog"
	"net/http"
	"time"

	"symbiose/internal/mail"
	"symbiose/internal/storage"
	"symbiose/internal/template"
	"symbiose/internal/worker"
)

// UI holds what the pages need.
type UI struct {
	store    *storage.Storage
	matchers *worker.Matchers
	pages    *template.Set
	log      *slog.Logger
	opt      Options
	mailer   mail.Sender
	// Failed sign-ins: 10 per address and email, 50 per address (a whole
	// office behind one address) in 15 minutes.
	loginsByAccount, loginsByAddress *limiter
}

// Options are the settings the pages need.
type Options struct {
	Mailer  mail.Sender // nil: invitation links are shown to pass on by hand
	BaseURL string      // how users reach the site, for links in emails; empty: the request's host
	TileURL string      // map tiles; empty: the map is drawn without tiles
	// StaleAfter is how long a synergy may go without activity before the
	// pipeline flags it (default 45 days).
	StaleAfter time.Duration
}

// New prepares the pages.
func New(store *storage.Storage, matchers *worker.Matchers, log *slog.Logger, opt Options) (*UI, error) {
	pages, err := template.Load()
	if err != nil {
		return nil, err
	}
	return &UI{store: store, matchers: matchers, pages: pages, log: log, opt: opt, mailer: opt.Mailer,
		loginsByAccount: newLimiter(10), loginsByAddress: newLimiter(50)}, nil
}

// routes is the index of the UI: every page and form.
func (u *UI) routes() []route {
	return []route{
		{"GET /login", u.loginForm},
		{"POST /login", u.login},
		{"POST /logout", u.logout},
		{"GET /setup/{token}", u.setupForm},
		{"POST /setup/{token}", u.setup},
		{"GET /lang", u.language},
		{"GET /{$}", u.signedIn(u.home)},
		{"GET /t/{tid}/{$}", u.signedIn(u.dashboard)},
		{"GET /t/{tid}/companies", u.signedIn(u.companies)},
		{"GET /t/{tid}/companies/{cid}", u.signedIn(u.company)},
		{"GET /t/{tid}/opportunities", u.signedIn(u.opportunities)},
		{"GET /t/{tid}/companies/{cid}/flows/new", u.signedIn(u.flowNew)},
		{"POST /t/{tid}/companies/{cid}/flows", u.signedIn(u.flowCreate)},
		{"GET /t/{tid}/flows/{fid}/edit", u.signedIn(u.flowEdit)},
		{"POST /t/{tid}/flows/{fid}", u.signedIn(u.flowUpdate)},
		{"POST /t/{tid}/flows/{fid}/delete", u.signedIn(u.flowDelete)},
		{"POST /t/{tid}/companies/{cid}/invite", u.signedIn(u.invite)},
		{"GET /t/{tid}/companies/new", u.signedIn(u.companyNew)},
		{"POST /t/{tid}/companies", u.signedIn(u.companyCreate)},
		{"GET /t/{tid}/companies/{cid}/edit", u.signedIn(u.companyEdit)},
		{"POST /t/{tid}/companies/{cid}", u.signedIn(u.companyUpdate)},
		{"POST /t/{tid}/synergies", u.signedIn(u.synergyCreate)},
		{"GET /t/{tid}/map", u.signedIn(u.mapPage)},
		{"GET /t/{tid}/map.json", u.signedIn(u.mapPoints)},
		{"GET /t/{tid}/import", u.signedIn(u.importForm)},
		{"POST /t/{tid}/import", u.signedIn(u.importCheck)},
		{"POST /t/{tid}/import/{token}", u.signedIn(u.importConfirm)},
		{"GET /t/{tid}/audit", u.signedIn(u.auditLog)},
		{"GET /t/{tid}/report", u.signedIn(u.programmeReport)},
		{"GET /t/{tid}/workshops", u.signedIn(u.workshops)},
		{"POST /t/{tid}/workshops", u.signedIn(u.workshopCreate)},
		{"GET /t/{tid}/workshops/{wid}", u.signedIn(u.workshopPage)},
		{"POST /t/{tid}/workshops/{wid}", u.signedIn(u.workshopUpdate)},
		{"POST /t/{tid}/workshops/{wid}/invitations", u.signedIn(u.workshopInvite)},
		{"POST /t/{tid}/workshops/{wid}/staff", u.signedIn(u.workshopStaffAdd)},
		{"POST /t/{tid}/workshops/{wid}/staff/{sid}/delete", u.signedIn(u.workshopStaffDelete)},
		{"POST /t/{tid}/workshops/{wid}/pairs", u.signedIn(u.workshopPairs)},
		{"POST /t/{tid}/workshops/{wid}/seats", u.signedIn(u.workshopSeat)},
		{"POST /t/{tid}/workshops/{wid}/plan", u.signedIn(u.workshopPlan)},
		{"GET /t/{tid}/workshops/{wid}/printables", u.signedIn(u.workshopPrintables)},
		{"GET /t/{tid}/workshops/{wid}/live", u.signedIn(u.workshopLive)},
		{"GET /t/{tid}/workshops/{wid}/live.json", u.signedIn(u.workshopLiveJSON)},
		{"GET /t/{tid}/workshops/{wid}/interests.csv", u.signedIn(u.workshopInterestsCSV)},
		{"POST /t/{tid}/workshops/{wid}/close", u.signedIn(u.workshopClose)},
		{"GET /t/{tid}/workshops/{wid}/summaries/{cid}", u.signedIn(u.workshopSummary)},
		{"GET /b/{token}", u.bourseCompany},
		{"POST /b/{token}", u.bourseCompany},
		{"GET /b/{token}/summary", u.bourseCompanySummary},
		{"GET /s/{token}", u.captureShell},
		{"GET /s/{token}/state", u.captureStateJSON},
		{"POST /s/{token}/interests", u.captureRecord},
		{"GET /t/{tid}/programme", u.signedIn(u.programmePage)},
		{"POST /t/{tid}/programme", u.signedIn(u.programmePage)},
		{"GET /t/{tid}/reminders", u.signedIn(u.reminders)},
		{"POST /t/{tid}/reminders", u.signedIn(u.reminders)},
		{"GET /t/{tid}/synergies", u.signedIn(u.synergies)},
		{"GET /t/{tid}/synergies/{sid}", u.signedIn(u.synergyPage)},
		{"POST /t/{tid}/synergies/{sid}", u.signedIn(u.synergyFollowUp)},
		{"POST /t/{tid}/synergies/{sid}/move", u.signedIn(u.synergyMove)},
		{"POST /t/{tid}/synergies/{sid}/introduce", u.signedIn(u.introduce)},
		{"GET /introduction/{token}", u.introduction},
		{"POST /introduction/{token}", u.introduction},
		{"GET /unsubscribe", u.unsubscribe},
		{"POST /unsubscribe", u.unsubscribe},
		{"GET /account", u.signedIn(u.account)},
		{"POST /account/tokens", u.signedIn(u.tokenCreate)},
		{"POST /account/tokens/{hash}/delete", u.signedIn(u.tokenDelete)},
		{"GET /invite/{token}", u.inviteForm},
		{"POST /invite/{token}", u.inviteAccept},
	}
}

type route struct {
	pattern string
	handler http.HandlerFunc
}

// Routes mounts every page on mux.
func (u *UI) Routes(mux *http.ServeMux) {
	for _, r := range u.routes() {
		mux.HandleFunc(r.pattern, r.handler)
	}
}

// Patterns lists the route patterns, for the test that walks them all.
func (u *UI) Patterns() []string {
	var out []string
	for _, r := range u.routes() {
		out = append(out, r.pattern)
	}
	return out
}
