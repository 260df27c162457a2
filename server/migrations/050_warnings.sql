-- foreign_keys: off
-- Warnings from departmental data (数据预警, #18). A warning is a case with source 'warning', so the CHECK on
-- cases.source widens (SQLite cannot alter a CHECK: the table is rebuilt with every index and trigger it had).
-- escalated_at marks a case staff sent to the county (一事一议). warning_keys is all that an import keeps:
-- the keyed hash of a person's ID number with the source and signal period, so a re-import raises no duplicate.
CREATE TABLE cases_next (
  id INTEGER PRIMARY KEY,
  township TEXT NOT NULL REFERENCES regions(code),
  village TEXT REFERENCES regions(code),
  person_key TEXT,
  subject_enc BLOB NOT NULL,
  -- Masked forms (张*明, 138****5678) are what lists show and what search matches.
  name_masked TEXT NOT NULL,
  phone_masked TEXT,
  id_masked TEXT,
  address_masked TEXT,
  source TEXT NOT NULL CHECK (source IN ('self', 'report', 'warning')),
  status TEXT NOT NULL DEFAULT 'new',
  level TEXT NOT NULL CHECK (level IN ('red', 'yellow', 'blue', 'none')),
  level_reason TEXT,
  target_class TEXT,
  answers_json TEXT,
  result_json TEXT,
  rules_version TEXT,
  situations_json TEXT,
  assignee_id INTEGER REFERENCES staff_users(id),
  due_at TEXT,
  next_visit_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT,
  level_rank INTEGER NOT NULL DEFAULT 0,
  redacted_at TEXT,
  phone_tail TEXT,
  id_tail TEXT,
  name_key TEXT,
  name_phone_key TEXT,
  merged_into INTEGER REFERENCES cases(id),
  escalated_at TEXT
);
INSERT INTO cases_next (id, township, village, person_key, subject_enc, name_masked, phone_masked, id_masked, address_masked,
    source, status, level, level_reason, target_class, answers_json, result_json, rules_version, situations_json, assignee_id,
    due_at, next_visit_at, created_at, updated_at, closed_at, level_rank, redacted_at, phone_tail, id_tail, name_key,
    name_phone_key, merged_into)
  SELECT id, township, village, person_key, subject_enc, name_masked, phone_masked, id_masked, address_masked,
    source, status, level, level_reason, target_class, answers_json, result_json, rules_version, situations_json, assignee_id,
    due_at, next_visit_at, created_at, updated_at, closed_at, level_rank, redacted_at, phone_tail, id_tail, name_key,
    name_phone_key, merged_into
  FROM cases;
DROP TABLE cases;
ALTER TABLE cases_next RENAME TO cases;

CREATE INDEX cases_person_open ON cases(township, person_key) WHERE closed_at IS NULL;
CREATE INDEX cases_queue ON cases(township, level_rank DESC, due_at, id);
CREATE INDEX cases_queue_all ON cases(level_rank DESC, due_at, id);
CREATE INDEX cases_township_created ON cases(township, created_at);
CREATE INDEX cases_closed ON cases(closed_at) WHERE closed_at IS NOT NULL AND redacted_at IS NULL;
CREATE INDEX cases_status_queue ON cases(township, status, level_rank DESC, due_at, id);
CREATE INDEX cases_phone_tail ON cases(township, phone_tail);
CREATE INDEX cases_id_tail ON cases(township, id_tail);
CREATE INDEX cases_phone_tail_all ON cases(phone_tail);
CREATE INDEX cases_id_tail_all ON cases(id_tail);
CREATE INDEX cases_due ON cases(township, due_at, level_rank) WHERE closed_at IS NULL;
CREATE INDEX cases_due_all ON cases(due_at, level_rank) WHERE closed_at IS NULL;
CREATE INDEX cases_open_queue ON cases(township, level_rank DESC, due_at, id) WHERE closed_at IS NULL;
CREATE INDEX cases_open_queue_all ON cases(level_rank DESC, due_at, id) WHERE closed_at IS NULL;
CREATE INDEX cases_open_name_phone ON cases(township, name_phone_key) WHERE closed_at IS NULL AND name_phone_key IS NOT NULL;
CREATE INDEX cases_open_name ON cases(township, name_key) WHERE closed_at IS NULL AND name_key IS NOT NULL;
CREATE INDEX cases_open_assignee ON cases(assignee_id, level_rank DESC, due_at, id) WHERE closed_at IS NULL AND assignee_id IS NOT NULL;
-- A warning joins the person's open case in whichever township it is.
CREATE INDEX cases_open_person_any ON cases(person_key) WHERE closed_at IS NULL AND person_key IS NOT NULL;

CREATE TRIGGER cases_level_rank_update AFTER UPDATE OF level ON cases
BEGIN
  UPDATE cases SET level_rank = CASE NEW.level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END WHERE id = NEW.id;
END;
CREATE TRIGGER cases_tails_update AFTER UPDATE OF phone_masked, id_masked ON cases
BEGIN
  UPDATE cases SET phone_tail = substr(NEW.phone_masked, -4), id_tail = substr(NEW.id_masked, -4) WHERE id = NEW.id;
END;
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
CREATE TRIGGER cases_level_rank_insert AFTER INSERT ON cases
  WHEN NEW.level_rank IS NOT (CASE NEW.level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END)
BEGIN
  UPDATE cases SET level_rank = CASE NEW.level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END WHERE id = NEW.id;
END;
CREATE TRIGGER cases_tails_insert AFTER INSERT ON cases
  WHEN NEW.phone_tail IS NOT substr(NEW.phone_masked, -4) OR NEW.id_tail IS NOT substr(NEW.id_masked, -4)
BEGIN
  UPDATE cases SET phone_tail = substr(NEW.phone_masked, -4), id_tail = substr(NEW.id_masked, -4) WHERE id = NEW.id;
END;

CREATE TABLE warning_keys (
  warning_key TEXT PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  raised_at TEXT NOT NULL
) WITHOUT ROWID;
