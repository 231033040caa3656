-- Territories, directory, flows, synergies, campaigns and workshops.
-- Text columns are NOT NULL DEFAULT '' so that "absent" has one spelling;
-- numbers that may be unknown are nullable. Dates are ISO text in both dialects.
CREATE TABLE territories (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL
);

CREATE TABLE companies (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	territory_id INTEGER NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
	ext_id TEXT NOT NULL,
	name TEXT NOT NULL,
	siret TEXT NOT NULL DEFAULT '',
	naf TEXT NOT NULL DEFAULT '',
	employees INTEGER,
	address TEXT NOT NULL DEFAULT '',
	postcode TEXT NOT NULL DEFAULT '',
	city TEXT NOT NULL DEFAULT '',
	lat REAL,
	lon REAL,
	zone TEXT NOT NULL DEFAULT '',
	tags TEXT NOT NULL DEFAULT '',
	attrs TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL,
	UNIQUE (territory_id, ext_id)
);

CREATE TABLE contacts (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
	name TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_company ON contacts(company_id);

CREATE TABLE flows (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	territory_id INTEGER NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
	company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
	ext_id TEXT NOT NULL,
	direction TEXT NOT NULL,
	family TEXT NOT NULL,
	label TEXT NOT NULL,
	resource TEXT NOT NULL DEFAULT '',
	resource_confidence REAL,
	ewc TEXT NOT NULL DEFAULT '',
	hazardous INTEGER NOT NULL DEFAULT 0,
	quantity REAL,
	unit TEXT NOT NULL DEFAULT '',
	period TEXT NOT NULL DEFAULT '',
	quality TEXT NOT NULL DEFAULT '',
	available_from TEXT NOT NULL DEFAULT '',
	available_until TEXT NOT NULL DEFAULT '',
	cost_eur REAL,
	treatment TEXT NOT NULL DEFAULT '',
	visibility TEXT NOT NULL DEFAULT 'anonymous',
	attrs TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL,
	UNIQUE (territory_id, ext_id)
);
CREATE INDEX flows_company ON flows(company_id);
CREATE INDEX flows_resource ON flows(territory_id, resource);

CREATE TABLE synergies (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	territory_id INTEGER NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
	ext_id TEXT NOT NULL,
	type TEXT NOT NULL,
	status TEXT NOT NULL,
	output_flow_id INTEGER REFERENCES flows(id) ON DELETE SET NULL,
	input_flow_id INTEGER REFERENCES flows(id) ON DELETE SET NULL,
	output_company_id INTEGER REFERENCES companies(id) ON DELETE SET NULL,
	input_company_id INTEGER REFERENCES companies(id) ON DELETE SET NULL,
	resource TEXT NOT NULL DEFAULT '',
	label TEXT NOT NULL DEFAULT '',
	quantity REAL,
	unit TEXT NOT NULL DEFAULT '',
	period TEXT NOT NULL DEFAULT '',
	started_on TEXT NOT NULL DEFAULT '',
	attrs TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL,
	UNIQUE (territory_id, ext_id)
);
CREATE INDEX synergies_status ON synergies(territory_id, status);

CREATE TABLE synergy_companies (
	synergy_id INTEGER NOT NULL REFERENCES synergies(id) ON DELETE CASCADE,
	company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	PRIMARY KEY (synergy_id, company_id)
);

CREATE TABLE synergy_events (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	synergy_id INTEGER NOT NULL REFERENCES synergies(id) ON DELETE CASCADE,
	at TEXT NOT NULL,
	from_status TEXT NOT NULL DEFAULT '',
	to_status TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX synergy_events_synergy ON synergy_events(synergy_id);

CREATE TABLE campaigns (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	territory_id INTEGER NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	started_on TEXT NOT NULL DEFAULT '',
	ended_on TEXT NOT NULL DEFAULT '',
	UNIQUE (territory_id, name)
);

CREATE TABLE campaign_visits (
	campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
	company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
	visited_on TEXT NOT NULL DEFAULT '',
	visited_by TEXT NOT NULL DEFAULT '',
	completeness INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (campaign_id, company_id)
);

CREATE TABLE workshops (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	territory_id INTEGER NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
	ext_id TEXT NOT NULL,
	title TEXT NOT NULL,
	date TEXT NOT NULL DEFAULT '',
	place TEXT NOT NULL DEFAULT '',
	UNIQUE (territory_id, ext_id)
);

CREATE TABLE workshop_participants (
	workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
	PRIMARY KEY (workshop_id, company_id)
);
