-- The synergy pipeline: who follows a synergy, what comes next, why it was
-- abandoned, and its nature (what kind of thing is exchanged or pooled).
ALTER TABLE synergies ADD COLUMN owner_id BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE synergies ADD COLUMN next_action TEXT NOT NULL DEFAULT '';
ALTER TABLE synergies ADD COLUMN next_action_on TEXT NOT NULL DEFAULT '';
ALTER TABLE synergies ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE synergies ADD COLUMN abandon_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE synergies ADD COLUMN nature TEXT NOT NULL DEFAULT '';
