package smtptest_test

import (
	"net/smtp"
	"net/textproto"
	"strings"
	"testing"
	"time"

	"symbiose/internal/mail/smtptest"
)

// TestProtocol drives the server command by command, checking the reply
// code of each, for the parts of SMTP that net/smtp alone does not reach.
func TestProtocol(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
		want  []string // envelope recipients of the one message stored, if any
	}{
		{
			name: "HELO, NOOP and RSET",
			steps: []step{
				{"HELO client", 250}, {"NOOP", 250},
				{"MAIL FROM:<a@example.org>", 250}, {"RCPT TO:<b@example.org>", 250},
				{"RSET", 250},
				{"MAIL FROM:<a@example.org>", 250}, {"RCPT TO:<c@example.org>", 250},
				{"DATA", 354}, {"Subject: x\r\n\r\n..point\r\n.", 250}, {"QUIT", 221},
			},
			want: []string{"c@example.org"},
		},
		{
			name: "commands out of order",
			steps: []step{
				{"EHLO client", 250}, {"RCPT TO:<b@example.org>", 503}, {"DATA", 503},
				{"MAIL FROM:<a@example.org>", 250}, {"MAIL FROM:<a@example.org>", 503},
				{"MAIL FROM a@example.org", 501}, {"VRFY a", 502}, {"STARTTLS", 502}, {"QUIT", 221},
			},
		},
		{
			name: "AUTH PLAIN in two steps",
			steps: []step{
				{"EHLO client", 250}, {"AUTH PLAIN", 334}, {"AGFsaWNlAHNlY3JldA==", 235},
				{"AUTH LOGIN", 504}, {"QUIT", 221},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := smtptest.Start(t)
			c, err := textproto.Dial("tcp", srv.Addr())
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if _, _, err := c.ReadResponse(220); err != nil {
				t.Fatalf("greeting: %v", err)
			}
			for _, s := range tt.steps {
				if err := c.PrintfLine("%s", s.send); err != nil {
					t.Fatal(err)
				}
				if code, msg, err := c.ReadResponse(s.code); err != nil {
					t.Fatalf("%q: got %d %s, want %d", s.send, code, msg, s.code)
				}
			}
			msgs := srv.Messages()
			if tt.want == nil {
				if len(msgs) != 0 {
					t.Errorf("server stored %d messages, want none", len(msgs))
				}
				return
			}
			if len(msgs) != 1 || strings.Join(msgs[0].To, ",") != strings.Join(tt.want, ",") {
				t.Fatalf("messages = %+v, want one to %v", msgs, tt.want)
			}
			if body := string(msgs[0].Body); body != ".point\r\n" {
				t.Errorf("body = %q, want the dot unstuffed", body)
			}
		})
	}
}

type step struct {
	send string
	code int
}

// TestSendMail checks the server against net/smtp's own client, and that
// WaitFor sees a message delivered from another goroutine.
func TestSendMail(t *testing.T) {
	srv := smtptest.Start(t)
	sent := make(chan error, 1)
	go func() {
		sent <- smtp.SendMail(srv.Addr(), nil, "a@example.org", []string{"b@example.org"}, []byte("Subject: hi\r\n\r\nbody\r\n"))
	}()
	msgs := srv.WaitFor(1, 5*time.Second)
	if err := <-sent; err != nil {
		t.Fatalf("SendMail: %v", err)
	}
	if got := msgs[0]; got.From != "a@example.org" || got.Header.Get("Subject") != "hi" || string(got.Body) != "body\r\n" {
		t.Errorf("got %+v", got)
	}
}
