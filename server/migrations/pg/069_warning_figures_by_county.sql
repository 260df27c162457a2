-- PostgreSQL twin of ../069_warning_figures_by_county.sql: the column is added and the PRIMARY KEY swapped in place.
ALTER TABLE warning_rule_figures ADD COLUMN county TEXT;
UPDATE warning_rule_figures SET county = (SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1);
ALTER TABLE warning_rule_figures DROP CONSTRAINT warning_rule_figures_pkey;
CREATE UNIQUE INDEX warning_rule_figures_county_source ON warning_rule_figures(county, source) WHERE county IS NOT NULL;
-- (NULLs are distinct in a UNIQUE index: figures of no county keep one row per source.)
CREATE UNIQUE INDEX warning_rule_figures_no_county_source ON warning_rule_figures(source) WHERE county IS NULL;
