-- PostgreSQL twin of ../068_policies_by_county.sql: the column is added and the PRIMARY KEY swapped in place.
ALTER TABLE policies ADD COLUMN county TEXT;
ALTER TABLE policies DROP CONSTRAINT policies_pkey;
CREATE UNIQUE INDEX policies_county_id ON policies(county, id) WHERE county IS NOT NULL;
-- (NULLs are distinct in a UNIQUE index: the province-wide entries keep their own one-per-id index.)
CREATE UNIQUE INDEX policies_province_id ON policies(id) WHERE county IS NULL;
