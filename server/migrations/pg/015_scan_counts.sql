-- PostgreSQL version of ../015_scan_counts.sql (PostgreSQL has no WITHOUT ROWID; the primary key is the index).
CREATE TABLE scan_counts (
  entry_code TEXT NOT NULL REFERENCES entry_points(code),
  day TEXT NOT NULL,
  scans INTEGER NOT NULL,
  PRIMARY KEY (entry_code, day)
);
