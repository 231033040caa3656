package worker

import (
	"context"
	"io"
	"log/slog"
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"symbiose/internal/auth"
	"symbiose/internal/mail"
	"symbiose/internal/mail/smtptest"
	"symbiose/internal/model"
	"symbiose/internal/storage"
	"symbiose/internal/storage/storagetest"
)

// remindersFixture is a territory with one unanswered introduction, one
// synergy whose next action is overdue and one facilitator who owns it.
func remindersFixture(t *testing.T, ctx context.Context, st *storage.Storage) (territory int64, synergyID int64) {
	t.Helper()
	ds := model.Dataset{
		Companies: []model.Company{{ExtID: "saw", Name: "Scierie Dupuy"}, {ExtID: "boiler", Name: "Chaufferie"}},
		Contacts:  []model.Contact{{CompanyExtID: "saw", Name: "Anne", Email: "anne@scierie.example"}},
	}
	stats, err := st.ImportDataset(ctx, 0, ds, storage.ImportOptions{NewTerritory: "Angoumois"})
	if err != nil {
		t.Fatal(err)
	}
	fac, err := st.CreateUser(ctx, model.User{Email: "claire@agglo.example", Name: "Claire", Role: model.RoleFacilitator,
		Territories: []int64{stats.TerritoryID}})
	if err != nil {
		t.Fatal(err)
	}
	sy, err := st.CreateSynergy(ctx, model.Synergy{TerritoryID: stats.TerritoryID, Type: model.Substitution,
		OutputCompExtID: "saw", InputCompExtID: "boiler", Label: "Sciure vers chaufferie"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.UpdateSynergyFollowUp(ctx, sy.ID, storage.SynergyFollowUp{OwnerID: fac.ID,
		NextAction: "Appeler la chaufferie", NextActionOn: "2026-11-01"}); err != nil {
		t.Fatal(err)
	}
	saw, err := st.CompanyByExtID(ctx, stats.TerritoryID, "saw")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateIntroductions(ctx, sy.ID, fac.ID, []storage.Introduction{{CompanyID: saw.ID, Email: "anne@scierie.example"}},
		[]string{auth.HashToken(auth.NewToken())}); err != nil {
		t.Fatal(err)
	}
	return stats.TerritoryID, sy.ID
}

func TestRemindersSendOncePerCadence(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		territory, _ := remindersFixture(t, ctx, b.Storage)
		srv := smtptest.Start(t)
		cfg, err := mail.ParseURL(srv.URL())
		if err != nil {
			t.Fatal(err)
		}
		cfg.TLS = srv.ClientTLS()

		// A Tuesday, 10 days after the introduction was made: not digest day
		// (Monday by default), the introduction is due, the action overdue.
		clock := time.Now().AddDate(0, 0, 10)
		for clock.Weekday() != time.Tuesday {
			clock = clock.AddDate(0, 0, 1)
		}
		r := &Reminders{Store: b.Storage, Mailer: mail.NewSMTP(cfg), BaseURL: "https://symbiose.example",
			Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return clock }}

		n, err := r.Send(ctx)
		if err != nil || n != 2 {
			t.Fatalf("first run: %d emails, %v; want 2", n, err)
		}
		msgs := srv.WaitFor(2, 5*time.Second)
		byTo := map[string]smtptest.Received{}
		for _, m := range msgs {
			byTo[m.To[0]] = m
		}
		intro, ok := byTo["anne@scierie.example"]
		if !ok {
			t.Fatalf("no reminder to the company contact: %v", slices.Collect(maps.Keys(byTo)))
		}
		text, _ := intro.Part("text/plain")
		if !strings.Contains(text, "https://symbiose.example/introduction/") || !strings.Contains(text, "Scierie Dupuy") {
			t.Errorf("introduction reminder lacks its renewed link:\n%s", text)
		}
		overdue, ok := byTo["claire@agglo.example"]
		if !ok {
			t.Fatal("no overdue-action reminder to the owner")
		}
		text, _ = overdue.Part("text/plain")
		if !strings.Contains(text, "Appeler la chaufferie") || !strings.Contains(text, "/unsubscribe?") {
			t.Errorf("overdue reminder:\n%s", text)
		}

		// The same day again: nothing new.
		if n, err := r.Send(ctx); err != nil || n != 0 {
			t.Fatalf("second run on the same day: %d emails, %v", n, err)
		}
		// A week later, still unanswered and overdue: reminded again — unless
		// unsubscribed, as the company contact now is.
		if err := b.Storage.Unsubscribe(ctx, "Anne@Scierie.example"); err != nil {
			t.Fatal(err)
		}
		clock = clock.AddDate(0, 0, 7)
		if n, err := r.Send(ctx); err != nil || n != 1 {
			t.Fatalf("a week later: %d emails, %v; want 1 (owner only)", n, err)
		}
		log, err := b.Storage.MailLog(ctx, territory, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != 3 {
			t.Fatalf("mail log has %d entries, want 3: %+v", len(log), log)
		}
	})
}

