package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"symbiose/internal/dataset"
	"symbiose/internal/demo"
	"symbiose/internal/storage/storagetest"
)

func TestHealthAndHome(t *testing.T) {
	b := storagetest.SQLite(t)
	s := New(b.DB, b.Storage, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)

	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	var health map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &health); err != nil || rec.Code != 200 || health["status"] != "ok" {
		t.Fatalf("healthz: %d %s", rec.Code, rec.Body)
	}
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(rec.Header().Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Fatalf("security headers missing: %v", rec.Header())
	}

	rec = httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if !strings.Contains(rec.Body.String(), "Aucun territoire") {
		t.Fatalf("empty home: %s", rec.Body)
	}
	if _, err := demo.Load(context.Background(), b.Storage, dataset.Options{}); err != nil {
		t.Fatal(err)
	}
	rec = httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if !strings.Contains(rec.Body.String(), demo.TerritoryName) || !strings.Contains(rec.Body.String(), "<td>68</td>") {
		t.Fatalf("home with demo: %s", rec.Body)
	}
}

func TestGracefulShutdown(t *testing.T) {
	b := storagetest.SQLite(t)
	s := New(b.DB, b.Storage, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, l) }()
	resp, err := http.Get("http://" + l.Addr().String() + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET healthz: %v", err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop")
	}
}
