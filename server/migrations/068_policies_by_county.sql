-- foreign_keys: off
-- The policy library by county (#16): each county keeps its own entries. Entries stored before carry no county: they
-- are province-wide, in every county's library until the county saves its own entry of the same id over them. An id
-- is unique per county, not in the whole database (SQLite cannot drop a PRIMARY KEY in place: the table is rebuilt).
CREATE TABLE policies_new (
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  data_json TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_by TEXT,
  county TEXT
);
INSERT INTO policies_new (id, position, data_json, updated_at, updated_by, county)
  SELECT id, position, data_json, updated_at, updated_by, NULL FROM policies;
DROP TABLE policies;
ALTER TABLE policies_new RENAME TO policies;
CREATE UNIQUE INDEX policies_county_id ON policies(county, id) WHERE county IS NOT NULL;
-- (NULLs are distinct in a UNIQUE index: the province-wide entries keep their own one-per-id index.)
CREATE UNIQUE INDEX policies_province_id ON policies(id) WHERE county IS NULL;
