package worker

import (
	"context"

	"symbiose/internal/model"
	"symbiose/internal/storage"
)

// ParticipantLink is the page where a company registers for a bourse,
// fills its cards, answers the survey and downloads its summary; hash is
// what the database keeps.
func ParticipantLink(ctx context.Context, store *storage.Storage, baseURL string, workshopID, companyID int64) (url, hash string, err error) {
	token, hash, err := store.ParticipantToken(ctx, workshopID, companyID)
	return baseURL + "/b/" + token, hash, err
}

// StaffLink is the capture page of a table secretary or a facilitator.
func StaffLink(ctx context.Context, store *storage.Storage, baseURL string, st model.Staff) (url, hash string, err error) {
	token, hash, err := store.StaffToken(ctx, st)
	return baseURL + "/s/" + token, hash, err
}
