package mail_test

import (
	"context"
	"crypto/x509"
	"errors"
	"mime"
	"net"
	netmail "net/mail"
	"net/textproto"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"symbiose/internal/mail"
	"symbiose/internal/mail/smtptest"
)

// french is the message the sending tests deliver: accents everywhere, a
// line starting with a dot (SMTP dot-stuffing) and a line longer than
// quoted-printable allows (soft line breaks).
var french = mail.Message{
	To:      []string{"Zoé Lefèvre <zoe@example.org>", "marc@example.org"},
	Subject: "Invitation à compléter vos flux",
	Text: "Bonjour Zoé,\n\n" +
		"Vous êtes invitée à compléter les flux de matières de votre établissement : déchets, énergie, eau, coproduits.\n" +
		".Cette ligne commence par un point.\n" +
		"À bientôt,\nL'équipe Symbiose\n",
	HTML: `<p>Bonjour Zoé,</p><p>Vous êtes invitée à <a href="https://example.org/flux?x=1&amp;y=2">compléter vos flux</a>.</p>`,
	Headers: map[string]string{
		"Reply-To":            "animateur@example.org",
		"X-Symbiose-Campagne": "relance été",
	},
}

// config parses the server's URL, trusts its certificate and sets a French
// sender name.
func config(t *testing.T, srv *smtptest.Server, user string) mail.Config {
	t.Helper()
	u, err := url.Parse(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	if user != "" {
		u.User = url.UserPassword(user, "mot-de-passe")
	}
	cfg, err := mail.ParseURL(u.String())
	if err != nil {
		t.Fatalf("ParseURL(%q): %v", srv.URL(), err)
	}
	cfg.TLS = srv.ClientTLS()
	cfg.From.Name = "Plateforme Symbiose Île-de-France"
	return cfg
}

func TestSend(t *testing.T) {
	longSubject := "Invitation à compléter vos flux : déchets, énergie, eau et coproduits de l'établissement, avant la bourse d'échanges de décembre"
	tests := []struct {
		name     string
		mode     smtptest.Mode
		scheme   string // replaces the server's scheme when set
		user     string
		textOnly bool
		subject  string
		wantTLS  bool
	}{
		{name: "plain", mode: smtptest.Plain},
		{name: "plain with AUTH PLAIN on localhost", mode: smtptest.Plain, user: "alice"},
		{name: "text only", mode: smtptest.Plain, textOnly: true},
		{name: "long subject is folded", mode: smtptest.Plain, subject: longSubject},
		{name: "smtp without STARTTLS offered", mode: smtptest.Plain, scheme: "smtp"},
		{name: "STARTTLS with AUTH", mode: smtptest.STARTTLS, user: "alice", wantTLS: true},
		{name: "smtp+insecure never upgrades", mode: smtptest.STARTTLS, scheme: "smtp+insecure"},
		{name: "implicit TLS", mode: smtptest.ImplicitTLS, user: "alice", wantTLS: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := smtptest.StartMode(t, tt.mode)
			cfg := config(t, srv, tt.user)
			if tt.scheme == "smtp" {
				cfg.Security = mail.StartTLS
			} else if tt.scheme == "smtp+insecure" {
				cfg.Security = mail.NoTLS
			}
			m := french
			if tt.textOnly {
				m.HTML = ""
			}
			if tt.subject != "" {
				m.Subject = tt.subject
			}
			before := time.Now().Add(-time.Second)
			if err := mail.NewSMTP(cfg).Send(context.Background(), m); err != nil {
				t.Fatalf("Send: %v", err)
			}
			msgs := srv.WaitFor(1, 5*time.Second)
			if len(msgs) != 1 {
				t.Fatalf("server got %d messages, want 1", len(msgs))
			}
			r := msgs[0]
			checkEnvelope(t, r, tt.user, tt.wantTLS)
			checkHeaders(t, r, m, before)
			checkBody(t, r, m)
		})
	}
}

