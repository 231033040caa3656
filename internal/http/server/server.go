// Package server mounts Symbiose's web surfaces on one http.Server and shuts
// it down gracefully.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"symbiose/internal/api"
	"symbiose/internal/database"
	"symbiose/internal/storage"
	"symbiose/internal/ui"
	"symbiose/internal/worker"
	"symbiose/web"
)

// Server is the running web application.
type Server struct {
	api      *api.API
	pages    *ui.UI
	db       *database.DB
	store    *storage.Storage
	log      *slog.Logger
	matchers *worker.Matchers
	http     *http.Server
}

// New builds the server and its routes.
func New(db *database.DB, store *storage.Storage, log *slog.Logger, matchers *worker.Matchers, opt ui.Options) (*Server, error) {
	pages, err := ui.New(store, matchers, log, opt)
	if err != nil {
		return nil, err
	}
	s := &Server{pages: pages, db: db, store: store, log: log, matchers: matchers}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.health)
	mux.Handle("GET /static/", http.FileServerFS(web.Static))
	s.api = api.New(store, matchers, log)
	s.api.Routes(mux)
	pages.Routes(mux)
	s.http = &http.Server{Handler: securityHeaders(pages.Sessions(mux)), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	return s, nil
}

// Patterns lists every route pattern of the server.
func (s *Server) Patterns() []string {
	return append([]string{"GET /healthz", "GET /static/"}, s.pages.Patterns()...) // the API's are walked by its own test
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
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
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
