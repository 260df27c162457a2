-- PostgreSQL version of ../050_warnings.sql: the CHECK widens in place, no rebuild.
ALTER TABLE cases DROP CONSTRAINT cases_source_check;
ALTER TABLE cases ADD CONSTRAINT cases_source_check CHECK (source IN ('self', 'report', 'warning'));
ALTER TABLE cases ADD COLUMN escalated_at TEXT;
CREATE INDEX cases_open_person_any ON cases(person_key) WHERE closed_at IS NULL AND person_key IS NOT NULL;

CREATE TABLE warning_keys (
  warning_key TEXT PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  raised_at TEXT NOT NULL
);
