-- 可能是同一人: keyed HMACs (blind indexes) of the name, and of name + phone, so an open case for the same
-- person is found without plaintext even when one submission had an ID number and the other did not.
-- Cases stored before this migration have no keys and are simply not hinted.
ALTER TABLE cases ADD COLUMN name_key TEXT;
ALTER TABLE cases ADD COLUMN name_phone_key TEXT;
-- A case staff merged into the older case of the same person.
ALTER TABLE cases ADD COLUMN merged_into INTEGER REFERENCES cases(id);
CREATE INDEX cases_open_name_phone ON cases(township, name_phone_key) WHERE closed_at IS NULL AND name_phone_key IS NOT NULL;
CREATE INDEX cases_open_name ON cases(township, name_key) WHERE closed_at IS NULL AND name_key IS NOT NULL;

-- 分给我的: one staff member's open cases in queue order.
CREATE INDEX cases_open_assignee ON cases(assignee_id, level_rank DESC, due_at, id) WHERE closed_at IS NULL AND assignee_id IS NOT NULL;
