package storage

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"symbiose/internal/auth"
	"symbiose/internal/model"
)

// Personal links of a bourse are derived from the installation's secret,
// so that the facilitator can show or resend a company's or a secretary's
// link at any time, and reminders can include it, while the database keeps
// only its hash.
func (s *Storage) bourseToken(ctx context.Context, parts ...any) (token, hash string, err error) {
	key, err := s.Secret(ctx, "bourse")
	if err != nil {
		return "", "", fmt.Errorf("bourse links: %w", err)
	}
	m := hmac.New(sha256.New, []byte(key))
	fmt.Fprint(m, parts...)
	token = hex.EncodeToString(m.Sum(nil))[:40]
	return token, auth.HashToken(token), nil
}

// ParticipantToken is the token of a company's personal page for a bourse
// (/b/{token}) and the hash InviteParticipant stores.
func (s *Storage) ParticipantToken(ctx context.Context, workshopID, companyID int64) (token, hash string, err error) {
	return s.bourseToken(ctx, "participant:", workshopID, ":", companyID)
}

// StaffToken is the token of a staff member's capture page (/s/{token})
// and the hash AddStaff stores.
func (s *Storage) StaffToken(ctx context.Context, st model.Staff) (token, hash string, err error) {
	return s.bourseToken(ctx, "staff:", st.WorkshopID, ":", st.Role, ":", st.Table, ":", st.Name)
}
