-- Queue filters that must stay fast on 100k cases: status with the queue's own order, and the
-- last 4 digits of a phone or ID number (kept as plain columns; they are already shown masked).
ALTER TABLE cases ADD COLUMN phone_tail TEXT;
ALTER TABLE cases ADD COLUMN id_tail TEXT;
UPDATE cases SET phone_tail = substr(phone_masked, -4), id_tail = substr(id_masked, -4);
CREATE TRIGGER cases_tails_insert AFTER INSERT ON cases
BEGIN
  UPDATE cases SET phone_tail = substr(NEW.phone_masked, -4), id_tail = substr(NEW.id_masked, -4) WHERE id = NEW.id;
END;
CREATE TRIGGER cases_tails_update AFTER UPDATE OF phone_masked, id_masked ON cases
BEGIN
  UPDATE cases SET phone_tail = substr(NEW.phone_masked, -4), id_tail = substr(NEW.id_masked, -4) WHERE id = NEW.id;
END;
DROP INDEX IF EXISTS cases_status;
CREATE INDEX cases_status_queue ON cases(township, status, level_rank DESC, due_at, id);
CREATE INDEX cases_phone_tail ON cases(township, phone_tail);
CREATE INDEX cases_id_tail ON cases(township, id_tail);
CREATE INDEX cases_phone_tail_all ON cases(phone_tail);
CREATE INDEX cases_id_tail_all ON cases(id_tail);
