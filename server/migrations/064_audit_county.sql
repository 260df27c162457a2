-- The audit log by county (#16): each entry records the county of the account that acted, so a county admin reads
-- its own county's entries and a province admin reads every county's (or one). Entries of no account (the command
-- line, the system) carry the only county when the database holds one, else none: those only the province reads.
ALTER TABLE audit_log ADD COLUMN county TEXT;

-- Existing entries are given their actor's county once, here; the log is append-only again right after.
DROP TRIGGER audit_log_no_update;
UPDATE audit_log SET county = COALESCE(
  (SELECT county FROM staff_users WHERE staff_users.username = audit_log.actor),
  (SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1));
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE INDEX audit_log_county ON audit_log(county, id);
