package smtptest

import (
	"bytes"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"net"
	"net/textproto"
	"strings"
)

// maxData bounds one message so a runaway client cannot exhaust memory.
const maxData = 10 << 20

// session is the state of one SMTP connection.
type session struct {
	s    *Server
	conn net.Conn
	tp   *textproto.Conn
	tls  bool
	user string
	from string
	to   []string
	mail bool // MAIL FROM was accepted
}

// serve speaks SMTP on conn until QUIT, an error or the server closing.
func (s *Server) serve(conn net.Conn) {
	defer conn.Close()
	ss := &session{s: s, conn: conn, tp: textproto.NewConn(conn), tls: s.mode == ImplicitTLS}
	if err := ss.reply(220, "127.0.0.1 smtptest ESMTP"); err != nil {
		return
	}
	for {
		line, err := ss.tp.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		if quit, err := ss.handle(strings.ToUpper(verb), arg); quit || err != nil {
			return
		}
	}
}

// handle answers one command; quit reports that the connection must end.
func (ss *session) handle(verb, arg string) (quit bool, err error) {
	switch verb {
	case "EHLO":
		ss.reset()
		lines := []string{"127.0.0.1 greets " + arg, "8BITMIME", "AUTH PLAIN"}
		if ss.s.mode == STARTTLS && !ss.tls {
			lines = append(lines, "STARTTLS")
		}
		return false, ss.multiReply(250, lines)
	case "HELO":
		ss.reset()
		return false, ss.reply(250, "127.0.0.1 greets "+arg)
	case "STARTTLS":
		return ss.startTLS()
	case "AUTH":
		return false, ss.auth(arg)
	case "MAIL":
		return false, ss.mailFrom(arg)
	case "RCPT":
		return false, ss.rcptTo(arg)
	case "DATA":
		return false, ss.data()
	case "RSET":
		ss.reset()
		return false, ss.reply(250, "2.0.0 OK")
	case "NOOP":
		return false, ss.reply(250, "2.0.0 OK")
	case "QUIT":
		ss.reply(221, "2.0.0 Bye")
		return true, nil
	}
	return false, ss.reply(502, "5.5.1 command not implemented")
}

// reset forgets the transaction in progress, as RSET and EHLO require.
func (ss *session) reset() {
	ss.from, ss.to, ss.mail = "", nil, false
}

func (ss *session) startTLS() (bool, error) {
	if ss.s.mode != STARTTLS || ss.tls {
		return false, ss.reply(502, "5.5.1 STARTTLS not offered")
	}
	if err := ss.reply(220, "2.0.0 ready to start TLS"); err != nil {
		return false, err
	}
	tc := tls.Server(ss.conn, ss.s.serverTLS)
	if err := tc.Handshake(); err != nil {
		return true, err
	}
	// RFC 3207: after the handshake the client starts over with EHLO.
	ss.conn, ss.tp, ss.tls = tc, textproto.NewConn(tc), true
	ss.reset()
	return false, nil
}

// auth accepts any AUTH PLAIN credentials and remembers the user name.
func (ss *session) auth(arg string) error {
	mech, resp, _ := strings.Cut(arg, " ")
	if !strings.EqualFold(mech, "PLAIN") {
		return ss.reply(504, "5.5.4 only PLAIN is supported")
	}
	if resp == "" {
		if err := ss.reply(334, ""); err != nil {
			return err
		}
		line, err := ss.tp.ReadLine()
		if err != nil {
			return err
		}
		resp = line
	}
	raw, err := base64.StdEncoding.DecodeString(resp)
	parts := strings.Split(string(raw), "\x00")
	if err != nil || len(parts) != 3 {
		return ss.reply(501, "5.5.2 malformed PLAIN response")
	}
	ss.user = parts[1]
	return ss.reply(235, "2.7.0 authenticated")
}

func (ss *session) mailFrom(arg string) error {
	addr, ok := pathArg(arg, "FROM:")
	if !ok {
		return ss.reply(501, "5.5.4 syntax: MAIL FROM:<address>")
	}
	if ss.mail {
		return ss.reply(503, "5.5.1 MAIL already given")
	}
	ss.from, ss.mail = addr, true
	return ss.reply(250, "2.1.0 OK")
}

func (ss *session) rcptTo(arg string) error {
	addr, ok := pathArg(arg, "TO:")
	if !ok {
		return ss.reply(501, "5.5.4 syntax: RCPT TO:<address>")
	}
	if !ss.mail {
		return ss.reply(503, "5.5.1 MAIL first")
	}
	if code := ss.s.takeFailure(); code != 0 {
		return ss.reply(code, "smtptest: failure requested by FailNext")
	}
	ss.to = append(ss.to, addr)
	return ss.reply(250, "2.1.5 OK")
}

// data reads the message up to the lone dot, undoing dot-stuffing and
// keeping CRLF line endings as they were sent.
func (ss *session) data() error {
	if len(ss.to) == 0 {
		return ss.reply(503, "5.5.1 RCPT first")
	}
	if err := ss.reply(354, "end data with <CR><LF>.<CR><LF>"); err != nil {
		return err
	}
	var buf bytes.Buffer
	for {
		line, err := ss.tp.ReadLine()
		if err != nil {
			return err
		}
		if line == "." {
			break
		}
		buf.WriteString(strings.TrimPrefix(line, "."))
		buf.WriteString("\r\n")
		if buf.Len() > maxData {
			ss.reply(552, "5.3.4 message too big")
			return fmt.Errorf("message over %d bytes", maxData)
		}
	}
	ss.s.store(newReceived(ss.from, ss.to, ss.user, ss.tls, buf.Bytes()))
	ss.reset()
	return ss.reply(250, "2.0.0 queued")
}

// pathArg extracts the address from "FROM:<a@b> PARAMS" or "TO:<a@b>".
func pathArg(arg, prefix string) (string, bool) {
	if len(arg) < len(prefix) || !strings.EqualFold(arg[:len(prefix)], prefix) {
		return "", false
	}
	rest := strings.TrimSpace(arg[len(prefix):])
	if !strings.HasPrefix(rest, "<") {
		return "", false
	}
	addr, _, ok := strings.Cut(rest[1:], ">")
	return addr, ok
}

func (ss *session) reply(code int, text string) error {
	return ss.tp.PrintfLine("%d %s", code, text)
}

func (ss *session) multiReply(code int, lines []string) error {
	w := ss.tp.W
	for i, l := range lines {
		sep := "-"
		if i == len(lines)-1 {
			sep = " "
		}
		fmt.Fprintf(w, "%d%s%s\r\n", code, sep, l)
	}
	return w.Flush()
}
