package mail

import (
	"bytes"
	"encoding/base64"
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
	"unicode/utf8"
)

// Message is one email. Text is required; when HTML is set too the message
// is multipart/alternative, so readers without HTML still get Text. With
// attachments it becomes multipart/mixed: that body first, then each file.
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
	// Attachments are files sent with the message, such as a PDF summary.
	Attachments []Attachment
}

// Attachment is a file sent with a message, base64-encoded.
type Attachment struct {
	// Name is the file name shown to the recipient, such as
	// "synthèse-bourse.pdf"; it is required and may hold any printable
	// Unicode (it is sent encoded as RFC 2231 says).
	Name string
	// ContentType is the media type, such as "application/pdf"; empty
	// means application/octet-stream.
	ContentType string
	Data        []byte
}

// MaxAttachmentBytes caps the total size of a message's attachments. Base64
// makes the message about a third bigger on the wire, which has to stay
// under what mail servers accept (often 10 to 25 MB).
const MaxAttachmentBytes = 10 << 20

// ErrAttachmentsTooLarge is returned when a message's attachments add up to
// more than MaxAttachmentBytes.
var ErrAttachmentsTooLarge = fmt.Errorf("attachments over %d MiB in total", MaxAttachmentBytes>>20)

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
	total := 0
	for i, a := range m.Attachments {
		if err := a.check(); err != nil {
			return fmt.Errorf("mail: attachment %d %q: %w", i+1, a.Name, err)
		}
		total += len(a.Data)
	}
	if total > MaxAttachmentBytes {
		return fmt.Errorf("mail: %d attachments of %d bytes: %w", len(m.Attachments), total, ErrAttachmentsTooLarge)
	}
	return nil
}

func (a Attachment) check() error {
	if hasLineBreak(a.Name) || hasLineBreak(a.ContentType) {
		return ErrHeaderInjection
	}
	if a.Name == "" {
		return errors.New("no file name")
	}
	if !utf8.ValidString(a.Name) {
		return errors.New("file name is not valid UTF-8")
	}
	for _, r := range a.Name {
		if r < ' ' || r == 0x7f {
			return fmt.Errorf("control character %U in file name", r)
		}
	}
	if a.ContentType == "" {
		return nil
	}
	mt, params, err := mime.ParseMediaType(a.ContentType)
	if err != nil || !strings.Contains(mt, "/") || mime.FormatMediaType(mt, params) == "" {
		return fmt.Errorf("content type %q: want a media type such as application/pdf", a.ContentType)
	}
	// RFC 2045 forbids base64 for these: their parts carry their own
	// encodings.
	if strings.HasPrefix(mt, "multipart/") || strings.HasPrefix(mt, "message/") {
		return fmt.Errorf("content type %q cannot be attached as a file", a.ContentType)
	}
	return nil
}

// body writes the content headers, the blank line and the content.
func (m Message) body(b *bytes.Buffer) error {
	p := m.textPart()
	if len(m.Attachments) > 0 {
		p = m.mixedPart(p)
	}
	header(b, "Content-Type", p.contentType)
	if p.encoding != "" {
		header(b, "Content-Transfer-Encoding", p.encoding)
	}
	b.WriteString("\r\n")
	return p.write(b)
}

// part is a MIME entity: its content headers and what writes its content,
// so the same entity can be the whole message or one part of a multipart.
type part struct {
	contentType string
	encoding    string // Content-Transfer-Encoding, "" when multipart
	write       func(w io.Writer) error
}

// textPart is Text alone, or Text and HTML as alternatives.
func (m Message) textPart() part {
	if m.HTML == "" {
		return part{"text/plain; charset=utf-8", "quoted-printable", func(w io.Writer) error {
			return writeQP(w, m.Text)
		}}
	}
	boundary := multipart.NewWriter(nil).Boundary()
	return part{
		contentType: mime.FormatMediaType("multipart/alternative", map[string]string{"boundary": boundary}),
		write: func(w io.Writer) error {
			mw := multipart.NewWriter(w)
			if err := mw.SetBoundary(boundary); err != nil {
				return fmt.Errorf("mail: multipart boundary: %w", err)
			}
			// Readers show the last alternative they understand, so HTML
			// comes last.
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
		},
	}
}

