// Package mail sends email over SMTP. It holds no global state and does not
// log: callers get errors and decide what to do with them.
package mail

import "context"

// Sender delivers messages; SMTPSender is the real one, and tests point it at
// an smtptest.Server rather than replacing it.
type Sender interface {
	// Send delivers m, or returns why it could not.
	Send(ctx context.Context, m Message) error
}

// SMTPSender must keep satisfying Sender.
var _ Sender = (*SMTPSender)(nil)
