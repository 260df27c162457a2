-- foreign_keys: off
-- Warning rules by county (#16): each county keeps its own dated versions. Versions saved before carry no county:
-- they are province-wide and stay in force in every county, under the county's own later versions. The date is now
-- unique per county, not in the whole database (SQLite cannot drop a UNIQUE in place: the table is rebuilt, and its
-- append-only triggers with it).
CREATE TABLE warning_rule_versions_new (
  id INTEGER PRIMARY KEY,
  effective_from TEXT NOT NULL,
  values_json TEXT NOT NULL,
  source TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  county TEXT
);
INSERT INTO warning_rule_versions_new (id, effective_from, values_json, source, created_at, created_by, county)
  SELECT id, effective_from, values_json, source, created_at, created_by, NULL FROM warning_rule_versions;
DROP TABLE warning_rule_versions;
ALTER TABLE warning_rule_versions_new RENAME TO warning_rule_versions;
CREATE UNIQUE INDEX warning_rule_versions_county_day ON warning_rule_versions(county, effective_from) WHERE county IS NOT NULL;
-- (NULLs are distinct in a UNIQUE index: the province-wide versions keep their own one-a-day index.)
CREATE UNIQUE INDEX warning_rule_versions_province_day ON warning_rule_versions(effective_from) WHERE county IS NULL;
CREATE TRIGGER warning_rule_versions_no_update BEFORE UPDATE ON warning_rule_versions
BEGIN SELECT RAISE(ABORT, 'warning_rule_versions is append-only'); END;
CREATE TRIGGER warning_rule_versions_no_delete BEFORE DELETE ON warning_rule_versions
BEGIN SELECT RAISE(ABORT, 'warning_rule_versions is append-only'); END;
