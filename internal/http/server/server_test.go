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

	"symbiose/internal/storage/storagetest"
	"symbiose/internal/ui"
)

func TestHealthAndHeaders(t *testing.T) {
	b := storagetest.SQLite(t)
	s, err := New(b.DB, b.Storage, slog.New(slog.NewTextHandler(io.Discard, nil)), nil, ui.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	var health map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &health); err != nil || rec.Code != 200 || health["status"] != "ok" {
		t.Fatalf("healthz: %d %s", rec.Code, rec.Body)
	}
	h := rec.Header()
	if h.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") ||
		strings.Contains(h.Get("Content-Security-Policy"), "unsafe-inline") || h.Get("Referrer-Policy") == "" {
		t.Fatalf("security headers missing: %v", h)
	}
}

func TestGracefulShutdown(t *testing.T) {
	b := storagetest.SQLite(t)
	s, err := New(b.DB, b.Storage, slog.New(slog.NewTextHandler(io.Discard, nil)), nil, ui.Options{})
	if err != nil {
		t.Fatal(err)
	}
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
