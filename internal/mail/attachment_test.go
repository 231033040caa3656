package mail_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"math/rand/v2"
	"mime"
	"mime/multipart"
	netmail "net/mail"
	"strings"
	"testing"
	"time"

	"symbiose/internal/mail"
	"symbiose/internal/mail/smtptest"
)

// pdfLike looks like a PDF and holds every byte value, CRLF and a line that
// is a lone dot, none of which may survive unencoded.
func pdfLike() []byte {
	b := []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\r\n.\r\n")
	for i := range 3 * 256 {
		b = append(b, byte(i))
	}
	return append(b, "\n%%EOF\n"...)
}

func randomBytes(n int) []byte {
	r := rand.New(rand.NewChaCha8([32]byte{'s', 'y', 'm', 'b', 'i', 'o', 's', 'e'}))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func TestSendAttachments(t *testing.T) {
	longFrench := "Synthèse de la bourse d'échanges de l'écosystème industriel — déchets, énergie, eau et coproduits, édition été 2025.pdf"
	tests := []struct {
		name     string
		textOnly bool
		files    []mail.Attachment
		// wantType is the media type each file should arrive with.
		wantType []string
	}{
		{
			name:     "PDF with a non-ASCII name beside text and HTML",
			files:    []mail.Attachment{{Name: "synthèse-bourse.pdf", ContentType: "application/pdf", Data: pdfLike()}},
			wantType: []string{"application/pdf"},
		},
		{
			name:     "text only, content type defaults to octet-stream",
			textOnly: true,
			files:    []mail.Attachment{{Name: "flux.csv", Data: []byte("matière;tonnes\r\nbois;12\r\n")}},
			wantType: []string{"application/octet-stream"},
		},
		{
			name: "several files with awkward names",
			files: []mail.Attachment{
				{Name: longFrench, ContentType: "application/pdf", Data: pdfLike()},
				{Name: `rapport "final" \ v2.txt`, ContentType: "text/plain; charset=utf-8", Data: []byte("été\n")},
				{Name: strings.Repeat("tres-long-nom-de-fichier-", 5) + ".pdf", ContentType: "application/pdf", Data: randomBytes(100)},
				{Name: "🌱 bilan carbone.xlsx", ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Data: randomBytes(1 << 20)},
				{Name: "vide.txt", ContentType: "text/plain", Data: nil},
			},
			wantType: []string{"application/pdf", "text/plain", "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := smtptest.Start(t)
			m := french
			if tt.textOnly {
				m.HTML = ""
			}
			m.Attachments = tt.files
			before := time.Now().Add(-time.Second)
			if err := mail.NewSMTP(config(t, srv, "")).Send(context.Background(), m); err != nil {
				t.Fatalf("Send: %v", err)
			}
			msgs := srv.WaitFor(1, 5*time.Second)
			if len(msgs) != 1 {
				t.Fatalf("server got %d messages, want 1", len(msgs))
			}
			r := msgs[0]
			checkEnvelope(t, r, "", false)
			checkHeaders(t, r, m, before)
			// File names are folded onto lines of their own; Content-Type
			// lines hold a boundary or a media type the caller chose.
			for i, line := range strings.Split(string(r.Data), "\r\n") {
				if len(line) > 78 && !strings.HasPrefix(line, "Content-Type: ") {
					t.Errorf("line %d has %d characters, over RFC 5322's 78: %q", i+1, len(line), line)
				}
			}
			checkMixed(t, r.Data, m, tt.wantType)
		})
	}
}

// checkMixed parses data as multipart/mixed with the standard library and
// checks the text, the HTML alternative and every attachment.
func checkMixed(t *testing.T, data []byte, m mail.Message, wantType []string) {
	t.Helper()
	msg, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("message does not parse: %v", err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type = %q, %v; want multipart/mixed", msg.Header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	body, err := mr.NextPart()
	if err != nil {
		t.Fatalf("first part: %v", err)
	}
	checkText(t, body, m)
	for i, a := range m.Attachments {
		p, err := mr.NextPart()
		if err != nil {
			t.Fatalf("attachment %d: %v", i+1, err)
		}
		disposition, dparams, err := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
		if err != nil || disposition != "attachment" || dparams["filename"] != a.Name {
			t.Errorf("attachment %d: Content-Disposition %q parses as %q %q, %v; want attachment with filename %q",
				i+1, p.Header.Get("Content-Disposition"), disposition, dparams, err, a.Name)
		}
		if got := p.FileName(); got != a.Name {
			t.Errorf("attachment %d: FileName() = %q, want %q", i+1, got, a.Name)
		}
		ct, ctParams, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if err != nil || ct != wantType[i] || ctParams["name"] != a.Name {
			t.Errorf("attachment %d: Content-Type %q parses as %q %q, %v; want %s with name %q",
				i+1, p.Header.Get("Content-Type"), ct, ctParams, err, wantType[i], a.Name)
		}
		if strings.Contains(a.ContentType, "charset=utf-8") && ctParams["charset"] != "utf-8" {
			t.Errorf("attachment %d: charset parameter lost from %q", i+1, p.Header.Get("Content-Type"))
		}
		if enc := p.Header.Get("Content-Transfer-Encoding"); enc != "base64" {
			t.Errorf("attachment %d: Content-Transfer-Encoding = %q, want base64", i+1, enc)
		}
		raw, err := io.ReadAll(p)
		if err != nil {
			t.Fatalf("attachment %d: %v", i+1, err)
		}
		lines := strings.Split(string(raw), "\r\n")
		for j, line := range lines {
			if len(line) > 76 || j < len(lines)-1 && len(line) != 76 {
				t.Errorf("attachment %d: base64 line %d has %d characters, want 76 (fewer on the last)", i+1, j+1, len(line))
				break
			}
		}
		got, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(string(raw), "\r\n", ""))
		if err != nil {
			t.Errorf("attachment %d: base64: %v", i+1, err)
		} else if !bytes.Equal(got, a.Data) {
			t.Errorf("attachment %d: decoded %d bytes differ from the %d sent", i+1, len(got), len(a.Data))
		}
	}
	if p, err := mr.NextPart(); err != io.EOF {
		t.Errorf("after the attachments: part %v, error %v; want io.EOF", p, err)
	}
}

// checkText checks the first part of a multipart/mixed message: Text alone,
// or Text and HTML as alternatives. multipart.Reader decodes
// quoted-printable itself.
func checkText(t *testing.T, p *multipart.Part, m mail.Message) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
	if err != nil {
		t.Fatalf("first part Content-Type %q: %v", p.Header.Get("Content-Type"), err)
	}
	want := map[string]string{"text/plain": m.Text}
	if m.HTML == "" {
		if mt != "text/plain" {
			t.Fatalf("first part is %s, want text/plain", mt)
		}
		checkTextPart(t, p, want)
		return
	}
	if mt != "multipart/alternative" {
		t.Fatalf("first part is %s, want multipart/alternative", mt)
	}
	want["text/html"] = m.HTML
	alt := multipart.NewReader(p, params["boundary"])
	for _, wantType := range []string{"text/plain", "text/html"} {
		q, err := alt.NextPart()
		if err != nil {
			t.Fatalf("%s alternative: %v", wantType, err)
		}
		if mt, _, _ := mime.ParseMediaType(q.Header.Get("Content-Type")); mt != wantType {
			t.Fatalf("alternative is %s, want %s", mt, wantType)
		}
		checkTextPart(t, q, want)
	}
	if _, err := alt.NextPart(); err != io.EOF {
		t.Errorf("after HTML: error %v, want io.EOF", err)
	}
}

