package mail

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"net/textproto"
	"slices"
	"strings"
	"time"
)

// Message is one email. Text is required; when HTML is set too the message
// is multipart/alternative, so readers without HTML still get Text.
type Message struct {
	// To lists the recipients, each an address optionally with a display
	// name: "Zoé Martin <zoe@example.org>".
	To      []string
	Subject string
	Text    string
	HTML    string
	// Headers adds headers such as Reply-To or List-Unsubscribe. Values
	// with non-ASCII characters are encoded as a whole, which suits free
	// text but not address lists: keep addresses here ASCII.
	Headers map[string]string
}

// ErrHeaderInjection is returned when a recipient, the subject or a header
// holds a line break, which would let whoever wrote it add headers or
// recipients of their own.
var ErrHeaderInjection = errors.New("line break in a header value (header injection)")

// reserved headers are written by this package: a second copy from Headers
// would be resolved unpredictably by receivers, and Cc or Bcc would name
// people who are not in the envelope and so never get the message.
var reserved = map[string]bool{
	"From": true, "To": true, "Cc": true, "Bcc": true, "Subject": true,
	"Date": true, "Message-Id": true, "Mime-Version": true,
	"Content-Type": true, "Content-Transfer-Encoding": true,
}

// envelope is a message ready for SMTP: recipients and RFC 5322 bytes.
type envelope struct {
	from string
	to   []string
	data []byte
}

// encode validates m and renders it with CRLF line endings and 7-bit
// content, so no relay has to convert it.
func (m Message) encode(from netmail.Address, now time.Time, messageID string) (envelope, error) {
	to, err := m.recipients()
	if err != nil {
		return envelope{}, err
	}
	if err := m.check(); err != nil {
		return envelope{}, err
	}
	var b bytes.Buffer
	header(&b, "Date", now.Format(time.RFC1123Z))
	header(&b, "From", from.String())
	names := make([]string, len(to))
	env := envelope{from: from.Address, to: make([]string, len(to))}
	for i, a := range to {
		names[i] = a.String()
		env.to[i] = a.Address
	}
	// One recipient per folded line keeps long lists under the line limit.
	header(&b, "To", strings.Join(names, ",\r\n "))
	header(&b, "Subject", encodeText(m.Subject))
	header(&b, "Message-ID", messageID)
	header(&b, "MIME-Version", "1.0")
	keys := make([]string, 0, len(m.Headers))
	for k := range m.Headers {
		keys = append(keys, k)
	}
	slices.Sort(keys) // stable output makes messages comparable in tests
	for _, k := range keys {
		header(&b, textproto.CanonicalMIMEHeaderKey(k), encodeText(m.Headers[k]))
	}
	if err := m.body(&b); err != nil {
		return envelope{}, err
	}
	env.data = b.Bytes()
	return env, nil
}

func (m Message) recipients() ([]*netmail.Address, error) {
	if len(m.To) == 0 {
		return nil, errors.New("mail: message has no recipient")
	}
	to := make([]*netmail.Address, len(m.To))
	for i, raw := range m.To {
		if hasLineBreak(raw) {
			return nil, fmt.Errorf("mail: recipient %q: %w", raw, ErrHeaderInjection)
		}
		a, err := netmail.ParseAddress(raw)
		if err != nil {
			return nil, fmt.Errorf("mail: recipient %q: %w", raw, err)
		}
		to[i] = a
	}
	return to, nil
}

func (m Message) check() error {
	if hasLineBreak(m.Subject) {
		return fmt.Errorf("mail: subject: %w", ErrHeaderInjection)
	}
	if m.Text == "" {
		return errors.New("mail: message has no text body")
	}
	for k, v := range m.Headers {
		if hasLineBreak(k) || hasLineBreak(v) {
			return fmt.Errorf("mail: header %q: %w", k, ErrHeaderInjection)
		}
		if !validFieldName(k) {
			return fmt.Errorf("mail: header name %q: want printable ASCII without spaces or colon", k)
		}
		if reserved[textproto.CanonicalMIMEHeaderKey(k)] {
			return fmt.Errorf("mail: header %q is set by the mail package", k)
		}
	}
	return nil
}

// body writes the content headers, the blank line and the content.
func (m Message) body(b *bytes.Buffer) error {
	if m.HTML == "" {
		header(b, "Content-Type", "text/plain; charset=utf-8")
		header(b, "Content-Transfer-Encoding", "quoted-printable")
		b.WriteString("\r\n")
		return writeQP(b, m.Text)
	}
	mw := multipart.NewWriter(b)
	header(b, "Content-Type", mime.FormatMediaType("multipart/alternative", map[string]string{"boundary": mw.Boundary()}))
	b.WriteString("\r\n")
	// Readers show the last alternative they understand, so HTML comes last.
	for _, p := range []struct{ mediaType, content string }{
		{"text/plain", m.Text},
		{"text/html", m.HTML},
	} {
		w, err := mw.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {p.mediaType + "; charset=utf-8"},
			"Content-Transfer-Encoding": {"quoted-printable"},
		})
		if err != nil {
			return fmt.Errorf("mail: %s part: %w", p.mediaType, err)
		}
		if err := writeQP(w, p.content); err != nil {
			return err
		}
	}
	if err := mw.Close(); err != nil {
		return fmt.Errorf("mail: close multipart: %w", err)
	}
	return nil
}

// writeQP encodes s as quoted-printable, which also turns its line breaks
// into CRLF and keeps lines under 76 characters.
func writeQP(w io.Writer, s string) error {
	qp := quotedprintable.NewWriter(w)
	if _, err := io.WriteString(qp, s); err != nil {
		return fmt.Errorf("mail: encode body: %w", err)
	}
	if err := qp.Close(); err != nil {
		return fmt.Errorf("mail: encode body: %w", err)
	}
	return nil
}

func header(b *bytes.Buffer, name, value string) {
	b.WriteString(name)
	b.WriteString(": ")
	b.WriteString(value)
	b.WriteString("\r\n")
}

// encodeText Q-encodes non-ASCII text and folds between encoded words,
// where RFC 2047 lets whitespace disappear on decoding, so a long French
// subject does not become one overlong line.
func encodeText(s string) string {
	return strings.ReplaceAll(mime.QEncoding.Encode("utf-8", s), "?= =?", "?=\r\n =?")
}

func hasLineBreak(s string) bool {
	return strings.ContainsAny(s, "\r\n")
}

// validFieldName follows RFC 5322: printable ASCII except the colon.
func validFieldName(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		if c := k[i]; c < '!' || c > '~' || c == ':' {
			return false
		}
	}
	return true
}
