-- A case is one person/household in one township. Personal data lives only in *_enc columns
-- (AES-256-GCM); person_key is a keyed HMAC so duplicates are found without plaintext.
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  township TEXT NOT NULL REFERENCES regions(code),
  village TEXT REFERENCES regions(code),
  person_key TEXT,
  subject_enc BLOB NOT NULL,
  -- Masked forms (张*明, 138****5678) are what lists show and what search matches.
  name_masked TEXT NOT NULL,
  phone_masked TEXT,
  id_masked TEXT,
  address_masked TEXT,
  source TEXT NOT NULL CHECK (source IN ('self', 'report')),
  status TEXT NOT NULL DEFAULT 'new',
  level TEXT NOT NULL CHECK (level IN ('red', 'yellow', 'blue', 'none')),
  level_reason TEXT,
  target_class TEXT,
  answers_json TEXT,
  result_json TEXT,
  rules_version TEXT,
  situations_json TEXT,
  assignee_id INTEGER REFERENCES staff_users(id),
  due_at TEXT,
  next_visit_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE INDEX cases_person_open ON cases(township, person_key) WHERE closed_at IS NULL;
CREATE INDEX cases_queue ON cases(township, status, level, due_at, id);
CREATE INDEX cases_queue_all ON cases(status, level, due_at, id);
CREATE INDEX cases_due ON cases(township, due_at) WHERE closed_at IS NULL;

-- Each request or report: its own idempotency key and tracking code, joined to one case.
CREATE TABLE submissions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('request', 'report')),
  request_id TEXT NOT NULL UNIQUE,
  tracking_code TEXT NOT NULL UNIQUE,
  entry_code TEXT REFERENCES entry_points(code),
  payload_enc BLOB NOT NULL,
  reporter_relation TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX submissions_case ON submissions(case_id);

-- The timeline is append-only; public_text is what the tracking page may show.
CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  submission_id INTEGER REFERENCES submissions(id),
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  public_text TEXT,
  detail_enc BLOB
);
CREATE INDEX case_events_case ON case_events(case_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

-- Completed self-checks per entry point and day (no personal data), for the county's funnel.
CREATE TABLE screening_counts (
  entry_code TEXT NOT NULL,
  day TEXT NOT NULL,
  completed INTEGER NOT NULL DEFAULT 0,
  suspected INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entry_code, day)
);
