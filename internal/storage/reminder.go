package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"symbiose/internal/auth"
)

// MailLogEntry is one email the reminder worker sent (or failed to send).
type MailLogEntry struct {
	At          time.Time
	TerritoryID int64
	Kind        string // introduction, next_action, digest
	SubjectKey  string // what it is about: an introduction, a synergy, a week
	Email       string
	Subject     string
	Error       string
}

// LogMail records an email, at e.At when set (the sender's clock), now
// otherwise.
func (s *Storage) LogMail(ctx context.Context, e MailLogEntry) error {
	at := now()
	if !e.At.IsZero() {
		at = Stamp(e.At)
	}
	_, err := s.exec(ctx, `INSERT INTO mail_log (at, territory_id, kind, subject_key, email, subject, error) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		at, nullID(e.TerritoryID), e.Kind, e.SubjectKey, strings.ToLower(e.Email), e.Subject, e.Error)
	if err != nil {
		return fmt.Errorf("log mail: %w", err)
	}
	return nil
}

// LastMail returns when a kind of email about a subject was last sent
// without error, zero when never.
func (s *Storage) LastMail(ctx context.Context, kind, subjectKey string) (time.Time, error) {
	var at sql.NullString
	err := s.queryRow(ctx, `SELECT MAX(at) FROM mail_log WHERE kind = ? AND subject_key = ? AND error = ''`, kind, subjectKey).Scan(&at)
	if err != nil {
		return time.Time{}, fmt.Errorf("last mail: %w", err)
	}
	if !at.Valid {
		return time.Time{}, nil
	}
	return parseTime(at.String), nil
}

// MailLog returns a territory's latest emails, newest first.
func (s *Storage) MailLog(ctx context.Context, territoryID int64, limit int) ([]MailLogEntry, error) {
	rows, err := s.query(ctx, `SELECT at, COALESCE(territory_id, 0), kind, subject_key, email, subject, error FROM mail_log
		WHERE territory_id = ? ORDER BY id DESC LIMIT ?`, territoryID, limit)
	if err != nil {
		return nil, fmt.Errorf("read mail log: %w", err)
	}
	defer rows.Close()
	var out []MailLogEntry
	for rows.Next() {
		var e MailLogEntry
		var at string
		if err := rows.Scan(&at, &e.TerritoryID, &e.Kind, &e.SubjectKey, &e.Email, &e.Subject, &e.Error); err != nil {
			return nil, err
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Unsubscribe records that an address wants no more reminders.
func (s *Storage) Unsubscribe(ctx context.Context, email string) error {
	email = strings.ToLower(strings.TrimSpace(email))
	_, err := s.exec(ctx, `INSERT INTO unsubscribed (email, at) VALUES (?, ?) ON CONFLICT (email) DO NOTHING`, email, now())
	return err
}

// Unsubscribed reports whether an address asked for no more reminders.
func (s *Storage) Unsubscribed(ctx context.Context, email string) (bool, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM unsubscribed WHERE email = ?`, strings.ToLower(strings.TrimSpace(email))).Scan(&n)
	return n > 0, err
}

// ReminderSettings is a territory's reminder cadence.
type ReminderSettings struct {
	Days          int          // between two reminders about the same thing
	DigestWeekday time.Weekday // when facilitators get their weekly digest
	StaleDays     int          // without activity, a synergy is flagged after this many days
}

// ReminderSettingsOf returns a territory's cadence (7 days, digest on
// Monday, synergies flagged after 45 days unless set).
func (s *Storage) ReminderSettingsOf(ctx context.Context, territoryID int64) (ReminderSettings, error) {
	rs := ReminderSettings{Days: 7, DigestWeekday: time.Monday, StaleDays: 45}
	var days, weekday, stale int
	err := s.queryRow(ctx, `SELECT reminder_days, digest_weekday, stale_days FROM territory_settings WHERE territory_id = ?`,
		territoryID).Scan(&days, &weekday, &stale)
	if errors.Is(err, sql.ErrNoRows) {
		return rs, nil
	}
	if err != nil {
		return rs, fmt.Errorf("read reminder settings: %w", err)
	}
	return ReminderSettings{Days: days, DigestWeekday: time.Weekday(weekday), StaleDays: stale}, nil
}

// SetReminderSettings changes a territory's cadence.
func (s *Storage) SetReminderSettings(ctx context.Context, territoryID int64, rs ReminderSettings) error {
	if rs.StaleDays <= 0 {
		rs.StaleDays = 45
	}
	_, err := s.exec(ctx, `INSERT INTO territory_settings (territory_id, reminder_days, digest_weekday, stale_days) VALUES (?, ?, ?, ?)
		ON CONFLICT (territory_id) DO UPDATE SET reminder_days = excluded.reminder_days, digest_weekday = excluded.digest_weekday,
		stale_days = excluded.stale_days`,
		territoryID, rs.Days, int(rs.DigestWeekday), rs.StaleDays)
	return err
}

// Secret returns a named secret of the installation, made on first use
// (the key that signs unsubscribe links).
func (s *Storage) Secret(ctx context.Context, name string) (string, error) {
	if v, ok := s.secrets.Load(name); ok {
		return v.(string), nil // a page links every participant: read once
	}
	v, err := s.readSecret(ctx, name)
	if err == nil {
		s.secrets.Store(name, v)
	}
	return v, err
}

func (s *Storage) readSecret(ctx context.Context, name string) (string, error) {
	var v string
	err := s.queryRow(ctx, `SELECT value FROM secrets WHERE name = ?`, name).Scan(&v)
	if err == nil {
		return v, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	if _, err := s.exec(ctx, `INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`, name, auth.NewToken()); err != nil {
		return "", err
	}
	err = s.queryRow(ctx, `SELECT value FROM secrets WHERE name = ?`, name).Scan(&v)
	return v, err
}

// PendingIntroductions are the unanswered introductions of a territory.
func (s *Storage) PendingIntroductions(ctx context.Context, territoryID int64) ([]Introduction, error) {
	rows, err := s.query(ctx, `SELECT `+introColumns+` FROM introductions i JOIN companies c ON c.id = i.company_id
		WHERE c.territory_id = ? AND i.answer = '' AND i.email != '' ORDER BY i.id`, territoryID)
	if err != nil {
		return nil, fmt.Errorf("pending introductions: %w", err)
	}
	defer rows.Close()
	var out []Introduction
	for rows.Next() {
		in, err := scanIntro(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, rows.Err()
}

// RenewIntroductionLink gives an introduction a new link token (the old
// one stops working), for a reminder that carries the link again.
func (s *Storage) RenewIntroductionLink(ctx context.Context, id int64, tokenHash string) error {
	res, err := s.exec(ctx, `UPDATE introductions SET token_hash = ? WHERE id = ? AND answer = ''`, tokenHash, id)
	return affected(res, err, "renew introduction link")
}