func TestRemindersDigestOnceAWeek(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		territory, _ := remindersFixture(t, ctx, b.Storage)
		if err := b.Storage.SetReminderSettings(ctx, territory, storage.ReminderSettings{Days: 30, DigestWeekday: time.Thursday}); err != nil {
			t.Fatal(err)
		}
		var sent []mail.Message
		clock := time.Now()
		for clock.Weekday() != time.Thursday {
			clock = clock.AddDate(0, 0, 1)
		}
		r := &Reminders{Store: b.Storage, Mailer: recorder{&sent}, BaseURL: "https://s.example",
			Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return clock }}
		if _, err := r.Send(ctx); err != nil {
			t.Fatal(err)
		}
		var digests []mail.Message
		for _, m := range sent {
			if strings.HasPrefix(m.Subject, "Symbiose : votre semaine") {
				digests = append(digests, m)
			}
		}
		if len(digests) != 1 || digests[0].To[0] != "claire@agglo.example" {
			t.Fatalf("digests: %+v", digests)
		}
		if !strings.Contains(digests[0].Text, "Actions en retard (1)") || !strings.Contains(digests[0].Text, "Sciure vers chaufferie") {
			t.Errorf("digest text:\n%s", digests[0].Text)
		}
		// Introductions younger than the 30-day cadence are not reminded.
		for _, m := range sent {
			if m.To[0] == "anne@scierie.example" {
				t.Errorf("introduction reminded before the cadence: %s", m.Subject)
			}
		}
		before := len(sent)
		clock = clock.Add(2 * time.Hour)
		if _, err := r.Send(ctx); err != nil {
			t.Fatal(err)
		}
		if len(sent) != before {
			t.Errorf("digest sent twice the same week: %d then %d emails", before, len(sent))
		}
	})
}

func TestUnsubscribeSignature(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		link, err := UnsubscribeLink(ctx, b.Storage, "https://s.example", "Anne@Scierie.example")
		if err != nil {
			t.Fatal(err)
		}
		u, err := url.Parse(link)
		if err != nil {
			t.Fatal(err)
		}
		sig, err := UnsubscribeSignature(ctx, b.Storage, u.Query().Get("e"))
		if err != nil {
			t.Fatal(err)
		}
		if sig != u.Query().Get("s") || u.Query().Get("e") != "anne@scierie.example" {
			t.Fatalf("link %s does not verify (signature %s)", link, sig)
		}
		other, _ := UnsubscribeSignature(ctx, b.Storage, "bob@scierie.example")
		if other == sig {
			t.Fatal("two addresses share a signature")
		}
	})
}

// recorder is a mail.Sender that keeps what it is given.
type recorder struct{ sent *[]mail.Message }

func (r recorder) Send(_ context.Context, m mail.Message) error {
	*r.sent = append(*r.sent, m)
	return nil
}

// A company whose inventory is incomplete in a running campaign gets a
// link to fill it in; complete ones, and those of a finished campaign, do not.
func TestRemindersIncompleteDiagnostic(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		ds := model.Dataset{
			Companies: []model.Company{{ExtID: "a", Name: "Imprimerie Rivaud"}, {ExtID: "b", Name: "Fonderie"}, {ExtID: "c", Name: "Laiterie"}},
			Contacts: []model.Contact{{CompanyExtID: "a", Name: "Anne", Email: "anne@rivaud.example"},
				{CompanyExtID: "b", Name: "Bob", Email: "bob@fonderie.example"}, {CompanyExtID: "c", Name: "Cléo", Email: "cleo@laiterie.example"}},
		}
		stats, err := b.ImportDataset(ctx, 0, ds, storage.ImportOptions{NewTerritory: "Angoumois"})
		if err != nil {
			t.Fatal(err)
		}
		id := func(ext string) int64 {
			c, err := b.CompanyByExtID(ctx, stats.TerritoryID, ext)
			if err != nil {
				t.Fatal(err)
			}
			return c.ID
		}
		clock := time.Now() // the invitation link must still be valid
		started := clock.AddDate(0, 0, -40).Format("2006-01-02")
		if _, err := b.CreateCampaign(ctx, model.Campaign{TerritoryID: stats.TerritoryID, Name: "Campagne ZI Nord", StartedOn: started},
			[]model.CampaignVisit{{CompanyExtID: "a", Completeness: 40}, {CompanyExtID: "b", Completeness: 100}}); err != nil {
			t.Fatal(err)
		}
		if _, err := b.CreateCampaign(ctx, model.Campaign{TerritoryID: stats.TerritoryID, Name: "Campagne précédente",
			StartedOn: clock.AddDate(-1, 0, 0).Format("2006-01-02"), EndedOn: clock.AddDate(0, -6, 0).Format("2006-01-02")}, []model.CampaignVisit{{CompanyExtID: "c", Completeness: 10}}); err != nil {
			t.Fatal(err)
		}
		var sent []mail.Message
		r := &Reminders{Store: b.Storage, Mailer: recorder{&sent}, BaseURL: "https://s.example",
			Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return clock }}
		if _, err := r.Send(ctx); err != nil {
			t.Fatal(err)
		}
		if len(sent) != 1 || sent[0].To[0] != "anne@rivaud.example" {
			t.Fatalf("sent %+v, want one reminder to anne@rivaud.example", sent)
		}
		body := sent[0].Text
		if !strings.Contains(body, "40 %") || !strings.Contains(body, "https://s.example/invite/") {
			t.Fatalf("reminder body:\n%s", body)
		}
		// The link works: it is a stored invitation for the company.
		token := strings.Fields(body[strings.Index(body, "/invite/")+len("/invite/"):])[0]
		link, err := b.PeekLink(ctx, auth.HashToken(token))
		if err != nil || link.CompanyID != id("a") || link.Email != "anne@rivaud.example" {
			t.Fatalf("invitation behind the link: %+v, %v", link, err)
		}
		clock = clock.Add(24 * time.Hour)
		if _, err := r.Send(ctx); err != nil || len(sent) != 1 {
			t.Fatalf("reminded again the next day: %d emails, %v", len(sent), err)
		}
	})
}

