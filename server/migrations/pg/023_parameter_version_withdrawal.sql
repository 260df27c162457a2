-- PostgreSQL twin of 023: a version not yet in effect may be withdrawn once; nothing else about it changes.
-- PostgreSQL can drop the UNIQUE constraint and add columns in place, so no table rebuild is needed.
ALTER TABLE parameter_versions DROP CONSTRAINT parameter_versions_effective_from_key;
ALTER TABLE parameter_versions ADD COLUMN withdrawn_at TEXT;
ALTER TABLE parameter_versions ADD COLUMN withdrawn_by TEXT;
CREATE UNIQUE INDEX parameter_versions_standing ON parameter_versions(effective_from) WHERE withdrawn_at IS NULL;

DROP TRIGGER parameter_versions_no_update ON parameter_versions;

CREATE FUNCTION xfm_parameter_version_only_withdraw() RETURNS trigger LANGUAGE plpgsql
AS $$ BEGIN
  IF OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL OR NEW.withdrawn_by IS NULL
    OR NEW.id IS DISTINCT FROM OLD.id OR NEW.effective_from IS DISTINCT FROM OLD.effective_from
    OR NEW.values_json IS DISTINCT FROM OLD.values_json OR NEW.source IS DISTINCT FROM OLD.source
    OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.created_by IS DISTINCT FROM OLD.created_by THEN
    RAISE EXCEPTION 'parameter_versions is append-only: a version can only be withdrawn, once';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER parameter_versions_only_withdraw BEFORE UPDATE ON parameter_versions
  FOR EACH ROW EXECUTE FUNCTION xfm_parameter_version_only_withdraw();