func checkEnvelope(t *testing.T, r smtptest.Received, user string, wantTLS bool) {
	t.Helper()
	if r.From != "noreply@example.org" {
		t.Errorf("MAIL FROM = %q, want noreply@example.org", r.From)
	}
	if want := []string{"zoe@example.org", "marc@example.org"}; !slices.Equal(r.To, want) {
		t.Errorf("RCPT TO = %q, want %q", r.To, want)
	}
	if r.User != user {
		t.Errorf("AUTH user = %q, want %q", r.User, user)
	}
	if r.TLS != wantTLS {
		t.Errorf("TLS = %v, want %v", r.TLS, wantTLS)
	}
	for i, b := range r.Data {
		if b >= 0x80 {
			t.Fatalf("byte %d of the message is 0x%x: content must be 7-bit encoded", i, b)
		}
	}
	for _, line := range strings.Split(string(r.Data), "\r\n") {
		if len(line) > 998 {
			t.Errorf("line of %d characters exceeds RFC 5322's 998", len(line))
		}
	}
}

func checkHeaders(t *testing.T, r smtptest.Received, m mail.Message, before time.Time) {
	t.Helper()
	if r.Header == nil {
		t.Fatalf("message does not parse:\n%s", r.Data)
	}
	if subject, err := r.Subject(); err != nil || subject != m.Subject {
		t.Errorf("Subject = %q, %v; want %q", subject, err, m.Subject)
	}
	if len(m.Subject) > 70 && !strings.Contains(string(r.Data), "?=\r\n =?") {
		t.Errorf("long subject is not folded:\n%s", r.Data)
	}
	from, err := r.Addresses("From")
	if err != nil || len(from) != 1 || from[0].Name != "Plateforme Symbiose Île-de-France" || from[0].Address != "noreply@example.org" {
		t.Errorf("From = %v, %v", from, err)
	}
	to, err := r.Addresses("To")
	if err != nil || len(to) != 2 || to[0].Name != "Zoé Lefèvre" || to[0].Address != "zoe@example.org" || to[1].Address != "marc@example.org" {
		t.Errorf("To = %v, %v", to, err)
	}
	if date, err := r.Header.Date(); err != nil || date.Before(before) || date.After(time.Now().Add(time.Second)) {
		t.Errorf("Date = %v, %v; want about now", date, err)
	}
	if id := r.Header.Get("Message-ID"); !regexp.MustCompile(`^<[A-Z2-7]{20,}@example\.org>$`).MatchString(id) {
		t.Errorf("Message-ID = %q", id)
	}
	if v := r.Header.Get("MIME-Version"); v != "1.0" {
		t.Errorf("MIME-Version = %q", v)
	}
	if v := r.Header.Get("Reply-To"); v != "animateur@example.org" {
		t.Errorf("Reply-To = %q", v)
	}
	if v, err := new(mime.WordDecoder).DecodeHeader(r.Header.Get("X-Symbiose-Campagne")); err != nil || v != "relance été" {
		t.Errorf("X-Symbiose-Campagne = %q, %v", v, err)
	}
}

func checkBody(t *testing.T, r smtptest.Received, m mail.Message) {
	t.Helper()
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	wantType := "multipart/alternative"
	if m.HTML == "" {
		wantType = "text/plain"
	}
	if err != nil || mediaType != wantType {
		t.Errorf("Content-Type = %q, %v; want %s", r.Header.Get("Content-Type"), err, wantType)
	}
	if !strings.Contains(string(r.Data), "=C3=A9") {
		t.Errorf("é is not quoted-printable encoded:\n%s", r.Data)
	}
	text, err := r.Part("text/plain")
	if err != nil {
		t.Fatalf("text part: %v", err)
	}
	if text = strings.ReplaceAll(text, "\r\n", "\n"); text != m.Text {
		t.Errorf("text part\n got %q\nwant %q", text, m.Text)
	}
	html, err := r.Part("text/html")
	if m.HTML == "" {
		if err == nil {
			t.Errorf("text-only message has an HTML part %q", html)
		}
		return
	}
	if err != nil || html != m.HTML {
		t.Errorf("HTML part\n got %q, %v\nwant %q", html, err, m.HTML)
	}
}