// mixedPart is text followed by the attachments, each base64-encoded.
func (m Message) mixedPart(text part) part {
	boundary := multipart.NewWriter(nil).Boundary()
	return part{
		contentType: mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": boundary}),
		write: func(w io.Writer) error {
			mw := multipart.NewWriter(w)
			if err := mw.SetBoundary(boundary); err != nil {
				return fmt.Errorf("mail: multipart boundary: %w", err)
			}
			h := textproto.MIMEHeader{"Content-Type": {text.contentType}}
			if text.encoding != "" {
				h.Set("Content-Transfer-Encoding", text.encoding)
			}
			pw, err := mw.CreatePart(h)
			if err != nil {
				return fmt.Errorf("mail: text part: %w", err)
			}
			if err := text.write(pw); err != nil {
				return err
			}
			for _, a := range m.Attachments {
				pw, err := mw.CreatePart(a.header())
				if err != nil {
					return fmt.Errorf("mail: attachment %q: %w", a.Name, err)
				}
				if err := writeBase64(pw, a.Data); err != nil {
					return fmt.Errorf("mail: attachment %q: %w", a.Name, err)
				}
			}
			if err := mw.Close(); err != nil {
				return fmt.Errorf("mail: close multipart: %w", err)
			}
			return nil
		},
	}
}

// header returns the part headers of a, which check has validated. The
// file name goes both in Content-Disposition, where RFC 2183 puts it, and
// in the Content-Type name parameter, which some mail readers still use.
func (a Attachment) header() textproto.MIMEHeader {
	contentType := "application/octet-stream"
	if a.ContentType != "" {
		mt, params, _ := mime.ParseMediaType(a.ContentType)
		delete(params, "name")
		// Formatting again drops anything ParseMediaType did not accept.
		contentType = mime.FormatMediaType(mt, params)
	}
	return textproto.MIMEHeader{
		"Content-Type":              {contentType + ";\r\n " + fileParam("name", a.Name)},
		"Content-Disposition":       {"attachment;\r\n " + fileParam("filename", a.Name)},
		"Content-Transfer-Encoding": {"base64"},
	}
}

// fileParam formats the parameter key=name on folded lines of at most 78
// characters: as a quoted string when name is short printable ASCII,
// otherwise as RFC 2231 percent-encoded UTF-8, split into numbered
// continuations when long.
func fileParam(key, name string) string {
	const maxLine = 78
	if isPrintableASCII(name) {
		quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name)
		if 1+len(key)+2+len(quoted)+2 <= maxLine { // ' ' key '="' quoted '";'
			return key + `="` + quoted + `"`
		}
	}
	const prefix = "utf-8''"
	var pieces []string
	var piece strings.Builder
	// 50 characters per piece keeps " filename*10*=utf-8''" + piece + ";"
	// well within the line limit.
	const maxPiece = 50
	for _, r := range name {
		enc := percentEncode(r)
		if piece.Len()+len(enc) > maxPiece {
			pieces = append(pieces, piece.String())
			piece.Reset()
		}
		piece.WriteString(enc)
	}
	pieces = append(pieces, piece.String())
	if len(pieces) == 1 {
		return key + "*=" + prefix + pieces[0]
	}
	var b strings.Builder
	for i, p := range pieces {
		if i > 0 {
			b.WriteString(";\r\n ")
		}
		fmt.Fprintf(&b, "%s*%d*=", key, i)
		if i == 0 {
			b.WriteString(prefix)
		}
		b.WriteString(p)
	}
	return b.String()
}

// percentEncode encodes r as RFC 2231 wants: attribute characters as they
// are, any other byte of its UTF-8 form as %XX.
func percentEncode(r rune) string {
	if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!#$&+-.^_`|~", r)) {
		return string(r)
	}
	var b strings.Builder
	for _, c := range []byte(string(r)) {
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// writeBase64 encodes data as base64 in lines of 76 characters, as
// RFC 2045 requires.
func writeBase64(w io.Writer, data []byte) error {
	const perLine = 57 // input bytes that make 76 characters
	line := make([]byte, 0, 2+base64.StdEncoding.EncodedLen(perLine))
	for i := 0; i < len(data); i += perLine {
		line = line[:0]
		if i > 0 {
			line = append(line, '\r', '\n')
		}
		line = base64.StdEncoding.AppendEncode(line, data[i:min(i+perLine, len(data))])
		if _, err := w.Write(line); err != nil {
			return err
		}
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
