-- Reminders (relances): every email sent by the reminder worker is logged;
-- people who unsubscribed are never written to again; each territory sets
-- its cadence.
CREATE TABLE mail_log (
	id BIGSERIAL PRIMARY KEY,
	at TEXT NOT NULL,
	territory_id BIGINT REFERENCES territories(id) ON DELETE CASCADE,
	kind TEXT NOT NULL,
	subject_key TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL,
	subject TEXT NOT NULL DEFAULT '',
	error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_log_key ON mail_log(kind, subject_key, at);

CREATE TABLE unsubscribed (
	email TEXT PRIMARY KEY,
	at TEXT NOT NULL
);

CREATE TABLE territory_settings (
	territory_id BIGINT PRIMARY KEY REFERENCES territories(id) ON DELETE CASCADE,
	reminder_days INTEGER NOT NULL DEFAULT 7,
	digest_weekday INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE secrets (
	name TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