func TestSendRejectsBadMessages(t *testing.T) {
	with := func(change func(m *mail.Message)) mail.Message {
		m := french
		m.Headers = map[string]string{}
		change(&m)
		return m
	}
	tests := []struct {
		name          string
		msg           mail.Message
		wantInjection bool
		wantErr       string
	}{
		{name: "CRLF in recipient", msg: with(func(m *mail.Message) { m.To = []string{"zoe@example.org\r\nBcc: espion@example.org"} }), wantInjection: true},
		{name: "LF in recipient", msg: with(func(m *mail.Message) { m.To = []string{"Zoé\n <zoe@example.org>"} }), wantInjection: true},
		{name: "CRLF in subject", msg: with(func(m *mail.Message) { m.Subject = "Bonjour\r\nBcc: espion@example.org" }), wantInjection: true},
		{name: "CR in header value", msg: with(func(m *mail.Message) { m.Headers["X-Campagne"] = "été\rBcc: espion@example.org" }), wantInjection: true},
		{name: "LF in header name", msg: with(func(m *mail.Message) { m.Headers["X-A\nBcc"] = "espion@example.org" }), wantInjection: true},
		{name: "no recipient", msg: with(func(m *mail.Message) { m.To = nil }), wantErr: "no recipient"},
		{name: "bad recipient", msg: with(func(m *mail.Message) { m.To = []string{"pas une adresse"} }), wantErr: "recipient"},
		{name: "no text", msg: with(func(m *mail.Message) { m.Text = "" }), wantErr: "no text"},
		{name: "colon in header name", msg: with(func(m *mail.Message) { m.Headers["X-A:b"] = "c" }), wantErr: "header name"},
		{name: "empty header name", msg: with(func(m *mail.Message) { m.Headers[""] = "c" }), wantErr: "header name"},
		{name: "reserved header", msg: with(func(m *mail.Message) { m.Headers["from"] = "espion@example.org" }), wantErr: "set by the mail package"},
		{name: "Bcc header", msg: with(func(m *mail.Message) { m.Headers["Bcc"] = "espion@example.org" }), wantErr: "set by the mail package"},
	}
	srv := smtptest.Start(t)
	sender := mail.NewSMTP(config(t, srv, ""))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := sender.Send(context.Background(), tt.msg)
			if err == nil {
				t.Fatal("Send accepted the message")
			}
			if got := errors.Is(err, mail.ErrHeaderInjection); got != tt.wantInjection {
				t.Errorf("errors.Is(%q, ErrHeaderInjection) = %v, want %v", err, got, tt.wantInjection)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not contain %q", err, tt.wantErr)
			}
		})
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("server got %d messages, want none", n)
	}
}

func TestSendErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T) (mail.Config, *smtptest.Server)
		check func(t *testing.T, err error)
	}{
		{
			name: "recipient refused permanently",
			setup: func(t *testing.T) (mail.Config, *smtptest.Server) {
				srv := smtptest.Start(t)
				srv.FailNext(550)
				return config(t, srv, ""), srv
			},
			check: wantCode(550),
		},
		{
			name: "recipient refused temporarily",
			setup: func(t *testing.T) (mail.Config, *smtptest.Server) {
				srv := smtptest.Start(t)
				srv.FailNext(451)
				return config(t, srv, ""), srv
			},
			check: wantCode(451),
		},
		{
			name: "untrusted STARTTLS certificate",
			setup: func(t *testing.T) (mail.Config, *smtptest.Server) {
				srv := smtptest.StartMode(t, smtptest.STARTTLS)
				cfg := config(t, srv, "alice")
				cfg.TLS = nil // the system roots do not know the test certificate
				return cfg, srv
			},
			check: func(t *testing.T, err error) {
				var unknown x509.UnknownAuthorityError
				if !errors.As(err, &unknown) {
					t.Errorf("error %q is not an x509.UnknownAuthorityError", err)
				}
			},
		},
		{
			name: "nobody listening",
			setup: func(t *testing.T) (mail.Config, *smtptest.Server) {
				ln, err := net.Listen("tcp", "127.0.0.1:0")
				if err != nil {
					t.Fatal(err)
				}
				port := ln.Addr().(*net.TCPAddr).Port
				ln.Close()
				srv := smtptest.Start(t)
				cfg := config(t, srv, "")
				cfg.Port = port
				return cfg, srv
			},
			check: func(t *testing.T, err error) {
				if !strings.Contains(err.Error(), "connect") {
					t.Errorf("error %q does not say the connection failed", err)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, srv := tt.setup(t)
			err := mail.NewSMTP(cfg).Send(context.Background(), french)
			if err == nil {
				t.Fatal("Send succeeded, want an error")
			}
			tt.check(t, err)
			if n := len(srv.Messages()); n != 0 {
				t.Errorf("server got %d messages, want none", n)
			}
		})
	}
}

