-- PostgreSQL version of ../064_audit_county.sql: the append-only trigger is switched off for the one backfill.
ALTER TABLE audit_log ADD COLUMN county TEXT;

ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
UPDATE audit_log SET county = COALESCE(
  (SELECT county FROM staff_users WHERE staff_users.username = audit_log.actor),
  (SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1));
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;

CREATE INDEX audit_log_county ON audit_log(county, id);
