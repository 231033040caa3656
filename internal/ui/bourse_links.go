package ui

import (
	"context"
	"net/http"

	"symbiose/internal/auth"
	"symbiose/internal/model"
	"symbiose/internal/worker"
)

// participantLink is a company's personal page for a bourse.
func (u *UI) participantLink(r *http.Request, workshopID, companyID int64) (url, hash string, err error) {
	return worker.ParticipantLink(r.Context(), u.store, u.baseURL(r), workshopID, companyID)
}

// staffLink is the capture page of a table secretary (or a facilitator).
func (u *UI) staffLink(r *http.Request, st model.Staff) (url, hash string, err error) {
	return worker.StaffLink(r.Context(), u.store, u.baseURL(r), st)
}

// participantOfLink finds the invitation of a /b/{token} path and its bourse.
func (u *UI) participantOfLink(r *http.Request) (model.Participant, model.Workshop, model.Territory, error) {
	p, err := u.store.ParticipantByToken(r.Context(), auth.HashToken(r.PathValue("token")))
	if err != nil {
		return p, model.Workshop{}, model.Territory{}, err
	}
	w, t, err := u.bourseOf(r.Context(), p.WorkshopID)
	return p, w, t, err
}

// staffOfLink finds the staff member of a /s/{token} path and its bourse.
func (u *UI) staffOfLink(r *http.Request) (model.Staff, model.Workshop, model.Territory, error) {
	st, err := u.store.StaffByToken(r.Context(), auth.HashToken(r.PathValue("token")))
	if err != nil {
		return st, model.Workshop{}, model.Territory{}, err
	}
	w, t, err := u.bourseOf(r.Context(), st.WorkshopID)
	return st, w, t, err
}

func (u *UI) bourseOf(ctx context.Context, workshopID int64) (model.Workshop, model.Territory, error) {
	territoryID, err := u.store.WorkshopTerritory(ctx, workshopID)
	if err != nil {
		return model.Workshop{}, model.Territory{}, err
	}
	w, err := u.store.Workshop(ctx, territoryID, workshopID)
	if err != nil {
		return w, model.Territory{}, err
	}
	t, err := u.store.Territory(ctx, territoryID)
	return w, t, err
}
