package worker

import (
	"context"
	"fmt"
	"time"

	"symbiose/internal/model"
)

// cardsLead is how long before a bourse's card deadline its registered
// companies without cards start being reminded.
const cardsLead = 7 * 24 * time.Hour

// bourseCards reminds the registered companies that have not filled any
// card yet, from a week before the bourse's deadline for cards until the
// day of the bourse, once per cadence. The email carries the company's
// personal link.
func (r *Reminders) bourseCards(ctx context.Context, t model.Territory, cadence time.Duration) (int, error) {
	bourses, err := r.Store.Workshops(ctx, t.ID)
	if err != nil {
		return 0, err
	}
	now := r.now()
	today := now.Format("2006-01-02")
	sent := 0
	for _, w := range bourses {
		due, err := time.Parse("2006-01-02", w.CardsDue)
		if err != nil || w.ClosedAt != "" || w.Date < today || now.Before(due.Add(-cardsLead)) {
			continue
		}
		cards, err := r.Store.Cards(ctx, w.ID)
		if err != nil {
			return sent, err
		}
		withCards := map[int64]bool{}
		for _, f := range cards {
			withCards[f.CompanyID] = true
		}
		parts, err := r.Store.Participants(ctx, w.ID)
		if err != nil {
			return sent, err
		}
		for _, p := range parts {
			if p.Status != model.ParticipantRegistered || p.Email == "" || withCards[p.CompanyID] {
				continue
			}
			went, err := r.remindParticipant(ctx, t, w, p, "bourse_cards", cadence, "Vos cartes pour la bourse « "+w.Title+" »",
				func(link string) string {
					return fmt.Sprintf("Bonjour,\n\n%s est inscrite à la bourse « %s » du %s, mais n'a pas encore préparé ses cartes "+
						"ressources et besoins, attendues pour le %s. Elles sont pré-remplies d'après votre activité : "+
						"il suffit de les vérifier et de les compléter.\n\n%s\n", p.CompanyName, w.Title, w.Date, w.CardsDue, link)
				})
			if err != nil {
				return sent, err
			}
			if went {
				sent++
			}
		}
	}
	return sent, nil
}

// dayBeforeLead is how long before a bourse its registered companies are
// reminded of the date and place.
const dayBeforeLead = 2 * 24 * time.Hour

// bourseDay reminds every registered company of the bourse two days
// before it, once, with the place and its personal link (to check its
// cards or cancel and free its seat).
func (r *Reminders) bourseDay(ctx context.Context, t model.Territory) (int, error) {
	bourses, err := r.Store.Workshops(ctx, t.ID)
	if err != nil {
		return 0, err
	}
	now := r.now()
	sent := 0
	for _, w := range bourses {
		day, err := time.Parse("2006-01-02", w.Date)
		if err != nil || w.ClosedAt != "" || now.Before(day.Add(-dayBeforeLead)) || !now.Before(day) {
			continue
		}
		parts, err := r.Store.Participants(ctx, w.ID)
		if err != nil {
			return sent, err
		}
		for _, p := range parts {
			if p.Status != model.ParticipantRegistered || p.Email == "" {
				continue
			}
			place := ""
			if w.Place != "" {
				place = ", " + w.Place
			}
			went, err := r.remindParticipant(ctx, t, w, p, "bourse_day", 0, "Rappel : bourse « "+w.Title+" » le "+w.Date,
				func(link string) string {
					return fmt.Sprintf("Bonjour,\n\nNous attendons %s à la bourse « %s » le %s%s.\n\n"+
						"Vos cartes ressources et besoins, ou une annulation pour libérer votre place :\n%s\n",
						p.CompanyName, w.Title, w.Date, place, link)
				})
			if err != nil {
				return sent, err
			}
			if went {
				sent++
			}
		}
	}
	return sent, nil
}

// remindParticipant sends a bourse reminder of a kind to a participant when
// it is due (cadence 0: once), with its personal link in the body; it tells
// whether the reminder went.
func (r *Reminders) remindParticipant(ctx context.Context, t model.Territory, w model.Workshop, p model.Participant,
	kind string, cadence time.Duration, subject string, body func(link string) string) (bool, error) {
	key := fmt.Sprintf("%d:%d", w.ID, p.CompanyID)
	ok, err := r.due(ctx, kind, key, p.Email, cadence)
	if err != nil || !ok {
		return false, err
	}
	link, _, err := ParticipantLink(ctx, r.Store, r.BaseURL, w.ID, p.CompanyID)
	if err != nil {
		return false, err
	}
	return true, r.send(ctx, t.ID, kind, key, p.Email, subject, body(link))
}
