// Package storagetest gives tests a fresh, migrated database: always an
// SQLite file in a temporary directory, and a PostgreSQL schema of its own
// when SYMBIOSE_TEST_DATABASE_URL is set. With CI=true that variable is
// required, so a missing PostgreSQL fails the run instead of skipping.
package storagetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"symbiose/internal/database"
	"symbiose/internal/storage"
)

// Backend is one database a test runs against.
type Backend struct {
	Name string
	DB   *database.DB
	*storage.Storage
}

// Each runs fn once per available database, as a subtest named after it.
func Each(t *testing.T, fn func(t *testing.T, b Backend)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	if PostgresURL(t) != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
	}
}

// PostgresURL returns the PostgreSQL test server URL, or "" when there is
// none; it fails the test when CI=true and none is configured.
func PostgresURL(t testing.TB) string {
	u := os.Getenv("SYMBIOSE_TEST_DATABASE_URL")
	if u == "" && os.Getenv("CI") == "true" {
		t.Fatal("CI=true but SYMBIOSE_TEST_DATABASE_URL is not set: the PostgreSQL storage tests cannot be skipped in CI")
	}
	return u
}

// SQLite returns a fresh database in a temporary directory.
func SQLite(t testing.TB) Backend {
	t.Helper()
	db, err := database.Open(context.Background(), "", t.TempDir())
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return Backend{Name: "sqlite", DB: db, Storage: storage.New(db)}
}

// Postgres returns a fresh database in a new schema of the test server,
// dropped when the test ends.
func Postgres(t testing.TB) Backend {
	t.Helper()
	base := PostgresURL(t)
	if base == "" {
		t.Skip("SYMBIOSE_TEST_DATABASE_URL not set")
	}
	buf := make([]byte, 6)
	rand.Read(buf)
	schema := "t_" + hex.EncodeToString(buf)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema on %s: %v", base, err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err == nil {
			admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			admin.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", base, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := database.Open(context.Background(), u.String(), "")
	if err != nil {
		t.Fatalf("open postgres schema %s: %v", schema, err)
	}
	t.Cleanup(func() { db.Close() })
	return Backend{Name: "postgres", DB: db, Storage: storage.New(db)}
}
