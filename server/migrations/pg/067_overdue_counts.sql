-- PostgreSQL version of ../067_referrals_township.sql: the township copy is set before the row is written, the
-- generated county column is STORED (PostgreSQL 15 has no virtual ones).
ALTER TABLE referrals ADD COLUMN township TEXT;
UPDATE referrals SET township = cases.township FROM cases WHERE cases.id = referrals.case_id;
ALTER TABLE referrals ADD COLUMN county TEXT GENERATED ALWAYS AS (substr(township, 1, 6) || '000000') STORED;

CREATE FUNCTION xfm_referrals_township() RETURNS trigger LANGUAGE plpgsql
AS $$ BEGIN
  NEW.township := (SELECT township FROM cases WHERE id = NEW.case_id);
  RETURN NEW;
END $$;
CREATE TRIGGER referrals_township_insert BEFORE INSERT ON referrals
  FOR EACH ROW EXECUTE FUNCTION xfm_referrals_township();

CREATE FUNCTION xfm_referrals_follow_case() RETURNS trigger LANGUAGE plpgsql
AS $$ BEGIN
  UPDATE referrals SET township = NEW.township WHERE case_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER referrals_township_follow AFTER UPDATE OF township ON cases FOR EACH ROW
  WHEN (OLD.township IS DISTINCT FROM NEW.township)
  EXECUTE FUNCTION xfm_referrals_follow_case();

CREATE INDEX referrals_waiting_township ON referrals(township, accept_by) WHERE status = 'planned';
CREATE INDEX referrals_waiting_county ON referrals(county, accept_by) WHERE status = 'planned';

-- The county-wide overdue count (capped) as one due-date range, as cases_due (012) serves a township's.
CREATE INDEX cases_county_due ON cases(county, due_at) WHERE closed_at IS NULL;
