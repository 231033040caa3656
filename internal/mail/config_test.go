package mail_test

import (
	"fmt"
	netmail "net/mail"
	"strings"
	"testing"
	"time"

	"symbiose/internal/mail"
)

func TestParseURL(t *testing.T) {
	tests := []struct {
		name    string
		raw     string
		want    mail.Config
		wantErr string // substring of the error; "" means success
	}{
		{
			name: "smtp with default port",
			raw:  "smtp://mail.example.org?from=Symbiose%20<noreply@example.org>",
			want: mail.Config{Security: mail.StartTLS, Host: "mail.example.org", Port: 587,
				From: netmail.Address{Name: "Symbiose", Address: "noreply@example.org"}},
		},
		{
			name: "smtps with default port and credentials",
			raw:  "smtps://alice:s3cret@mail.example.org/?from=noreply@example.org",
			want: mail.Config{Security: mail.ImplicitTLS, Host: "mail.example.org", Port: 465,
				Username: "alice", Password: "s3cret", From: netmail.Address{Address: "noreply@example.org"}},
		},
		{
			name: "smtp+insecure with explicit port",
			raw:  "smtp+insecure://127.0.0.1:1025?from=noreply@example.org",
			want: mail.Config{Security: mail.NoTLS, Host: "127.0.0.1", Port: 1025,
				From: netmail.Address{Address: "noreply@example.org"}},
		},
		{
			name: "escaped user and password",
			raw:  "smtp://alice%40corp:p%40ss%3Aw0rd@mail.example.org:2525?from=noreply@example.org",
			want: mail.Config{Security: mail.StartTLS, Host: "mail.example.org", Port: 2525,
				Username: "alice@corp", Password: "p@ss:w0rd", From: netmail.Address{Address: "noreply@example.org"}},
		},
		{
			name: "accented display name and timeout",
			raw:  "smtp://mail.example.org?from=%C3%89cosyst%C3%A8me%20Symbiose%20<noreply@example.org>&timeout=10s",
			want: mail.Config{Security: mail.StartTLS, Host: "mail.example.org", Port: 587, Timeout: 10 * time.Second,
				From: netmail.Address{Name: "Écosystème Symbiose", Address: "noreply@example.org"}},
		},
		{
			name: "IPv6 host",
			raw:  "smtp+insecure://[::1]:2525?from=noreply@example.org",
			want: mail.Config{Security: mail.NoTLS, Host: "::1", Port: 2525,
				From: netmail.Address{Address: "noreply@example.org"}},
		},
		{name: "empty", raw: "", wantErr: "empty"},
		{name: "http scheme", raw: "http://mail.example.org?from=a@example.org", wantErr: "scheme"},
		{name: "no scheme", raw: "mail.example.org?from=a@example.org", wantErr: "scheme"},
		{name: "no host", raw: "smtp://?from=a@example.org", wantErr: "no host"},
		{name: "opaque", raw: "smtp:mail.example.org?from=a@example.org", wantErr: "no host"},
		{name: "port not a number", raw: "smtp://mail.example.org:abc?from=a@example.org", wantErr: "invalid port"},
		{name: "port too big", raw: "smtp://mail.example.org:70000?from=a@example.org", wantErr: "port"},
		{name: "port zero", raw: "smtp://mail.example.org:0?from=a@example.org", wantErr: "port"},
		{name: "no from", raw: "smtp://mail.example.org", wantErr: "from parameter"},
		{name: "bad from", raw: "smtp://mail.example.org?from=pas%20une%20adresse", wantErr: "from"},
		{name: "user without password", raw: "smtp://alice@mail.example.org?from=a@example.org", wantErr: "no password"},
		{name: "password without user", raw: "smtp://:hunter2@mail.example.org?from=a@example.org", wantErr: "no user"},
		{name: "misspelt parameter", raw: "smtp://mail.example.org?form=a@example.org", wantErr: "unknown"},
		{name: "path", raw: "smtp://mail.example.org/inbox?from=a@example.org", wantErr: "path"},
		{name: "bad timeout", raw: "smtp://mail.example.org?from=a@example.org&timeout=soon", wantErr: "timeout"},
		{name: "negative timeout", raw: "smtp://mail.example.org?from=a@example.org&timeout=-5s", wantErr: "positive"},
		{name: "bad port hides password", raw: "smtp://alice:hunter2@mail.example.org:bad?from=a@example.org", wantErr: "invalid port"},
		{name: "bad host hides password", raw: "smtp://alice:hunter2@mail example.org?from=a@example.org", wantErr: "invalid character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := mail.ParseURL(tt.raw)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("ParseURL(%q) = %+v, want an error containing %q", tt.raw, got, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %q does not contain %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "hunter2") {
					t.Errorf("error %q reveals the password", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseURL(%q): %v", tt.raw, err)
			}
			if got != tt.want {
				t.Errorf("ParseURL(%q)\n got %+v\nwant %+v", tt.raw, got, tt.want)
			}
		})
	}
}

func TestConfigStringHidesPassword(t *testing.T) {
	cfg, err := mail.ParseURL("smtps://alice:hunter2@mail.example.org?from=Symbiose%20<noreply@example.org>&timeout=5s")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{cfg.String(), fmt.Sprintf("%v", cfg), fmt.Sprint(cfg)} {
		if strings.Contains(s, "hunter2") {
			t.Errorf("%q reveals the password", s)
		}
		if !strings.Contains(s, "smtps://alice:xxxxx@mail.example.org:465?") {
			t.Errorf("%q does not show scheme, user, host and port", s)
		}
	}
}
