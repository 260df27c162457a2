-- The figures above the queue. Planned referrals past their accept-by date are counted per township or county:
-- joining every overdue planned referral to its case (or every case of the township to the referrals) grows with the whole
-- table; a copy of the case's township on the referral makes the count one short range of a partial index.
-- The triggers keep the copy equal to the case's township: filled on insert, followed when a case moves.
ALTER TABLE referrals ADD COLUMN township TEXT;
UPDATE referrals SET township = (SELECT township FROM cases WHERE cases.id = referrals.case_id);
ALTER TABLE referrals ADD COLUMN county TEXT GENERATED ALWAYS AS (substr(township, 1, 6) || '000000') VIRTUAL;

CREATE TRIGGER referrals_township_insert AFTER INSERT ON referrals
BEGIN
  UPDATE referrals SET township = (SELECT township FROM cases WHERE id = NEW.case_id) WHERE id = NEW.id;
END;
CREATE TRIGGER referrals_township_follow AFTER UPDATE OF township ON cases
WHEN OLD.township IS NOT NEW.township
BEGIN
  UPDATE referrals SET township = NEW.township WHERE case_id = NEW.id;
END;

CREATE INDEX referrals_waiting_township ON referrals(township, accept_by) WHERE status = 'planned';
CREATE INDEX referrals_waiting_county ON referrals(county, accept_by) WHERE status = 'planned';

-- The county-wide overdue count (capped) as one due-date range, as cases_due (012) serves a township's.
CREATE INDEX cases_county_due ON cases(county, due_at) WHERE closed_at IS NULL;
