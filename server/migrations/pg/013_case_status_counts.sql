-- PostgreSQL version of ../013_case_status_counts.sql: the same running tally of cases per township and
-- status, kept by one plpgsql trigger function. ON CONFLICT keeps concurrent first inserts of a pair correct.
CREATE TABLE case_status_counts (
  township TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (township, status)
);

INSERT INTO case_status_counts (township, status, n)
  SELECT township, status, count(*) FROM cases GROUP BY township, status;

CREATE FUNCTION xfm_case_status_counts() RETURNS trigger LANGUAGE plpgsql
AS $$ BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE case_status_counts SET n = n - 1 WHERE township = OLD.township AND status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO case_status_counts (township, status, n) VALUES (NEW.township, NEW.status, 1)
      ON CONFLICT (township, status) DO UPDATE SET n = case_status_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER case_status_counts_insert AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION xfm_case_status_counts();
CREATE TRIGGER case_status_counts_update AFTER UPDATE OF township, status ON cases FOR EACH ROW
  WHEN (OLD.township IS DISTINCT FROM NEW.township OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION xfm_case_status_counts();
CREATE TRIGGER case_status_counts_delete AFTER DELETE ON cases FOR EACH ROW EXECUTE FUNCTION xfm_case_status_counts();
