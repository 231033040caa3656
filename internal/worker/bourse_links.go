package worker

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"symbiose/internal/auth"
	"symbiose/internal/model"
	"symbiose/internal/storage"
)

// Personal links of a bourse are derived from the installation's secret,
// so that the facilitator can show or resend a company's or a secretary's
// link at any time, and reminders can include it, while only its hash is
// stored.
func bourseToken(ctx context.Context, store *storage.Storage, parts ...any) (token, hash string, err error) {
	key, err := store.Secret(ctx, "bourse")
	if err != nil {
		return "", "", fmt.Errorf("bourse links: %w", err)
	}
	m := hmac.New(sha256.New, []byte(key))
	fmt.Fprint(m, parts...)
	token = hex.EncodeToString(m.Sum(nil))[:40]
	return token, auth.HashToken(token), nil
}

// ParticipantLink is the page where a company registers for a bourse,
// fills its cards, answers the survey and downloads its summary; hash is
// what the database keeps.
func ParticipantLink(ctx context.Context, store *storage.Storage, baseURL string, workshopID, companyID int64) (url, hash string, err error) {
	token, hash, err := bourseToken(ctx, store, "participant:", workshopID, ":", companyID)
	return baseURL + "/b/" + token, hash, err
}

// StaffLink is the capture page of a table secretary or a facilitator.
func StaffLink(ctx context.Context, store *storage.Storage, baseURL string, st model.Staff) (url, hash string, err error) {
	token, hash, err := bourseToken(ctx, store, "staff:", st.WorkshopID, ":", st.Role, ":", st.Table, ":", st.Name)
	return baseURL + "/s/" + token, hash, err
}
