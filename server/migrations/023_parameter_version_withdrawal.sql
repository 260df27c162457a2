-- A screening-parameter version not yet in effect may be withdrawn (撤回). The row stays for the record;
-- the only change a version ever allows is being withdrawn once. A withdrawn version frees its date,
-- so the UNIQUE on effective_from becomes a unique index over versions still standing (table rebuilt:
-- SQLite cannot drop a column constraint).
CREATE TABLE parameter_versions_next (
  id INTEGER PRIMARY KEY,
  effective_from TEXT NOT NULL,
  values_json TEXT NOT NULL,
  source TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  created_by TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_by TEXT
);
INSERT INTO parameter_versions_next (id, effective_from, values_json, source, created_at, created_by)
  SELECT id, effective_from, values_json, source, created_at, created_by FROM parameter_versions;
DROP TABLE parameter_versions;
ALTER TABLE parameter_versions_next RENAME TO parameter_versions;
CREATE UNIQUE INDEX parameter_versions_standing ON parameter_versions(effective_from) WHERE withdrawn_at IS NULL;

CREATE TRIGGER parameter_versions_no_delete BEFORE DELETE ON parameter_versions
BEGIN SELECT RAISE(ABORT, 'parameter_versions is append-only'); END;
CREATE TRIGGER parameter_versions_only_withdraw BEFORE UPDATE ON parameter_versions
  WHEN OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL OR NEW.withdrawn_by IS NULL
    OR NEW.id IS NOT OLD.id OR NEW.effective_from IS NOT OLD.effective_from OR NEW.values_json IS NOT OLD.values_json
    OR NEW.source IS NOT OLD.source OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'parameter_versions is append-only: a version can only be withdrawn, once'); END;
