-- PostgreSQL version of ../010_retention.sql: the timeline stays append-only, except that a redaction may
-- clear an event's encrypted detail. (Here submission_id may not change either.)
DROP TRIGGER case_events_no_update ON case_events;
CREATE FUNCTION xfm_case_events_only_redact() RETURNS trigger LANGUAGE plpgsql
AS $$ BEGIN
  IF NEW.detail_enc IS NULL AND NEW.id = OLD.id AND NEW.case_id = OLD.case_id AND NEW.at = OLD.at
     AND NEW.type = OLD.type AND NEW.actor = OLD.actor AND NEW.public_text IS NOT DISTINCT FROM OLD.public_text
     AND NEW.submission_id IS NOT DISTINCT FROM OLD.submission_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'case_events is append-only';
END $$;
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events FOR EACH ROW EXECUTE FUNCTION xfm_case_events_only_redact();
ALTER TABLE cases ADD COLUMN redacted_at TEXT;
CREATE INDEX cases_closed ON cases(closed_at) WHERE closed_at IS NOT NULL AND redacted_at IS NULL;
