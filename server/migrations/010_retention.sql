-- Retention: closed cases past the retention period keep their statistics but lose personal data.
-- The timeline stays append-only, except that a redaction may clear an event's encrypted detail.
DROP TRIGGER case_events_no_update;
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
WHEN NOT (NEW.detail_enc IS NULL AND NEW.id = OLD.id AND NEW.case_id = OLD.case_id AND NEW.at = OLD.at
          AND NEW.type = OLD.type AND NEW.actor = OLD.actor AND NEW.public_text IS OLD.public_text)
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
ALTER TABLE cases ADD COLUMN redacted_at TEXT;
CREATE INDEX cases_closed ON cases(closed_at) WHERE closed_at IS NOT NULL AND redacted_at IS NULL;
