-- A territory's programme (objectives, timeline, partners, means), kept as
-- the JSON document internal/programme reads and checks.
CREATE TABLE programmes (
	territory_id BIGINT PRIMARY KEY REFERENCES territories(id) ON DELETE CASCADE,
	doc TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
