-- foreign_keys: off
-- (SQLite cannot widen a CHECK in place: staff_users is rebuilt, as in 040.)

-- Tenancy by county (#16): one database may hold a whole province. Every shared table that scoping reads carries the
-- county's 12-digit region code (the first 6 digits of any code under it, then 000000), so a county admin's reads
-- filter on it and a later Citus could distribute by it. Where a township is already stored the county is a
-- generated column: no INSERT changes and it can never disagree with the township.

-- A province admin (province_admin) has no county and no township: it reads statistics and ledgers of every county.
-- Every other account belongs to one county; existing accounts take their township's county, or the only county.
CREATE TABLE staff_users_new (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('county_admin', 'township_staff', 'viewer', 'partner', 'province_admin')),
  township TEXT REFERENCES regions(code),
  must_change_password INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  resource_id INTEGER REFERENCES resources(id),
  county TEXT,
  CHECK (role IN ('county_admin', 'viewer', 'partner', 'province_admin') OR township IS NOT NULL),
  CHECK ((role = 'partner') = (resource_id IS NOT NULL)),
  CHECK (role <> 'province_admin' OR (township IS NULL AND county IS NULL))
);
INSERT INTO staff_users_new (id, username, password_hash, role, township, must_change_password, disabled, failed_logins, locked_until, created_at, resource_id, county)
  SELECT id, username, password_hash, role, township, must_change_password, disabled, failed_logins, locked_until, created_at, resource_id,
    CASE WHEN township IS NOT NULL THEN substr(township, 1, 6) || '000000'
      ELSE (SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1) END
  FROM staff_users;
DROP TABLE staff_users;
ALTER TABLE staff_users_new RENAME TO staff_users;
CREATE INDEX staff_users_county ON staff_users(county, township);

ALTER TABLE cases ADD COLUMN county TEXT GENERATED ALWAYS AS (substr(township, 1, 6) || '000000') VIRTUAL;
ALTER TABLE households ADD COLUMN county TEXT GENERATED ALWAYS AS (substr(township, 1, 6) || '000000') VIRTUAL;
ALTER TABLE entry_points ADD COLUMN county TEXT GENERATED ALWAYS AS (substr(township, 1, 6) || '000000') VIRTUAL;

-- County-leading twins of the indexes a county-wide read uses (queue, counts, statistics, ledgers, register).
CREATE INDEX cases_county_status_queue ON cases(county, status, level_rank DESC, due_at, id);
CREATE INDEX cases_county_open_queue ON cases(county, level_rank DESC, due_at, id) WHERE closed_at IS NULL;
CREATE INDEX cases_county_created ON cases(county, created_at);
CREATE INDEX households_county_worklist ON households(county, village, next_visit_on, id);
CREATE INDEX households_county_due ON households(county, next_visit_on, category, monitored_until);
CREATE INDEX entry_points_county ON entry_points(county, township);

-- Resources have no township when county-wide, and imports none at all: a plain county, filled from the township or
-- the only county.
ALTER TABLE resources ADD COLUMN county TEXT;
UPDATE resources SET county = CASE WHEN township IS NOT NULL THEN substr(township, 1, 6) || '000000'
  ELSE (SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1) END;
CREATE INDEX resources_county ON resources(county, name);

ALTER TABLE signal_imports ADD COLUMN county TEXT;
UPDATE signal_imports SET county = (SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1);
CREATE INDEX signal_imports_county_created ON signal_imports(county, created_at, id);
