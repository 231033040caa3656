package server

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"symbiose/internal/storage"
)

// A facilitator sets the territory's cadence and sees the emails sent.
func TestRemindersPage(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	path := fmt.Sprintf("/t/%d/reminders", f.Demo.ID)
	if err := f.LogMail(ctx, storage.MailLogEntry{TerritoryID: f.Demo.ID, Kind: "next_action", SubjectKey: "1:2026-11-01",
		Email: "claire@example.org", Subject: "Action en retard : Sciure vers chaufferie"}); err != nil {
		t.Fatal(err)
	}
	if err := f.LogMail(ctx, storage.MailLogEntry{TerritoryID: f.Other.ID, Kind: "digest", Email: "x@other.example",
		Subject: "Résumé d'un autre territoire"}); err != nil {
		t.Fatal(err)
	}
	rec := f.do("facilitator", "GET", path, nil)
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, "Action en retard : Sciure vers chaufferie") || !strings.Contains(body, "Action en retard</td>") {
		t.Fatalf("reminders page %d:\n%s", rec.Code, body)
	}
	if strings.Contains(body, "autre territoire") {
		t.Fatal("the page shows another territory's emails")
	}
	rec = f.do("facilitator", "POST", path, url.Values{"csrf": {f.CSRF["facilitator"]}, "days": {"14"}, "weekday": {"3"}, "stale_days": {"30"}})
	if rec.Code != 303 {
		t.Fatalf("save: %d %s", rec.Code, rec.Body.String())
	}
	rs, err := f.ReminderSettingsOf(ctx, f.Demo.ID)
	if err != nil || rs.Days != 14 || rs.DigestWeekday != time.Wednesday || rs.StaleDays != 30 {
		t.Fatalf("settings after save: %+v, %v", rs, err)
	}
	rec = f.do("facilitator", "POST", path, url.Values{"csrf": {f.CSRF["facilitator"]}, "days": {"365"}, "weekday": {"3"}, "stale_days": {"30"}})
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "entre 1 et 90") {
		t.Fatalf("invalid delay: %d", rec.Code)
	}
	if rs, _ := f.ReminderSettingsOf(ctx, f.Demo.ID); rs.Days != 14 {
		t.Fatalf("an invalid form changed the settings: %+v", rs)
	}
}
