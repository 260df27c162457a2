-- PostgreSQL version of ../003_queue_order.sql. A BEFORE trigger sets level_rank in the row being written, so
-- there is no second write of the row (what SQLite's AFTER triggers needed, and 016 later trimmed).
ALTER TABLE cases ADD COLUMN level_rank INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET level_rank = CASE level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END;
CREATE FUNCTION xfm_cases_level_rank() RETURNS trigger LANGUAGE plpgsql
AS $$ BEGIN
  NEW.level_rank := CASE NEW.level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END;
  RETURN NEW;
END $$;
CREATE TRIGGER cases_level_rank_insert BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION xfm_cases_level_rank();
CREATE TRIGGER cases_level_rank_update BEFORE UPDATE OF level ON cases FOR EACH ROW EXECUTE FUNCTION xfm_cases_level_rank();
DROP INDEX IF EXISTS cases_queue;
DROP INDEX IF EXISTS cases_queue_all;
CREATE INDEX cases_queue ON cases(township, level_rank DESC, due_at, id);
CREATE INDEX cases_queue_all ON cases(level_rank DESC, due_at, id);
CREATE INDEX cases_status ON cases(township, status);
