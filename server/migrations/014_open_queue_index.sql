-- The default queue (cases not yet closed) and its overdue view, served straight from one ordered index.
-- Within each risk rank the overdue cases are the start of the index's due-date range, so "overdue,
-- red first" reads only the page it returns, however many cases are overdue, instead of sorting them all.
CREATE INDEX cases_open_queue ON cases(township, level_rank DESC, due_at, id) WHERE closed_at IS NULL;
CREATE INDEX cases_open_queue_all ON cases(level_rank DESC, due_at, id) WHERE closed_at IS NULL;
