-- PostgreSQL twin of ../066_parameter_versions_by_county.sql: the trigger's function is replaced in place.
ALTER TABLE parameter_versions ADD COLUMN county TEXT;
DROP INDEX parameter_versions_standing;
-- (NULLs are distinct in a UNIQUE index: the province-wide versions keep their own one-a-day index.)
CREATE UNIQUE INDEX parameter_versions_standing ON parameter_versions(effective_from) WHERE withdrawn_at IS NULL AND county IS NULL;
CREATE UNIQUE INDEX parameter_versions_standing_county ON parameter_versions(county, effective_from) WHERE withdrawn_at IS NULL AND county IS NOT NULL;

CREATE OR REPLACE FUNCTION xfm_parameter_version_only_withdraw() RETURNS trigger LANGUAGE plpgsql
AS $$ BEGIN
  IF OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL OR NEW.withdrawn_by IS NULL
    OR NEW.id IS DISTINCT FROM OLD.id OR NEW.effective_from IS DISTINCT FROM OLD.effective_from
    OR NEW.values_json IS DISTINCT FROM OLD.values_json OR NEW.source IS DISTINCT FROM OLD.source
    OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.created_by IS DISTINCT FROM OLD.created_by
    OR NEW.county IS DISTINCT FROM OLD.county THEN
    RAISE EXCEPTION 'parameter_versions is append-only: a version can only be withdrawn, once';
  END IF;
  RETURN NEW;
END $$;