// Registered companies of a coming bourse that have no card are reminded,
// with their personal link, from a week before the deadline for cards.
func TestRemindersBourseCards(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		ds := model.Dataset{
			Companies: []model.Company{{ExtID: "a", Name: "Imprimerie Rivaud"}, {ExtID: "b", Name: "Fonderie"}},
			Contacts: []model.Contact{{CompanyExtID: "a", Name: "Anne", Email: "anne@rivaud.example"},
				{CompanyExtID: "b", Name: "Bob", Email: "bob@fonderie.example"}},
		}
		stats, err := b.ImportDataset(ctx, 0, ds, storage.ImportOptions{NewTerritory: "Angoumois"})
		if err != nil {
			t.Fatal(err)
		}
		clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) // a Tuesday
		w, err := b.CreateWorkshop(ctx, model.Workshop{TerritoryID: stats.TerritoryID, Title: "Bourse d'hiver",
			Date: "2026-12-15", CardsDue: "2026-12-10"})
		if err != nil {
			t.Fatal(err)
		}
		for _, ext := range []string{"a", "b"} {
			c, _ := b.CompanyByExtID(ctx, stats.TerritoryID, ext)
			contacts, _ := b.ContactsOfCompany(ctx, c.ID)
			if err := b.InviteParticipant(ctx, w.ID, c.ID, model.FirstEmail(contacts), "hash-"+ext); err != nil {
				t.Fatal(err)
			}
			if _, err := b.Register(ctx, w.ID, c.ID); err != nil {
				t.Fatal(err)
			}
			if ext == "b" { // the foundry has filled a card
				f, err := b.CreateFlow(ctx, model.Flow{CompanyID: c.ID, Direction: model.Output, Family: model.FamilyWaste,
					Label: "Sable", Visibility: model.VisibilityPublic})
				if err != nil {
					t.Fatal(err)
				}
				if err := b.SetCards(ctx, w.ID, c.ID, []int64{f.ID}); err != nil {
					t.Fatal(err)
				}
			}
		}
		var sent []mail.Message
		r := &Reminders{Store: b.Storage, Mailer: recorder{&sent}, BaseURL: "https://symbiose.example",
			Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return clock }}
		clock = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC) // 16 days before the deadline: too early
		if n, err := r.Send(ctx); err != nil || n != 0 {
			t.Fatalf("too early: %d emails, %v", n, err)
		}
		clock = time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
		if n, err := r.Send(ctx); err != nil || n != 1 {
			t.Fatalf("five days before the deadline: %d emails, %v; want 1", n, err)
		}
		if sent[0].To[0] != "anne@rivaud.example" || !strings.Contains(sent[0].Text, "https://symbiose.example/b/") ||
			!strings.Contains(sent[0].Text, "Imprimerie Rivaud") {
			t.Fatalf("reminder %v:\n%s", sent[0].To, sent[0].Text)
		}
		if n, _ := r.Send(ctx); n != 0 {
			t.Fatalf("the same day again: %d emails", n)
		}
		// Two days before: both registered companies are reminded of the
		// day, once (the one without cards also of its cards, the cadence
		// having passed).
		clock = time.Date(2026, 12, 13, 10, 0, 0, 0, time.UTC)
		sent = nil
		if n, err := r.Send(ctx); err != nil || n != 3 {
			t.Fatalf("two days before: %d emails, %v; want 2 reminders of the day and 1 of the cards", n, err)
		}
		days := 0
		for _, m := range sent {
			if strings.HasPrefix(m.Subject, "Rappel : bourse") && strings.Contains(m.Text, "le 2026-12-15") {
				days++
			}
		}
		if days != 2 {
			t.Fatalf("%d reminders of the day: %+v", days, sent)
		}
		clock = clock.Add(20 * time.Hour)
		if n, _ := r.Send(ctx); n != 0 {
			t.Fatalf("the day before, again: %d emails", n)
		}
		clock = time.Date(2026, 12, 16, 9, 0, 0, 0, time.UTC) // the bourse is over
		if n, _ := r.Send(ctx); n != 0 {
			t.Fatalf("after the bourse: %d emails", n)
		}
	})
}
