-- Scans per code per day (China date), like screening_counts, so statistics can show scans for any
-- period and month. entry_points.scan_count stays the all-time total; scans before this migration
-- have no date and appear only there.
CREATE TABLE scan_counts (
  entry_code TEXT NOT NULL REFERENCES entry_points(code),
  day TEXT NOT NULL,
  scans INTEGER NOT NULL,
  PRIMARY KEY (entry_code, day)
) WITHOUT ROWID;
