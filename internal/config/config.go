// Package config turns flags and environment variables into a typed
// configuration, passed explicitly to what needs it.
package config

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
)

// Config is Symbiose's configuration.
type Config struct {
	// DataDir holds the embedded SQLite database (SYMBIOSE_DATA_DIR).
	DataDir string
	// DatabaseURL selects PostgreSQL when it is a postgres:// URL
	// (SYMBIOSE_DATABASE_URL); empty means SQLite in DataDir.
	DatabaseURL string
	// Addr is where serve listens (SYMBIOSE_ADDR).
	Addr string
	// BaseURL is how users reach the site, for links in emails
	// (SYMBIOSE_BASE_URL); empty means http://Addr.
	BaseURL string
	// SMTPURL sends email (SYMBIOSE_SMTP_URL, smtp://user:pass@host:587?from=...);
	// empty means links are shown to the facilitator to pass on by hand.
	SMTPURL string
	// TileURL is the map's tile server (SYMBIOSE_TILE_URL,
	// https://tile.example.org/{z}/{x}/{y}.png); empty draws the map without tiles.
	TileURL string
}

// Defaults.
const (
	DefaultDataDir = "./symbiose-data"
	DefaultAddr    = "localhost:8080"
)

// FromEnv returns the configuration given by environment variables, with
// defaults for what is not set.
func FromEnv() Config {
	return Config{
		DataDir:     envOr("SYMBIOSE_DATA_DIR", DefaultDataDir),
		DatabaseURL: os.Getenv("SYMBIOSE_DATABASE_URL"),
		Addr:        envOr("SYMBIOSE_ADDR", DefaultAddr),
		BaseURL:     strings.TrimSuffix(os.Getenv("SYMBIOSE_BASE_URL"), "/"),
		SMTPURL:     os.Getenv("SYMBIOSE_SMTP_URL"),
		TileURL:     os.Getenv("SYMBIOSE_TILE_URL"),
	}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// Validate reports every setting that cannot work.
func (c Config) Validate() error {
	var errs []error
	if c.DatabaseURL == "" && c.DataDir == "" {
		errs = append(errs, errors.New("data directory: empty (set --data-dir or SYMBIOSE_DATA_DIR)"))
	}
	if u := c.DatabaseURL; u != "" && !strings.HasPrefix(u, "postgres://") && !strings.HasPrefix(u, "postgresql://") && !strings.HasPrefix(u, "sqlite:") {
		errs = append(errs, fmt.Errorf("database URL: want postgres://user@host:5432/db or sqlite:PATH"))
	}
	if c.BaseURL != "" && !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "https://") {
		errs = append(errs, fmt.Errorf("base URL %q: want http://… or https://…", c.BaseURL))
	}
	if c.TileURL != "" && (!strings.Contains(c.TileURL, "{z}") || !strings.HasPrefix(c.TileURL, "http")) {
		errs = append(errs, fmt.Errorf("tile URL %q: want https://…/{z}/{x}/{y}.png", c.TileURL))
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("address %q: want HOST:PORT, like localhost:8080", c.Addr))
	}
	return errors.Join(errs...)
}