func checkTextPart(t *testing.T, p *multipart.Part, want map[string]string) {
	t.Helper()
	mt, params, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
	if params["charset"] != "utf-8" {
		t.Errorf("%s part: charset %q, want utf-8", mt, params["charset"])
	}
	b, err := io.ReadAll(p)
	if err != nil {
		t.Fatalf("%s part: %v", mt, err)
	}
	got := string(b)
	if mt == "text/plain" {
		got = strings.ReplaceAll(got, "\r\n", "\n")
	}
	if got != want[mt] {
		t.Errorf("%s part\n got %q\nwant %q", mt, got, want[mt])
	}
}

func TestSendRejectsBadAttachments(t *testing.T) {
	pdf := func(change func(a *mail.Attachment)) []mail.Attachment {
		a := mail.Attachment{Name: "synthèse.pdf", ContentType: "application/pdf", Data: pdfLike()}
		change(&a)
		return []mail.Attachment{a}
	}
	half := make([]byte, mail.MaxAttachmentBytes/2+1)
	tests := []struct {
		name    string
		files   []mail.Attachment
		wantIs  error // nil: the error must not be ErrHeaderInjection
		wantErr string
	}{
		{name: "no name", files: pdf(func(a *mail.Attachment) { a.Name = "" }), wantErr: "no file name"},
		{name: "CRLF in name", files: pdf(func(a *mail.Attachment) { a.Name = "a.pdf\r\nBcc: espion@example.org" }), wantIs: mail.ErrHeaderInjection},
		{name: "LF in content type", files: pdf(func(a *mail.Attachment) { a.ContentType = "application/pdf\nBcc: espion@example.org" }), wantIs: mail.ErrHeaderInjection},
		{name: "tab in name", files: pdf(func(a *mail.Attachment) { a.Name = "a\tb.pdf" }), wantErr: "control character"},
		{name: "name not UTF-8", files: pdf(func(a *mail.Attachment) { a.Name = "synth\xe8se.pdf" }), wantErr: "UTF-8"},
		{name: "content type without subtype", files: pdf(func(a *mail.Attachment) { a.ContentType = "pdf" }), wantErr: "content type"},
		{name: "malformed content type", files: pdf(func(a *mail.Attachment) { a.ContentType = "application/pdf; =x" }), wantErr: "content type"},
		{name: "multipart content type", files: pdf(func(a *mail.Attachment) { a.ContentType = "multipart/mixed" }), wantErr: "cannot be attached"},
		{name: "message content type", files: pdf(func(a *mail.Attachment) { a.ContentType = "message/rfc822" }), wantErr: "cannot be attached"},
		{name: "second of two unnamed", files: append(pdf(func(*mail.Attachment) {}), mail.Attachment{Data: []byte("x")}), wantErr: "attachment 2"},
		{name: "over the size cap in total", files: []mail.Attachment{{Name: "a.bin", Data: half}, {Name: "b.bin", Data: half}}, wantIs: mail.ErrAttachmentsTooLarge, wantErr: "10 MiB"},
		{name: "one file over the size cap", files: []mail.Attachment{{Name: "a.bin", Data: make([]byte, mail.MaxAttachmentBytes+1)}}, wantIs: mail.ErrAttachmentsTooLarge},
	}
	srv := smtptest.Start(t)
	sender := mail.NewSMTP(config(t, srv, ""))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := french
			m.Attachments = tt.files
			err := sender.Send(context.Background(), m)
			if err == nil {
				t.Fatal("Send accepted the message")
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %q is not %q", err, tt.wantIs)
			}
			if tt.wantIs == nil && errors.Is(err, mail.ErrHeaderInjection) {
				t.Errorf("error %q is ErrHeaderInjection", err)
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
