-- PostgreSQL version of ../070_county_written_on_insert.sql. The county columns of 063 and 067 become plain columns the
-- repositories fill on INSERT (server/repositories/dialect.ts countyOnInsert), so the value travels in the statement
-- as a sharded PostgreSQL (Citus) needs to route it (citusdata/citus#2879). A BEFORE trigger still derives it from
-- the township, as the generated column did, so no writer can store a county that disagrees with the township.
CREATE FUNCTION xfm_county_of_township() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.county := substr(NEW.township, 1, 6) || '000000';
  RETURN NEW;
END $$;

ALTER TABLE cases ALTER COLUMN county DROP EXPRESSION;
ALTER TABLE cases ALTER COLUMN county SET NOT NULL;
CREATE TRIGGER cases_county BEFORE INSERT OR UPDATE OF township ON cases FOR EACH ROW EXECUTE FUNCTION xfm_county_of_township();

ALTER TABLE households ALTER COLUMN county DROP EXPRESSION;
ALTER TABLE households ALTER COLUMN county SET NOT NULL;
CREATE TRIGGER households_county BEFORE INSERT OR UPDATE OF township ON households FOR EACH ROW EXECUTE FUNCTION xfm_county_of_township();

ALTER TABLE entry_points ALTER COLUMN county DROP EXPRESSION;
ALTER TABLE entry_points ALTER COLUMN county SET NOT NULL;
CREATE TRIGGER entry_points_county BEFORE INSERT OR UPDATE OF township ON entry_points FOR EACH ROW EXECUTE FUNCTION xfm_county_of_township();

-- A referral's township is its case's (067, copied by trigger); its county follows whichever township it holds.
ALTER TABLE referrals ALTER COLUMN county DROP EXPRESSION;
CREATE OR REPLACE FUNCTION xfm_referrals_township() RETURNS trigger LANGUAGE plpgsql
AS $$ BEGIN
  NEW.township := (SELECT township FROM cases WHERE id = NEW.case_id);
  NEW.county := substr(NEW.township, 1, 6) || '000000';
  RETURN NEW;
END $$;
CREATE TRIGGER referrals_county BEFORE UPDATE OF township ON referrals FOR EACH ROW EXECUTE FUNCTION xfm_county_of_township();
