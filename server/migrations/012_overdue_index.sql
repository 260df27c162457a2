-- Overdue pages sort by risk within the overdue set: carry level_rank in the index so that sort
-- never reads whole rows.
DROP INDEX IF EXISTS cases_due;
CREATE INDEX cases_due ON cases(township, due_at, level_rank) WHERE closed_at IS NULL;
CREATE INDEX cases_due_all ON cases(due_at, level_rank) WHERE closed_at IS NULL;
