-- Accounts, sessions, single-use links, API tokens and the audit log.
CREATE TABLE users (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	email TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL DEFAULT '',
	password_hash TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL,
	company_id INTEGER REFERENCES companies(id) ON DELETE CASCADE,
	locale TEXT NOT NULL DEFAULT 'fr',
	disabled INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL
);

CREATE TABLE user_territories (
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	territory_id INTEGER NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
	PRIMARY KEY (user_id, territory_id)
);

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE links (
	token_hash TEXT PRIMARY KEY,
	purpose TEXT NOT NULL,
	email TEXT NOT NULL DEFAULT '',
	user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
	company_id INTEGER REFERENCES companies(id) ON DELETE CASCADE,
	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	used_at TEXT NOT NULL DEFAULT ''
);

CREATE TABLE api_tokens (
	token_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	name TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	last_used_at TEXT NOT NULL DEFAULT ''
);

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	at TEXT NOT NULL,
	user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	territory_id INTEGER REFERENCES territories(id) ON DELETE CASCADE,
	action TEXT NOT NULL,
	entity TEXT NOT NULL DEFAULT '',
	entity_id TEXT NOT NULL DEFAULT '',
	detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_territory ON audit_log(territory_id, at);
