-- PostgreSQL version of ../063_county_tenancy.sql: staff_users keeps its rows and swaps its CHECKs in place, and the
-- generated county columns are STORED (PostgreSQL 15 has no virtual ones).
ALTER TABLE staff_users ADD COLUMN county TEXT;
UPDATE staff_users SET county = CASE WHEN township IS NOT NULL THEN substr(township, 1, 6) || '000000'
  ELSE (SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1) END;
ALTER TABLE staff_users DROP CONSTRAINT staff_users_role_check;
ALTER TABLE staff_users DROP CONSTRAINT staff_users_check;
ALTER TABLE staff_users ADD CONSTRAINT staff_users_role_check
  CHECK (role IN ('county_admin', 'township_staff', 'viewer', 'partner', 'province_admin'));
ALTER TABLE staff_users ADD CONSTRAINT staff_users_check CHECK (role IN ('county_admin', 'viewer', 'partner', 'province_admin') OR township IS NOT NULL);
ALTER TABLE staff_users ADD CONSTRAINT staff_users_province_check CHECK (role <> 'province_admin' OR (township IS NULL AND county IS NULL));
CREATE INDEX staff_users_county ON staff_users(county, township);

ALTER TABLE cases ADD COLUMN county TEXT GENERATED ALWAYS AS (substr(township, 1, 6) || '000000') STORED;
ALTER TABLE households ADD COLUMN county TEXT GENERATED ALWAYS AS (substr(township, 1, 6) || '000000') STORED;
ALTER TABLE entry_points ADD COLUMN county TEXT GENERATED ALWAYS AS (substr(township, 1, 6) || '000000') STORED;

CREATE INDEX cases_county_status_queue ON cases(county, status, level_rank DESC, due_at, id);
CREATE INDEX cases_county_open_queue ON cases(county, level_rank DESC, due_at, id) WHERE closed_at IS NULL;
CREATE INDEX cases_county_created ON cases(county, created_at);
CREATE INDEX households_county_worklist ON households(county, village, next_visit_on, id);
CREATE INDEX households_county_due ON households(county, next_visit_on, category, monitored_until);
CREATE INDEX entry_points_county ON entry_points(county, township);

ALTER TABLE resources ADD COLUMN county TEXT;
UPDATE resources SET county = CASE WHEN township IS NOT NULL THEN substr(township, 1, 6) || '000000'
  ELSE (SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1) END;
CREATE INDEX resources_county ON resources(county, name);

ALTER TABLE signal_imports ADD COLUMN county TEXT;
UPDATE signal_imports SET county = (SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1);
CREATE INDEX signal_imports_county_created ON signal_imports(county, created_at, id);
