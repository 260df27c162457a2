-- SQLite keeps the county columns of 063 and 067 generated from the township: one file has no shards to route.
-- PostgreSQL makes them plain columns that every INSERT fills (pg/070), so that a sharded PostgreSQL (Citus) could
-- distribute cases, households, 幸福码 and referrals by county: Citus routes an INSERT by the distribution column's value in the
-- statement, and a generated column has no value there (citusdata/citus#2879).
SELECT 1;
