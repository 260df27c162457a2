-- The register (低收入人口库): one entry per person, found again by the same keyed HMAC as cases
-- (person_key), personal data only in subject_enc. Dates without a time (since, next visit, re-check)
-- are China dates, YYYY-MM-DD. village is '' when unknown, so the worklist can page on it.
CREATE TABLE households (
  id INTEGER PRIMARY KEY,
  person_key TEXT UNIQUE,
  township TEXT NOT NULL REFERENCES regions(code),
  village TEXT NOT NULL DEFAULT '',
  subject_enc BLOB NOT NULL,
  name_masked TEXT NOT NULL,
  phone_masked TEXT,
  id_masked TEXT,
  address_masked TEXT,
  category TEXT NOT NULL CHECK (category IN ('dibao', 'dibao_edge', 'tekun', 'expense', 'temporary', 'monitor', 'exited')),
  category_since TEXT NOT NULL,
  monitored_until TEXT,
  level TEXT NOT NULL CHECK (level IN ('red', 'yellow', 'blue')),
  unstable INTEGER NOT NULL DEFAULT 0,
  next_visit_on TEXT NOT NULL,
  next_review_on TEXT,
  last_visit_on TEXT,
  open_risks_json TEXT NOT NULL DEFAULT '{}',
  -- Keyed hash of the last imported roster row: the same row again changes nothing.
  import_fingerprint TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX households_worklist ON households(township, village, next_visit_on, id);
CREATE INDEX households_due ON households(township, next_visit_on);

-- Home visits (定期探访) and re-checks (复核): findings and notes encrypted; which risks were open after it in the clear.
CREATE TABLE household_visits (
  id INTEGER PRIMARY KEY,
  household_id INTEGER NOT NULL REFERENCES households(id),
  visited_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'review')),
  actor TEXT NOT NULL,
  level TEXT NOT NULL,
  findings_enc BLOB NOT NULL,
  open_risks_json TEXT NOT NULL,
  cleared_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX household_visits_household ON household_visits(household_id, id);

-- What happened to the entry: enrolled by a decision or an import, category and level changes, re-check decisions.
CREATE TABLE household_events (
  id INTEGER PRIMARY KEY,
  household_id INTEGER NOT NULL REFERENCES households(id),
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  case_id INTEGER REFERENCES cases(id),
  detail_json TEXT
);
CREATE INDEX household_events_household ON household_events(household_id, id);
CREATE TRIGGER household_events_no_update BEFORE UPDATE ON household_events
BEGIN SELECT RAISE(ABORT, 'household_events is append-only'); END;

-- Cases about the household that the person key alone cannot find (a case without an ID number or phone).
CREATE TABLE household_cases (
  household_id INTEGER NOT NULL REFERENCES households(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  PRIMARY KEY (household_id, case_id)
);
