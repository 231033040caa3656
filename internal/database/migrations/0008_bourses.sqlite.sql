-- Bourses inter-entreprises: the event's settings and plan, invitations
-- with a personal link, registrations and waiting list, staff, cards (the
-- flows a company brings), interests recorded live and the survey.
ALTER TABLE workshops ADD COLUMN capacity INTEGER NOT NULL DEFAULT 0;
ALTER TABLE workshops ADD COLUMN table_size INTEGER NOT NULL DEFAULT 5;
ALTER TABLE workshops ADD COLUMN rounds INTEGER NOT NULL DEFAULT 3;
ALTER TABLE workshops ADD COLUMN cards_due TEXT NOT NULL DEFAULT '';
ALTER TABLE workshops ADD COLUMN plan TEXT NOT NULL DEFAULT '';
ALTER TABLE workshops ADD COLUMN closed_at TEXT NOT NULL DEFAULT '';

-- Rows from imported datasets are companies that took part.
ALTER TABLE workshop_participants ADD COLUMN status TEXT NOT NULL DEFAULT 'registered';
ALTER TABLE workshop_participants ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE workshop_participants ADD COLUMN token_hash TEXT;
ALTER TABLE workshop_participants ADD COLUMN invited_at TEXT NOT NULL DEFAULT '';
ALTER TABLE workshop_participants ADD COLUMN answered_at TEXT NOT NULL DEFAULT '';
ALTER TABLE workshop_participants ADD COLUMN survey_score INTEGER NOT NULL DEFAULT 0;
ALTER TABLE workshop_participants ADD COLUMN survey_comment TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX workshop_participants_token ON workshop_participants(token_hash);

CREATE TABLE workshop_staff (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	role TEXT NOT NULL,
	name TEXT NOT NULL,
	email TEXT NOT NULL DEFAULT '',
	table_no INTEGER NOT NULL DEFAULT 0,
	token_hash TEXT NOT NULL UNIQUE
);

CREATE TABLE workshop_pairs (
	workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	a INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
	b INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
	kind TEXT NOT NULL,
	PRIMARY KEY (workshop_id, a, b)
);

CREATE TABLE workshop_cards (
	workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	flow_id INTEGER NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
	PRIMARY KEY (workshop_id, flow_id)
);

CREATE TABLE workshop_interests (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	client_id TEXT NOT NULL,
	round INTEGER NOT NULL DEFAULT 0,
	table_no INTEGER NOT NULL DEFAULT 0,
	company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
	flow_id INTEGER NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
	note TEXT NOT NULL DEFAULT '',
	recorded_by TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	synergy_id INTEGER REFERENCES synergies(id) ON DELETE SET NULL,
	UNIQUE (workshop_id, client_id)
);
