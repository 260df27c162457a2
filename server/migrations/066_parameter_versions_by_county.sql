-- Screening parameters by county (#16): in Zhejiang each county sets its own 低保标准. A version saved by a county
-- is that county's; those saved before carry no county and are province-wide, in force in every county under the
-- county's own later versions. One standing version a day per county; the county, once saved, never changes.
ALTER TABLE parameter_versions ADD COLUMN county TEXT;
DROP INDEX parameter_versions_standing;
-- (NULLs are distinct in a UNIQUE index: the province-wide versions keep their own one-a-day index.)
CREATE UNIQUE INDEX parameter_versions_standing ON parameter_versions(effective_from) WHERE withdrawn_at IS NULL AND county IS NULL;
CREATE UNIQUE INDEX parameter_versions_standing_county ON parameter_versions(county, effective_from) WHERE withdrawn_at IS NULL AND county IS NOT NULL;

DROP TRIGGER parameter_versions_only_withdraw;
CREATE TRIGGER parameter_versions_only_withdraw BEFORE UPDATE ON parameter_versions
  WHEN OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL OR NEW.withdrawn_by IS NULL
    OR NEW.id IS NOT OLD.id OR NEW.effective_from IS NOT OLD.effective_from OR NEW.values_json IS NOT OLD.values_json
    OR NEW.source IS NOT OLD.source OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
    OR NEW.county IS NOT OLD.county
BEGIN SELECT RAISE(ABORT, 'parameter_versions is append-only: a version can only be withdrawn, once'); END;
