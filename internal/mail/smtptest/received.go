package smtptest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"strings"
)

// Received is one message as the server got it.
type Received struct {
	// From and To are the envelope: MAIL FROM and RCPT TO addresses.
	From string
	To   []string
	// Data is the message as sent, dot-unstuffed, with CRLF line endings.
	Data []byte
	// Header and Body are Data parsed by net/mail; Header is nil when Data
	// is not a valid message, and Body then holds all of Data.
	Header netmail.Header
	Body   []byte
	// User is the AUTH PLAIN user name, or "" without AUTH.
	User string
	// TLS reports whether the message came over TLS.
	TLS bool
}

func newReceived(from string, to []string, user string, tls bool, data []byte) Received {
	r := Received{From: from, To: to, Data: data, Body: data, User: user, TLS: tls}
	if m, err := netmail.ReadMessage(bytes.NewReader(data)); err == nil {
		if body, err := io.ReadAll(m.Body); err == nil {
			r.Header, r.Body = m.Header, body
		}
	}
	return r
}

// Subject returns the Subject header decoded from RFC 2047 encoded words.
func (r Received) Subject() (string, error) {
	return decodeHeader(r.Header.Get("Subject"))
}

// Addresses returns the addresses of a header such as From or To, with
// their display names decoded.
func (r Received) Addresses(key string) ([]*netmail.Address, error) {
	return r.Header.AddressList(key)
}

// Part returns the decoded content of the first part whose media type is
// mediaType ("text/plain", "text/html"), looking inside multipart bodies.
func (r Received) Part(mediaType string) (string, error) {
	if r.Header == nil {
		return "", fmt.Errorf("smtptest: message could not be parsed")
	}
	return findPart(r.Header.Get("Content-Type"), r.Header.Get("Content-Transfer-Encoding"), r.Body, mediaType)
}

func findPart(contentType, encoding string, body []byte, want string) (string, error) {
	if contentType == "" {
		contentType = "text/plain" // RFC 2045 default
	}
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", fmt.Errorf("smtptest: content type %q: %w", contentType, err)
	}
	if mt == want {
		return decodeBody(encoding, body)
	}
	if !strings.HasPrefix(mt, "multipart/") {
		return "", fmt.Errorf("smtptest: no %s part (found %s)", want, mt)
	}
	// NextRawPart keeps the transfer encoding, which decodeBody then undoes
	// for every encoding alike.
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			return "", fmt.Errorf("smtptest: no %s part in %s", want, mt)
		}
		if err != nil {
			return "", fmt.Errorf("smtptest: read %s: %w", mt, err)
		}
		content, err := io.ReadAll(p)
		if err != nil {
			return "", fmt.Errorf("smtptest: read part: %w", err)
		}
		s, err := findPart(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), content, want)
		if err == nil {
			return s, nil
		}
	}
}

func decodeBody(encoding string, body []byte) (string, error) {
	var r io.Reader = bytes.NewReader(body)
	switch strings.ToLower(encoding) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("smtptest: decode %s body: %w", encoding, err)
	}
	return string(b), nil
}

func decodeHeader(v string) (string, error) {
	s, err := new(mime.WordDecoder).DecodeHeader(v)
	if err != nil {
		return "", fmt.Errorf("smtptest: decode header %q: %w", v, err)
	}
	return s, nil
}
