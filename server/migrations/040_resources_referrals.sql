-- foreign_keys: off
-- (SQLite cannot widen a CHECK in place: staff_users is rebuilt, which the runner does with foreign keys off
-- and a foreign_key_check before commit, SQLite's documented way.)

-- The resource library (资源库): organisations, departments, enterprises, purchased services, 助联体 stations and
-- 微心愿. township NULL means the whole county; retired_at set means retired (never deleted: referrals point here).
CREATE TABLE resources (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('organisation', 'department', 'enterprise', 'service', 'station', 'wish')),
  name TEXT NOT NULL,
  township TEXT REFERENCES regions(code),
  service_types_json TEXT NOT NULL DEFAULT '[]',
  contact TEXT,
  capacity INTEGER,
  retired_at TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_by TEXT
);
CREATE INDEX resources_township ON resources(township, name);

-- A partner account (role 'partner') is bound to one resource.
CREATE TABLE staff_users_new (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('county_admin', 'township_staff', 'viewer', 'partner')),
  township TEXT REFERENCES regions(code),
  must_change_password INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  resource_id INTEGER REFERENCES resources(id),
  CHECK (role IN ('county_admin', 'viewer', 'partner') OR township IS NOT NULL),
  CHECK ((role = 'partner') = (resource_id IS NOT NULL))
);
INSERT INTO staff_users_new (id, username, password_hash, role, township, must_change_password, disabled, failed_logins, locked_until, created_at)
  SELECT id, username, password_hash, role, township, must_change_password, disabled, failed_logins, locked_until, created_at FROM staff_users;
DROP TABLE staff_users;
ALTER TABLE staff_users_new RENAME TO staff_users;

-- A referral (转介) of one case to one resource. need is written for the partner and holds no ID number or phone;
-- contact_enc is the contact the township chose to share (encrypted, audited). accept_by: working-day deadline.
CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  resource_id INTEGER NOT NULL REFERENCES resources(id),
  need TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'accepted', 'declined', 'completed')),
  accept_by TEXT NOT NULL,
  contact_enc BLOB,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX referrals_case ON referrals(case_id, id);
CREATE INDEX referrals_resource ON referrals(resource_id, id);
CREATE INDEX referrals_waiting ON referrals(accept_by) WHERE status = 'planned';
