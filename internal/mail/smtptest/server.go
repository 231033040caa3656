// Package smtptest runs a small, real SMTP server inside a test, so code
// that sends mail is tested end to end through net/smtp instead of through a
// mock. It keeps every message it receives for the test to inspect.
package smtptest

import (
	"crypto/tls"
	"net"
	"net/url"
	"sync"
	"testing"
	"time"
)

// DefaultFrom is the sender put in URL.
const DefaultFrom = "Symbiose <noreply@example.org>"

// Mode says how a Server protects its connections.
type Mode int

const (
	// Plain never offers TLS; URL uses the smtp+insecure scheme.
	Plain Mode = iota
	// STARTTLS offers STARTTLS; URL uses the smtp scheme.
	STARTTLS
	// ImplicitTLS speaks TLS from the first byte; URL uses smtps.
	ImplicitTLS
)

// Server is an SMTP server listening on 127.0.0.1, stopped when its test
// ends.
type Server struct {
	t         testing.TB
	ln        net.Listener
	mode      Mode
	serverTLS *tls.Config // nil in Plain mode
	clientTLS *tls.Config // trusts the server's certificate

	mu       sync.Mutex
	msgs     []Received
	changed  chan struct{} // closed and replaced on each new message
	failNext int
	conns    map[net.Conn]bool
	closed   bool
	wg       sync.WaitGroup
}

// Start starts a Plain server.
func Start(t testing.TB) *Server {
	t.Helper()
	return StartMode(t, Plain)
}

// StartMode starts a server protected as mode says, with a self-signed
// certificate for 127.0.0.1 when mode uses TLS (see ClientTLS).
func StartMode(t testing.TB, mode Mode) *Server {
	t.Helper()
	s := &Server{t: t, mode: mode, changed: make(chan struct{}), conns: map[net.Conn]bool{}}
	if mode != Plain {
		var err error
		if s.serverTLS, s.clientTLS, err = selfSigned(); err != nil {
			t.Fatalf("smtptest: certificate: %v", err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("smtptest: listen: %v", err)
	}
	if mode == ImplicitTLS {
		ln = tls.NewListener(ln, s.serverTLS)
	}
	s.ln = ln
	s.wg.Add(1)
	go s.accept()
	t.Cleanup(s.close)
	return s
}

// URL returns the server's address as a mail URL with DefaultFrom, ready
// for mail.ParseURL. TLS modes also need ClientTLS in the parsed Config.
func (s *Server) URL() string {
	scheme := map[Mode]string{Plain: "smtp+insecure", STARTTLS: "smtp", ImplicitTLS: "smtps"}[s.mode]
	u := url.URL{
		Scheme:   scheme,
		Host:     s.Addr(),
		RawQuery: url.Values{"from": {DefaultFrom}}.Encode(),
	}
	return u.String()
}

// Addr returns the host:port the server listens on.
func (s *Server) Addr() string {
	return s.ln.Addr().String()
}

// ClientTLS returns a TLS configuration that trusts the server's
// certificate, or nil for a Plain server.
func (s *Server) ClientTLS() *tls.Config {
	if s.clientTLS == nil {
		return nil
	}
	return s.clientTLS.Clone()
}

// FailNext makes the next RCPT TO fail with code (such as 550 or 451), to
// test how senders report a refusal.
func (s *Server) FailNext(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext = code
}

// Messages returns the messages received so far, oldest first.
func (s *Server) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.msgs...)
}

// WaitFor returns the messages once there are at least n, and fails the
// test if they do not arrive within timeout. Call it from the test's
// goroutine, as it may call t.Fatal.
func (s *Server) WaitFor(n int, timeout time.Duration) []Received {
	s.t.Helper()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		s.mu.Lock()
		msgs, changed := append([]Received(nil), s.msgs...), s.changed
		s.mu.Unlock()
		if len(msgs) >= n {
			return msgs
		}
		select {
		case <-changed:
		case <-timer.C:
			s.t.Fatalf("smtptest: waited %v for %d messages, got %d", timeout, n, len(msgs))
			return msgs
		}
	}
}

func (s *Server) accept() {
	defer s.wg.Done()
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return // the listener is closed
		}
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			conn.Close()
			return
		}
		s.conns[conn] = true
		s.wg.Add(1)
		s.mu.Unlock()
		go func() {
			defer s.wg.Done()
			s.serve(conn)
			s.mu.Lock()
			delete(s.conns, conn)
			s.mu.Unlock()
		}()
	}
}

// store keeps a message and wakes WaitFor.
func (s *Server) store(r Received) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.msgs = append(s.msgs, r)
	close(s.changed)
	s.changed = make(chan struct{})
}

// takeFailure returns the code FailNext asked for, once.
func (s *Server) takeFailure() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	code := s.failNext
	s.failNext = 0
	return code
}

// close stops accepting, drops open connections and waits for every
// goroutine, so none outlives the test.
func (s *Server) close() {
	s.mu.Lock()
	s.closed = true
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.ln.Close()
	s.wg.Wait()
}
