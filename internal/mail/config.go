package mail

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	netmail "net/mail"
	"net/url"
	"strconv"
	"time"
)

// Security says how the connection to the SMTP server is protected.
type Security int

const (
	// StartTLS upgrades the connection with STARTTLS when the server offers
	// it (scheme smtp). It is the zero value, so a hand-built Config gets it.
	StartTLS Security = iota
	// ImplicitTLS speaks TLS from the first byte (scheme smtps).
	ImplicitTLS
	// NoTLS never upgrades, for local test servers (scheme smtp+insecure).
	NoTLS
)

// Default ports and timeout used when the URL does not give them.
const (
	DefaultPort    = 587
	DefaultTLSPort = 465
	DefaultTimeout = 30 * time.Second
)

// Config says which SMTP server to use and as whom; ParseURL builds it.
type Config struct {
	// Security chooses between STARTTLS, implicit TLS and no TLS.
	Security Security
	// Host is dialed and is the name the TLS certificate must carry.
	Host string
	Port int
	// Username and Password enable AUTH PLAIN when Username is set.
	Username string
	Password string
	// From is the sender of every message, in the From header and the
	// envelope.
	From netmail.Address
	// Timeout bounds dialing and the whole SMTP exchange of one message;
	// zero means DefaultTimeout. A shorter context deadline wins.
	Timeout time.Duration
	// TLS, when set, replaces the default TLS settings (for example to trust
	// a private CA); ServerName defaults to Host.
	TLS *tls.Config
}

var schemes = map[string]Security{
	"smtp":          StartTLS,
	"smtps":         ImplicitTLS,
	"smtp+insecure": NoTLS,
}

// ParseURL reads a configuration such as
// smtp://user:password@host:587?from=Symbiose%20<noreply@example.org>.
// Schemes are smtp, smtps and smtp+insecure; query parameters are from
// (required) and timeout (a Go duration such as 10s).
func ParseURL(raw string) (Config, error) {
	if raw == "" {
		return Config{}, errors.New("mail: empty SMTP URL")
	}
	u, err := url.Parse(raw)
	if err != nil {
		// url.Error repeats the whole URL, password included; keep only the
		// cause so the error can be logged safely.
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return Config{}, fmt.Errorf("mail: parse SMTP URL: %w", err)
	}
	var cfg Config
	var ok bool
	if cfg.Security, ok = schemes[u.Scheme]; !ok {
		return Config{}, fmt.Errorf("mail: SMTP URL scheme %q: want smtp, smtps or smtp+insecure", u.Scheme)
	}
	if u.Opaque != "" || u.Hostname() == "" {
		return Config{}, errors.New("mail: SMTP URL has no host: want smtp://host:port?from=...")
	}
	cfg.Host = u.Hostname()
	if cfg.Port, err = parsePort(u.Port(), cfg.Security); err != nil {
		return Config{}, err
	}
	if u.Path != "" && u.Path != "/" {
		return Config{}, fmt.Errorf("mail: SMTP URL path %q: a path has no meaning here", u.Path)
	}
	if u.User != nil {
		cfg.Username = u.User.Username()
		cfg.Password, _ = u.User.Password()
		if cfg.Username == "" {
			return Config{}, errors.New("mail: SMTP URL has a password but no user")
		}
		if cfg.Password == "" {
			return Config{}, fmt.Errorf("mail: SMTP user %q has no password", cfg.Username)
		}
	}
	if err := parseQuery(u.RawQuery, &cfg); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

func parsePort(p string, sec Security) (int, error) {
	if p == "" {
		if sec == ImplicitTLS {
			return DefaultTLSPort, nil
		}
		return DefaultPort, nil
	}
	n, err := strconv.Atoi(p)
	if err != nil || n < 1 || n > 65535 {
		return 0, fmt.Errorf("mail: SMTP URL port %q: want a number from 1 to 65535", p)
	}
	return n, nil
}

func parseQuery(rawQuery string, cfg *Config) error {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return fmt.Errorf("mail: SMTP URL query: %w", err)
	}
	// Unknown parameters are refused so that a typo such as "form=" is
	// reported instead of silently ignored.
	for k := range q {
		if k != "from" && k != "timeout" {
			return fmt.Errorf("mail: SMTP URL parameter %q unknown: want from or timeout", k)
		}
	}
	from := q.Get("from")
	if from == "" {
		return errors.New("mail: SMTP URL needs a from parameter, like ?from=Symbiose%20<noreply@example.org>")
	}
	addr, err := netmail.ParseAddress(from)
	if err != nil {
		return fmt.Errorf("mail: SMTP URL from %q: %w", from, err)
	}
	cfg.From = *addr
	if t := q.Get("timeout"); t != "" {
		d, err := time.ParseDuration(t)
		if err != nil {
			return fmt.Errorf("mail: SMTP URL timeout: %w", err)
		}
		if d <= 0 {
			return fmt.Errorf("mail: SMTP URL timeout %q: want a positive duration", t)
		}
		cfg.Timeout = d
	}
	return nil
}

// String returns the configuration as a URL with the password masked, so a
// Config printed in a log or an error does not leak it.
func (c Config) String() string {
	u := url.URL{Host: c.addr()}
	for scheme, sec := range schemes {
		if sec == c.Security {
			u.Scheme = scheme
		}
	}
	if c.Username != "" {
		u.User = url.UserPassword(c.Username, c.Password)
	}
	q := url.Values{"from": {c.From.String()}}
	if c.Timeout != 0 {
		q.Set("timeout", c.Timeout.String())
	}
	u.RawQuery = q.Encode()
	return u.Redacted()
}

// addr is the host:port to dial, with IPv6 hosts bracketed.
func (c Config) addr() string {
	return net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
}
