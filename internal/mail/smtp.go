package mail

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"strings"
	"time"
)

// SMTPSender sends messages through one SMTP server, with a connection per
// message: Symbiose sends invitations and reminders, not newsletters, and a
// fresh connection has no idle state to go stale.
type SMTPSender struct {
	cfg Config
}

// NewSMTP returns a sender for cfg; it connects only when sending.
func NewSMTP(cfg Config) *SMTPSender {
	return &SMTPSender{cfg: cfg}
}

// Send delivers m and returns once the server has accepted it. Replies the
// server refuses come back wrapped as *textproto.Error, whose Code tells a
// temporary (4xx) from a permanent (5xx) failure.
func (s *SMTPSender) Send(ctx context.Context, m Message) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("mail: send: %w", err)
	}
	if s.cfg.From.Address == "" {
		return errors.New("mail: send: no From address configured")
	}
	env, err := m.encode(s.cfg.From, time.Now(), messageID(s.cfg.From.Address))
	if err != nil {
		return err
	}
	conn, err := s.dial(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("mail: connect to %s: %w", s.cfg.addr(), ctx.Err())
		}
		return fmt.Errorf("mail: connect to %s: %w", s.cfg.addr(), err)
	}
	defer conn.Close()
	// net/smtp takes no context. The connection deadline bounds a stalled
	// server; the context's end, by cancellation or deadline, expires it at
	// once to unblock any read or write. The context's deadline is not copied
	// onto the connection: the connection could then time out a moment
	// before ctx.Err() is set, and the caller would not see a context error.
	if err := conn.SetDeadline(time.Now().Add(s.timeout())); err != nil {
		return fmt.Errorf("mail: set deadline: %w", err)
	}
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	if err := s.converse(conn, env); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("mail: send to %s: %w", s.cfg.addr(), ctx.Err())
		}
		return fmt.Errorf("mail: send to %s: %w", s.cfg.addr(), err)
	}
	return nil
}

func (s *SMTPSender) timeout() time.Duration {
	if s.cfg.Timeout > 0 {
		return s.cfg.Timeout
	}
	return DefaultTimeout
}

func (s *SMTPSender) dial(ctx context.Context) (net.Conn, error) {
	d := &net.Dialer{Timeout: s.timeout()}
	if s.cfg.Security == ImplicitTLS {
		td := &tls.Dialer{NetDialer: d, Config: s.tlsConfig()}
		return td.DialContext(ctx, "tcp", s.cfg.addr())
	}
	return d.DialContext(ctx, "tcp", s.cfg.addr())
}

func (s *SMTPSender) tlsConfig() *tls.Config {
	if s.cfg.TLS == nil {
		return &tls.Config{ServerName: s.cfg.Host, MinVersion: tls.VersionTLS12}
	}
	c := s.cfg.TLS.Clone()
	if c.ServerName == "" {
		c.ServerName = s.cfg.Host
	}
	return c
}

// converse runs the SMTP exchange for one message on an open connection.
func (s *SMTPSender) converse(conn net.Conn, env envelope) error {
	c, err := smtp.NewClient(conn, s.cfg.Host)
	if err != nil {
		return fmt.Errorf("greeting: %w", err)
	}
	defer c.Close()
	if s.cfg.Security == StartTLS {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(s.tlsConfig()); err != nil {
				return fmt.Errorf("STARTTLS: %w", err)
			}
		}
	}
	if s.cfg.Username != "" {
		if ok, _ := c.Extension("AUTH"); !ok {
			return errors.New("credentials given but the server offers no AUTH")
		}
		// PlainAuth refuses to send the password over a connection that is
		// neither TLS nor to localhost: that check is why it is used here.
		if err := c.Auth(smtp.PlainAuth("", s.cfg.Username, s.cfg.Password, s.cfg.Host)); err != nil {
			return fmt.Errorf("AUTH: %w", err)
		}
	}
	if err := c.Mail(env.from); err != nil {
		return fmt.Errorf("MAIL FROM <%s>: %w", env.from, err)
	}
	for _, rcpt := range env.to {
		if err := c.Rcpt(rcpt); err != nil {
			return fmt.Errorf("RCPT TO <%s>: %w", rcpt, err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("DATA: %w", err)
	}
	if _, err := w.Write(env.data); err != nil {
		return fmt.Errorf("DATA: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("end of DATA: %w", err)
	}
	// The server has accepted the message: a failed QUIT must not be
	// reported, or a caller retrying would send it twice.
	_ = c.Quit()
	return nil
}

// messageID returns a unique Message-ID in the sender's domain.
func messageID(from string) string {
	domain := "localhost"
	if i := strings.LastIndexByte(from, '@'); i >= 0 && i < len(from)-1 {
		domain = from[i+1:]
	}
	return "<" + rand.Text() + "@" + domain + ">"
}
