-- How long a synergy may go without activity before the pipeline flags it,
-- per territory.
ALTER TABLE territory_settings ADD COLUMN stale_days INTEGER NOT NULL DEFAULT 45;
