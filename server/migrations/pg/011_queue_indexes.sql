-- PostgreSQL version of ../011_queue_indexes.sql: right(x, 4) is SQLite's substr(x, -4); a BEFORE trigger
-- fills the tails in the row being written.
ALTER TABLE cases ADD COLUMN phone_tail TEXT;
ALTER TABLE cases ADD COLUMN id_tail TEXT;
UPDATE cases SET phone_tail = right(phone_masked, 4), id_tail = right(id_masked, 4);
CREATE FUNCTION xfm_cases_tails() RETURNS trigger LANGUAGE plpgsql
AS $$ BEGIN
  NEW.phone_tail := right(NEW.phone_masked, 4);
  NEW.id_tail := right(NEW.id_masked, 4);
  RETURN NEW;
END $$;
CREATE TRIGGER cases_tails_insert BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION xfm_cases_tails();
CREATE TRIGGER cases_tails_update BEFORE UPDATE OF phone_masked, id_masked ON cases FOR EACH ROW EXECUTE FUNCTION xfm_cases_tails();
DROP INDEX IF EXISTS cases_status;
CREATE INDEX cases_status_queue ON cases(township, status, level_rank DESC, due_at, id);
CREATE INDEX cases_phone_tail ON cases(township, phone_tail);
CREATE INDEX cases_id_tail ON cases(township, id_tail);
CREATE INDEX cases_phone_tail_all ON cases(phone_tail);
CREATE INDEX cases_id_tail_all ON cases(id_tail);
