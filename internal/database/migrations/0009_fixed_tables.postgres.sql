-- A company of a bourse may keep the same table every round (the host, a
-- key company around which a table is built); 0 = seated by the plan.
ALTER TABLE workshop_participants ADD COLUMN fixed_table INTEGER NOT NULL DEFAULT 0;
