-- The policy library (政策库), editable by the county: one row per policy, seeded from shared/policies on first use.
CREATE TABLE policies (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  data_json TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_by TEXT
);

-- Screening parameters: each edit is a new dated version of every figure; history is never overwritten.
CREATE TABLE parameter_versions (
  id INTEGER PRIMARY KEY,
  effective_from TEXT NOT NULL UNIQUE,
  values_json TEXT NOT NULL,
  source TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  created_by TEXT NOT NULL
);
CREATE TRIGGER parameter_versions_no_update BEFORE UPDATE ON parameter_versions
BEGIN SELECT RAISE(ABORT, 'parameter_versions is append-only'); END;
CREATE TRIGGER parameter_versions_no_delete BEFORE DELETE ON parameter_versions
BEGIN SELECT RAISE(ABORT, 'parameter_versions is append-only'); END;

-- The audit viewer filters by who, what and when, newest first.
CREATE INDEX audit_log_actor ON audit_log(actor, id);
CREATE INDEX audit_log_action ON audit_log(action, id);
CREATE INDEX audit_log_at ON audit_log(at);

-- Statistics group cases by township and month, and look up each case's first contact.
CREATE INDEX cases_township_created ON cases(township, created_at);
CREATE INDEX case_events_type ON case_events(type, case_id, at);
