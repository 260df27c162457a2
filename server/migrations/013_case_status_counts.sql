-- Every queue page shows how many cases each status holds. Counting them meant walking a township's
-- whole index on every request (the slowest part of the first page on 100k cases), so triggers keep a
-- running tally instead. Rows that fall to 0 stay; readers skip them.
CREATE TABLE case_status_counts (
  township TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (township, status)
) WITHOUT ROWID;

INSERT INTO case_status_counts (township, status, n)
  SELECT township, status, count(*) FROM cases GROUP BY township, status;

CREATE TRIGGER case_status_counts_insert AFTER INSERT ON cases
BEGIN
  INSERT INTO case_status_counts (township, status, n) VALUES (NEW.township, NEW.status, 1)
    ON CONFLICT (township, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER case_status_counts_update AFTER UPDATE OF township, status ON cases
  WHEN OLD.township IS NOT NEW.township OR OLD.status IS NOT NEW.status
BEGIN
  UPDATE case_status_counts SET n = n - 1 WHERE township = OLD.township AND status = OLD.status;
  INSERT INTO case_status_counts (township, status, n) VALUES (NEW.township, NEW.status, 1)
    ON CONFLICT (township, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER case_status_counts_delete AFTER DELETE ON cases
BEGIN
  UPDATE case_status_counts SET n = n - 1 WHERE township = OLD.township AND status = OLD.status;
END;
