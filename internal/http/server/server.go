// Package server mounts Symbiose's web surfaces on one http.Server and shuts
// it down gracefully.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"time"

	"symbiose/internal/database"
	"symbiose/internal/storage"
	"symbiose/internal/worker"
)

// Server is the running web application.
type Server struct {
	db       *database.DB
	store    *storage.Storage
	log      *slog.Logger
	matchers *worker.Matchers
	http     *http.Server
}

// New builds the server and its routes. matchers may be nil.
func New(db *database.DB, store *storage.Storage, log *slog.Logger, matchers *worker.Matchers) *Server {
	s := &Server{db: db, store: store, log: log, matchers: matchers}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.health)
	mux.HandleFunc("GET /{$}", s.home)
	s.http = &http.Server{Handler: securityHeaders(mux), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	return s
}

// Handler returns the server's root handler, for tests.
func (s *Server) Handler() http.Handler { return s.http.Handler }

// Serve accepts connections on l until ctx is cancelled, then stops
// accepting, lets requests in flight finish (up to 10 s) and returns.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- s.http.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.http.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	status, code := "ok", http.StatusOK
	version, err := s.db.Version(r.Context())
	if err != nil {
		s.log.Error("health check", "err", err)
		status, code = "database unavailable", http.StatusServiceUnavailable
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	body := map[string]any{"status": status, "database": s.db.Dialect, "schema_version": version}
	if s.matchers != nil {
		body["matching_engines"] = s.matchers.Loaded()
	}
	json.NewEncoder(w).Encode(body)
}

// territorySummary is one line of the home page.
type territorySummary struct {
	Name                        string
	Companies, Flows, Synergies int
}

var homePage = template.Must(template.New("home").Parse(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Symbiose</title></head>
<body><main>
<h1>Symbiose</h1>
<p>Plateforme d'écologie industrielle et territoriale.</p>
{{if .}}<table><caption>Territoires</caption>
<thead><tr><th scope="col">Territoire</th><th scope="col">Entreprises</th><th scope="col">Flux</th><th scope="col">Synergies</th></tr></thead>
<tbody>{{range .}}<tr><td>{{.Name}}</td><td>{{.Companies}}</td><td>{{.Flows}}</td><td>{{.Synergies}}</td></tr>{{end}}</tbody>
</table>{{else}}<p>Aucun territoire pour l'instant : importez un jeu de données (<code>symbiose import</code>) ou chargez la démo (<code>symbiose demo</code>).</p>{{end}}
</main></body></html>`))

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	territories, err := s.store.Territories(ctx)
	if err != nil {
		s.log.Error("home", "err", err)
		http.Error(w, "Erreur interne", http.StatusInternalServerError)
		return
	}
	var list []territorySummary
	for _, t := range territories {
		companies, err1 := s.store.Companies(ctx, t.ID)
		flows, err2 := s.store.Flows(ctx, t.ID)
		synergies, err3 := s.store.Synergies(ctx, t.ID)
		if err := errors.Join(err1, err2, err3); err != nil {
			s.log.Error("home", "err", err)
			http.Error(w, "Erreur interne", http.StatusInternalServerError)
			return
		}
		list = append(list, territorySummary{t.Name, len(companies), len(flows), len(synergies)})
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := homePage.Execute(w, list); err != nil {
		s.log.Error("home", "err", err)
	}
}
