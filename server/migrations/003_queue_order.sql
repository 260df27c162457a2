-- The queue sorts by risk (red first) then due date; a stored rank lets an index serve that order.
-- The numbers are RISK_RANK in shared/cases/risk.ts; server/repositories/case-queue.test.ts checks they agree.
ALTER TABLE cases ADD COLUMN level_rank INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET level_rank = CASE level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END;
CREATE TRIGGER cases_level_rank_insert AFTER INSERT ON cases
BEGIN
  UPDATE cases SET level_rank = CASE NEW.level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END WHERE id = NEW.id;
END;
CREATE TRIGGER cases_level_rank_update AFTER UPDATE OF level ON cases
BEGIN
  UPDATE cases SET level_rank = CASE NEW.level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END WHERE id = NEW.id;
END;
DROP INDEX IF EXISTS cases_queue;
DROP INDEX IF EXISTS cases_queue_all;
CREATE INDEX cases_queue ON cases(township, level_rank DESC, due_at, id);
CREATE INDEX cases_queue_all ON cases(level_rank DESC, due_at, id);
CREATE INDEX cases_status ON cases(township, status);
