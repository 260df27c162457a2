-- PostgreSQL version of ../065_warning_rules_by_county.sql: the column is added and the UNIQUE swapped in place;
-- the append-only triggers stay as they are.
ALTER TABLE warning_rule_versions ADD COLUMN county TEXT;
ALTER TABLE warning_rule_versions DROP CONSTRAINT warning_rule_versions_effective_from_key;
CREATE UNIQUE INDEX warning_rule_versions_county_day ON warning_rule_versions(county, effective_from) WHERE county IS NOT NULL;
-- (NULLs are distinct in a UNIQUE index: the province-wide versions keep their own one-a-day index.)
CREATE UNIQUE INDEX warning_rule_versions_province_day ON warning_rule_versions(effective_from) WHERE county IS NULL;
