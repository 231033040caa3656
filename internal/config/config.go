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
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("address %q: want HOST:PORT, like localhost:8080", c.Addr))
	}
	return errors.Join(errs...)
}
