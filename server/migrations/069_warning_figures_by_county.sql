-- foreign_keys: off
-- The warning-rule preview figures by county (#16): each county keeps the figures of its own last import of each
-- source, so one county's import no longer overwrites another's. Figures kept before belong to the only county (none
-- when the database holds several: then no county's preview counts on them). SQLite cannot drop a PRIMARY KEY in
-- place: the table is rebuilt.
CREATE TABLE warning_rule_figures_new (
  county TEXT,
  source TEXT NOT NULL,
  import_id INTEGER REFERENCES signal_imports(id),
  figures_json TEXT NOT NULL,
  saved_at TEXT NOT NULL
);
INSERT INTO warning_rule_figures_new (county, source, import_id, figures_json, saved_at)
  SELECT (SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1), source, import_id, figures_json, saved_at
  FROM warning_rule_figures;
DROP TABLE warning_rule_figures;
ALTER TABLE warning_rule_figures_new RENAME TO warning_rule_figures;
CREATE UNIQUE INDEX warning_rule_figures_county_source ON warning_rule_figures(county, source) WHERE county IS NOT NULL;
-- (NULLs are distinct in a UNIQUE index: figures of no county keep one row per source.)
CREATE UNIQUE INDEX warning_rule_figures_no_county_source ON warning_rule_figures(source) WHERE county IS NULL;