// wantCode checks that the server's reply code reaches the caller, and that
// the server takes the next message after a refusal.
func wantCode(code int) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		t.Helper()
		var reply *textproto.Error
		if !errors.As(err, &reply) || reply.Code != code {
			t.Errorf("error %q does not carry SMTP code %d", err, code)
		}
		if !strings.Contains(err.Error(), "RCPT TO <zoe@example.org>") {
			t.Errorf("error %q does not name the refused recipient", err)
		}
	}
}

func TestSendAfterRefusal(t *testing.T) {
	srv := smtptest.Start(t)
	sender := mail.NewSMTP(config(t, srv, ""))
	srv.FailNext(550)
	if err := sender.Send(context.Background(), french); err == nil {
		t.Fatal("first Send succeeded, want the refusal")
	}
	if err := sender.Send(context.Background(), french); err != nil {
		t.Fatalf("second Send: %v", err)
	}
	if n := len(srv.WaitFor(1, 5*time.Second)); n != 1 {
		t.Errorf("server got %d messages, want 1", n)
	}
}

// silentServer accepts connections and never answers, like a stuck server.
func silentServer(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu    sync.Mutex
		conns []net.Conn
		wg    sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		wg.Wait()
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().(*net.TCPAddr).Port
}

func TestSendContext(t *testing.T) {
	tests := []struct {
		name    string
		ctx     func() (context.Context, context.CancelFunc)
		timeout time.Duration
		want    error
	}{
		{
			name: "cancelled before send",
			ctx: func() (context.Context, context.CancelFunc) {
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				return ctx, cancel
			},
			want: context.Canceled,
		},
		{
			name: "deadline while the server is silent",
			ctx: func() (context.Context, context.CancelFunc) {
				return context.WithTimeout(context.Background(), 100*time.Millisecond)
			},
			want: context.DeadlineExceeded,
		},
		{
			name: "cancelled while the server is silent",
			ctx: func() (context.Context, context.CancelFunc) {
				ctx, cancel := context.WithCancel(context.Background())
				time.AfterFunc(100*time.Millisecond, cancel)
				return ctx, cancel
			},
			want: context.Canceled,
		},
		{
			name:    "configured timeout while the server is silent",
			ctx:     func() (context.Context, context.CancelFunc) { return context.Background(), func() {} },
			timeout: 100 * time.Millisecond,
			want:    os.ErrDeadlineExceeded,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := mail.Config{Security: mail.NoTLS, Host: "127.0.0.1", Port: silentServer(t),
				From: netmail.Address{Address: "noreply@example.org"}, Timeout: tt.timeout}
			ctx, cancel := tt.ctx()
			defer cancel()
			start := time.Now()
			err := mail.NewSMTP(cfg).Send(ctx, french)
			if !errors.Is(err, tt.want) {
				t.Errorf("Send error = %v, want %v", err, tt.want)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("Send took %v to give up", d)
			}
		})
	}
}
