package worker

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"time"

	"symbiose/internal/auth"
	"symbiose/internal/mail"
	"symbiose/internal/model"
	"symbiose/internal/storage"
	"symbiose/internal/synergy"
)

// Reminders sends the relances a facilitator would otherwise write by
// hand: to companies that have not answered an introduction, to owners of
// overdue next actions, to bourse participants without cards, and a weekly digest to each facilitator. Each kind
// of reminder about one thing goes at most once per the territory's
// cadence; every email is logged; unsubscribed addresses are skipped.
type Reminders struct {
	Store   *storage.Storage
	Mailer  mail.Sender
	Log     *slog.Logger
	BaseURL string           // for the links in the emails
	Now     func() time.Time // nil: time.Now
}

func (r *Reminders) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

// Run sends due reminders every interval until ctx ends.
func (r *Reminders) Run(ctx context.Context, every time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if n, err := r.Send(ctx); err != nil && ctx.Err() == nil {
			r.Log.Error("send reminders", "err", err)
		} else if n > 0 {
			r.Log.Info("reminders sent", "emails", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// Send sends the reminders due now and returns how many emails went out.
func (r *Reminders) Send(ctx context.Context) (int, error) {
	territories, err := r.Store.Territories(ctx)
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, t := range territories {
		n, err := r.territory(ctx, t)
		sent += n
		if err != nil {
			return sent, fmt.Errorf("reminders of %q: %w", t.Name, err)
		}
	}
	return sent, nil
}

func (r *Reminders) territory(ctx context.Context, t model.Territory) (int, error) {
	settings, err := r.Store.ReminderSettingsOf(ctx, t.ID)
	if err != nil {
		return 0, err
	}
	cadence := time.Duration(settings.Days) * 24 * time.Hour
	now := r.now()
	sent := 0

	intros, err := r.Store.PendingIntroductions(ctx, t.ID)
	if err != nil {
		return sent, err
	}
	for _, in := range intros {
		if now.Sub(in.CreatedAt) < cadence {
			continue
		}
		due, err := r.due(ctx, "introduction", fmt.Sprint(in.ID), in.Email, cadence)
		if err != nil || !due {
			if err != nil {
				return sent, err
			}
			continue
		}
		token := auth.NewToken()
		if err := r.Store.RenewIntroductionLink(ctx, in.ID, auth.HashToken(token)); err != nil {
			return sent, err
		}
		body := fmt.Sprintf("Bonjour,\n\nUne mise en relation vous a été proposée pour %s et attend votre réponse.\n"+
			"Pour accepter ou décliner, ouvrez ce lien (le précédent ne sert plus) :\n%s/introduction/%s\n", in.CompanyName, r.BaseURL, token)
		if err := r.send(ctx, t.ID, "introduction", fmt.Sprint(in.ID), in.Email, "Rappel : proposition de mise en relation", body); err != nil {
			return sent, err
		}
		sent++
	}

	n, err := r.diagnostics(ctx, t, cadence)
	sent += n
	if err != nil {
		return sent, err
	}
	n, err = r.bourseCards(ctx, t, cadence)
	sent += n
	if err != nil {
		return sent, err
	}
	n, err = r.bourseDay(ctx, t)
	sent += n
	if err != nil {
		return sent, err
	}

	synergies, err := r.Store.Synergies(ctx, t.ID)
	if err != nil {
		return sent, err
	}
	for _, s := range synergies {
		if s.OwnerEmail == "" || s.Status == model.StatusRealised || s.Status == model.StatusAbandoned || !synergy.Overdue(s.NextActionOn, now) {
			continue
		}
		key := fmt.Sprintf("%d:%s", s.ID, s.NextActionOn)
		due, err := r.due(ctx, "next_action", key, s.OwnerEmail, cadence)
		if err != nil {
			return sent, err
		}
		if !due {
			continue
		}
		body := fmt.Sprintf("Bonjour,\n\nLa prochaine action de la synergie « %s » était prévue le %s : %s\n\n%s/t/%d/synergies/%d\n",
			s.Label, s.NextActionOn, s.NextAction, r.BaseURL, t.ID, s.ID)
		if err := r.send(ctx, t.ID, "next_action", key, s.OwnerEmail, "Action en retard : "+s.Label, body); err != nil {
			return sent, err
		}
		sent++
	}

	if now.Weekday() == settings.DigestWeekday {
		n, err := r.digests(ctx, t, synergies, now, time.Duration(settings.StaleDays)*24*time.Hour)
		sent += n
		if err != nil {
			return sent, err
		}
	}
	return sent, nil
}

// diagnostics reminds the companies of a running campaign whose flow
// inventory is incomplete, once the campaign has run for a cadence. The
// email carries a fresh invitation link to the company's page, where the
// contact fills in its flows (an existing member account is signed in).
func (r *Reminders) diagnostics(ctx context.Context, t model.Territory, cadence time.Duration) (int, error) {
	campaigns, err := r.Store.Campaigns(ctx, t.ID)
	if err != nil {
		return 0, err
	}
	now := r.now()
	today := now.Format("2006-01-02")
	sent := 0
	for _, c := range campaigns {
		started, err := time.Parse("2006-01-02", c.StartedOn)
		if err != nil || now.Sub(started) < cadence || (c.EndedOn != "" && c.EndedOn < today) {
			continue // undated, too recent or over
		}
		visits, err := r.Store.CampaignVisits(ctx, c.ID)
		if err != nil {
			return sent, err
		}
		for _, v := range visits {
			if v.Completeness >= 100 {
				continue
			}
			contacts, err := r.Store.ContactsOfCompany(ctx, v.CompanyID)
			if err != nil {
				return sent, err
			}
			email := model.FirstEmail(contacts)
			if email == "" {
				continue
			}
			key := fmt.Sprintf("%d:%d", c.ID, v.CompanyID)
			due, err := r.due(ctx, "diagnostic", key, email, cadence)
			if err != nil {
				return sent, err
			}
			if !due {
				continue
			}
			company, err := r.Store.Company(ctx, v.CompanyID)
			if err != nil {
				return sent, err
			}
			token := auth.NewToken()
			if err := r.Store.CreateLink(ctx, auth.HashToken(token), storage.Link{Purpose: storage.LinkInvite, Email: email,
				CompanyID: v.CompanyID, Expires: now.Add(7 * 24 * time.Hour)}); err != nil {
				return sent, err
			}
			body := fmt.Sprintf("Bonjour,\n\nDans le cadre de « %s » (%s), l'inventaire des flux de %s est complet à %d %%.\n"+
				"Le compléter permet de trouver les entreprises voisines qui peuvent reprendre vos déchets ou vous fournir vos ressources.\n\n"+
				"Pour le compléter, ouvrez ce lien (valable 7 jours) :\n%s/invite/%s\n",
				c.Name, t.Name, company.Name, v.Completeness, r.BaseURL, token)
			if err := r.send(ctx, t.ID, "diagnostic", key, email, "Votre diagnostic de flux : "+company.Name, body); err != nil {
				return sent, err
			}
			sent++
		}
	}
	return sent, nil
}

// digests sends each facilitator of the territory its weekly summary.
func (r *Reminders) digests(ctx context.Context, t model.Territory, synergies []model.Synergy, now time.Time, staleAfter time.Duration) (int, error) {
	users, err := r.Store.Users(ctx)
	if err != nil {
		return 0, err
	}
	year, week := now.ISOWeek()
	counts := map[string]int{}
	var overdue, stale []string
	for _, s := range synergies {
		counts[s.Status]++
		if s.Status != model.StatusRealised && s.Status != model.StatusAbandoned && synergy.Overdue(s.NextActionOn, now) {
			overdue = append(overdue, s.Label)
		}
		if synergy.Stale(s, s.UpdatedAt, now, staleAfter) {
			stale = append(stale, s.Label)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Bonjour,\n\nVoici la semaine de %s.\n\nSynergies par statut :\n", t.Name)
	for _, st := range model.Statuses {
		fmt.Fprintf(&b, "  %-13s %d\n", st, counts[st])
	}
	fmt.Fprintf(&b, "\nActions en retard (%d) :\n", len(overdue))
	for _, s := range overdue {
		fmt.Fprintf(&b, "  - %s\n", s)
	}
	fmt.Fprintf(&b, "\nSans activité depuis %d jours (%d) :\n", int(staleAfter.Hours()/24), len(stale))
	for _, s := range stale {
		fmt.Fprintf(&b, "  - %s\n", s)
	}
	fmt.Fprintf(&b, "\n%s/t/%d/synergies\n", r.BaseURL, t.ID)
	sent := 0
	for _, u := range users {
		full, err := r.Store.User(ctx, u.ID)
		if err != nil {
			return sent, err
		}
		if full.Role != model.RoleFacilitator || !slices.Contains(full.Territories, t.ID) || full.Disabled {
			continue
		}
		key := fmt.Sprintf("%d:%s:%d-%02d", t.ID, full.Email, year, week)
		due, err := r.due(ctx, "digest", key, full.Email, 0)
		if err != nil {
			return sent, err
		}
		if !due {
			continue
		}
		if err := r.send(ctx, t.ID, "digest", key, full.Email, fmt.Sprintf("Symbiose : votre semaine (%s)", t.Name), b.String()); err != nil {
			return sent, err
		}
		sent++
	}
	return sent, nil
}

// due reports whether a reminder may go: the address has not
// unsubscribed, and the same reminder was not sent within the cadence (a
// cadence of 0: never sent before).
func (r *Reminders) due(ctx context.Context, kind, key, email string, cadence time.Duration) (bool, error) {
	if off, err := r.Store.Unsubscribed(ctx, email); err != nil || off {
		return false, err
	}
	last, err := r.Store.LastMail(ctx, kind, key)
	if err != nil {
		return false, err
	}
	return last.IsZero() || (cadence > 0 && r.now().Sub(last) >= cadence), nil
}

// send emails a reminder with its unsubscribe link and logs it, failures
// included (a failure is retried at the next run).
func (r *Reminders) send(ctx context.Context, territoryID int64, kind, key, email, subject, body string) error {
	link, err := UnsubscribeLink(ctx, r.Store, r.BaseURL, email)
	if err != nil {
		return err
	}
	msg := mail.Message{To: []string{email}, Subject: subject,
		Text: body + "\n--\nPour ne plus recevoir ces rappels : " + link + "\n"}
	entry := storage.MailLogEntry{At: r.now(), TerritoryID: territoryID, Kind: kind, SubjectKey: key, Email: email, Subject: subject}
	if err := r.Mailer.Send(ctx, msg); err != nil {
		entry.Error = err.Error()
		r.Log.Warn("reminder not sent", "to", email, "err", err)
	}
	return r.Store.LogMail(ctx, entry)
}

// UnsubscribeLink returns the link that stops reminders to an address,
// signed so that nobody can unsubscribe someone else.
func UnsubscribeLink(ctx context.Context, store *storage.Storage, baseURL, email string) (string, error) {
	sig, err := UnsubscribeSignature(ctx, store, email)
	if err != nil {
		return "", err
	}
	return baseURL + "/unsubscribe?" + url.Values{"e": {strings.ToLower(email)}, "s": {sig}}.Encode(), nil
}

// UnsubscribeSignature is the HMAC of an address with the installation's
// unsubscribe key.
func UnsubscribeSignature(ctx context.Context, store *storage.Storage, email string) (string, error) {
	key, err := store.Secret(ctx, "unsubscribe")
	if err != nil {
		return "", err
	}
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte(strings.ToLower(strings.TrimSpace(email))))
	return hex.EncodeToString(m.Sum(nil))[:32], nil
}
