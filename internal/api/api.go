// Package api serves Symbiose's REST API under /api/v1: JSON handlers, one
// per file, with the same confidentiality rules as the pages. The route
// table below is the API's index.
package api

import (
	"log/slog"
	"net/http"

	"symbiose/internal/storage"
	"symbiose/internal/worker"
)

// API holds what the handlers need.
type API struct {
	store    *storage.Storage
	matchers *worker.Matchers
	log      *slog.Logger
}

// New prepares the API.
func New(store *storage.Storage, matchers *worker.Matchers, log *slog.Logger) *API {
	return &API{store: store, matchers: matchers, log: log}
}

type route struct {
	pattern string
	handler http.HandlerFunc
	public  bool // served without authentication
}

// routes is the index of the API: every endpoint, in one table.
func (a *API) routes() []route {
	return []route{
		{"GET /api/v1/openapi.json", a.openapi, true},
		{"GET /api/v1/classify", a.classify, false},
		{"GET /api/v1/territories", a.territories, false},
		{"GET /api/v1/territories/{tid}", a.territory, false},
		{"GET /api/v1/territories/{tid}/companies", a.companies, false},
		{"POST /api/v1/territories/{tid}/companies", a.companyCreate, false},
		{"GET /api/v1/territories/{tid}/companies/{cid}", a.company, false},
		{"PUT /api/v1/territories/{tid}/companies/{cid}", a.companyUpdate, false},
		{"DELETE /api/v1/territories/{tid}/companies/{cid}", a.companyDelete, false},
		{"GET /api/v1/territories/{tid}/companies/{cid}/flows", a.companyFlows, false},
		{"POST /api/v1/territories/{tid}/companies/{cid}/flows", a.flowCreate, false},
		{"GET /api/v1/territories/{tid}/flows/{fid}", a.flow, false},
		{"PUT /api/v1/territories/{tid}/flows/{fid}", a.flowUpdate, false},
		{"DELETE /api/v1/territories/{tid}/flows/{fid}", a.flowDelete, false},
		{"GET /api/v1/territories/{tid}/synergies", a.synergies, false},
		{"POST /api/v1/territories/{tid}/synergies", a.synergyCreate, false},
		{"GET /api/v1/territories/{tid}/synergies/{sid}", a.synergy, false},
		{"GET /api/v1/territories/{tid}/opportunities", a.opportunities, false},
		{"GET /api/v1/territories/{tid}/workshops", a.workshops, false},
		{"GET /api/v1/territories/{tid}/workshops/{wid}/interests", a.workshopInterests, false},
		{"GET /api/v1/territories/{tid}/export", a.export, false},
		{"POST /api/v1/territories/{tid}/import", a.importDataset, false},
	}
}

// Routes mounts every endpoint on mux. It expects the session middleware of
// the pages around mux (the session cookie); Bearer tokens are read here.
func (a *API) Routes(mux *http.ServeMux) {
	for _, r := range a.routes() {
		h := a.authenticated(r.handler)
		if r.public {
			h = noStore(r.handler)
		}
		mux.HandleFunc(r.pattern, h)
	}
}

// Patterns lists the route patterns, for the tests that walk them all.
func (a *API) Patterns() []string {
	var out []string
	for _, r := range a.routes() {
		out = append(out, r.pattern)
	}
	return out
}
