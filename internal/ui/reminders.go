package ui

import (
	"net/http"
	"strconv"
	"time"

	"symbiose/internal/storage"
)

type remindersData struct {
	Settings storage.ReminderSettings
	Weekdays []time.Weekday
	Log      []storage.MailLogEntry
	Mailer   bool // an SMTP server is configured: reminders go out
	Saved    bool
	Error    string
}

// reminders shows a territory's reminder cadence, to change it, and the
// emails the reminder worker sent, failures included.
func (u *UI) reminders(w http.ResponseWriter, r *http.Request) {
	t, user, err := u.managedTerritory(r)
	if err == nil && r.Method == http.MethodPost && !checkCSRF(r) {
		err = errForbiddenCSRF
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ctx := r.Context()
	d := remindersData{Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		Mailer: u.mailer != nil, Saved: r.URL.Query().Get("saved") != ""}
	status := http.StatusOK
	if r.Method == http.MethodPost {
		days, errDays := strconv.Atoi(r.PostFormValue("days"))
		weekday, errDay := strconv.Atoi(r.PostFormValue("weekday"))
		stale, errStale := strconv.Atoi(r.PostFormValue("stale_days"))
		if errDays != nil || days < 1 || days > 90 || errDay != nil || weekday < 1 || weekday > 5 ||
			errStale != nil || stale < 7 || stale > 365 {
			d.Error = "reminders.invalid"
			status = http.StatusBadRequest
		} else {
			rs := storage.ReminderSettings{Days: days, DigestWeekday: time.Weekday(weekday), StaleDays: stale}
			if err := u.store.SetReminderSettings(ctx, t.ID, rs); err != nil {
				u.fail(w, r, err)
				return
			}
			u.audit(r, user, t.ID, "update", "reminders", "", r.PostFormValue("days")+" days")
			http.Redirect(w, r, r.URL.Path+"?saved=1", http.StatusSeeOther)
			return
		}
	}
	if d.Settings, err = u.store.ReminderSettingsOf(ctx, t.ID); err != nil {
		u.fail(w, r, err)
		return
	}
	if d.Log, err = u.store.MailLog(ctx, t.ID, 200); err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, status, "reminders", u.page(r, "", d).withTerritory(t))
}
