-- Introductions (mises en relation): each company of a synergy is asked,
-- through a link of its own, whether it wants to be put in touch; contact
-- details are shared only when all have accepted.
CREATE TABLE introductions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	synergy_id INTEGER NOT NULL REFERENCES synergies(id) ON DELETE CASCADE,
	company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	email TEXT NOT NULL DEFAULT '',
	answer TEXT NOT NULL DEFAULT '',
	answered_at TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX introductions_synergy ON introductions(synergy_id);
