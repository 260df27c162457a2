import type { ColumnType, Generated } from 'kysely';
import type { RiskLevel } from '../../shared/cases/risk';
import type { RegisterTables } from './schema-register';
import type { WarningTables } from './schema-warnings';

/**
 * One schema type for both engines, read by hand from server/migrations/*.sql (001–023, 040, 050). Both engines store the
 * same values: timestamps are ISO-8601 UTC text ('2026-11-29T13:56:28.123Z'), flags are integers 0/1, encrypted
 * columns are bytes (SQLite BLOB / PostgreSQL bytea, a Buffer either way). When a migration adds or changes a
 * column, change this file in the same commit.
 */

/** A column filled by the database when an INSERT leaves it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** Kept by triggers (and written by intake's INSERT): readable, settable, never required. */
type Maintained<T> = Defaulted<T>;

export interface RegionsTable {
  code: string;
  name: string;
  level: 'county' | 'township' | 'village';
  parent: string | null;
  phone: string | null;
}

export interface EntryPointsTable {
  code: string;
  township: string;
  village: string | null;
  label: string | null;
  active: Defaulted<number>;
  disabled_reason: string | null;
  scan_count: Defaulted<number>;
  completion_count: Defaulted<number>;
  created_at: Defaulted<string>;
  /** The township's county (063): generated on SQLite; on PostgreSQL written on insert (070, countyOnInsert). */
  county: Generated<string>;
}

export interface StaffUsersTable {
  id: Generated<number>;
  /** Case-insensitive on both engines (SQLite COLLATE NOCASE, PostgreSQL citext). */
  username: string;
  password_hash: string;
  role: 'county_admin' | 'township_staff' | 'viewer' | 'partner' | 'province_admin';
  township: string | null;
  must_change_password: Defaulted<number>;
  disabled: Defaulted<number>;
  failed_logins: Defaulted<number>;
  locked_until: string | null;
  created_at: Defaulted<string>;
  /** Set for partners only (040): the resource the account answers for. */
  resource_id: Defaulted<number | null>;
  /** The account's county (063); null for a province admin. */
  county: Defaulted<string | null>;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Defaulted<string>;
  last_seen_at: Defaulted<string>;
}

/** Append-only on both engines: triggers reject UPDATE and DELETE. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Defaulted<string>;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
  client_ip: string | null;
  /** The acting account's county (064): null for the command line or the system when several counties share the database. */
  county: Defaulted<string | null>;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface CasesTable {
  id: Generated<number>;
  township: string;
  village: string | null;
  person_key: string | null;
  subject_enc: Buffer;
  name_masked: string;
  phone_masked: string | null;
  id_masked: string | null;
  address_masked: string | null;
  source: 'self' | 'report' | 'warning';
  status: Defaulted<string>;
  level: RiskLevel;
  level_reason: string | null;
  target_class: string | null;
  answers_json: string | null;
  result_json: string | null;
  rules_version: string | null;
  situations_json: string | null;
  assignee_id: number | null;
  due_at: string | null;
  next_visit_at: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** 3 red, 2 yellow, 1 blue, 0 none (003, 016). */
  level_rank: Maintained<number>;
  redacted_at: string | null;
  /** Last 4 characters of phone_masked / id_masked (011, 016). */
  phone_tail: Maintained<string | null>;
  id_tail: Maintained<string | null>;
  /** Blind indexes of the name and of name + phone, for 可能是同一人 (022). */
  name_key: string | null;
  name_phone_key: string | null;
  /** The older case of the same person that staff merged this one into (022). */
  merged_into: number | null;
  /** Set when staff sent a warning to the county (一事一议, 050). */
  escalated_at: string | null;
  /** The township's county (063): generated on SQLite; on PostgreSQL written on insert (070, countyOnInsert). */
  county: Generated<string>;
}

export interface SubmissionsTable {
  id: Generated<number>;
  case_id: number;
  kind: 'request' | 'report';
  request_id: string;
  tracking_code: string;
  entry_code: string | null;
  payload_enc: Buffer;
  reporter_relation: string | null;
  created_at: string;
  /** Keyed hash of the body first sent under request_id: a different body is refused (017). */
  body_hash: string | null;
}

/** Append-only, except that a redaction may clear detail_enc (010). */
export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  submission_id: number | null;
  at: string;
  type: string;
  actor: string;
  public_text: string | null;
  detail_enc: Buffer | null;
}

export interface ScreeningCountsTable {
  entry_code: string;
  day: string;
  completed: Defaulted<number>;
  suspected: Defaulted<number>;
}

export interface PoliciesTable {
  id: string;
  position: number;
  data_json: string;
  updated_at: Defaulted<string>;
  updated_by: string | null;
  /** null: a province-wide entry (stored before #16, or the shipped library). */
  county: Defaulted<string | null>;
}

/** Append-only: each edit is a new dated version. */
export interface ParameterVersionsTable {
  id: Generated<number>;
  effective_from: string;
  values_json: string;
  source: string;
  created_at: Defaulted<string>;
  created_by: string;
  /** Set once when a version not yet in effect is withdrawn (023); the row stays for the record. */
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  /** The county whose version it is (066); null: province-wide (saved before #16), in force in every county. */
  county: Defaulted<string | null>;
}

/** Running tally kept by triggers on cases (013); rows that fall to 0 stay. */
export interface CaseStatusCountsTable {
  township: string;
  status: string;
  n: number;
}

export interface ScanCountsTable {
  entry_code: string;
  day: string;
  scans: number;
}

export interface SchemaMigrationsTable {
  id: string;
  applied_at: Defaulted<string>;
}

/** The resource library (040); township null is county-wide, retired_at set is retired. */
export interface ResourcesTable {
  id: Generated<number>;
  kind: 'organisation' | 'department' | 'enterprise' | 'service' | 'station' | 'wish';
  name: string;
  township: string | null;
  service_types_json: Defaulted<string>;
  contact: string | null;
  capacity: number | null;
  retired_at: string | null;
  created_at: Defaulted<string>;
  updated_at: Defaulted<string>;
  updated_by: string | null;
  /** The county the resource serves (063). */
  county: Defaulted<string | null>;
}

/** What a warning import keeps (050): HMAC(ID number) + source + signal period, and the case it raised. */
export interface WarningKeysTable {
  warning_key: string;
  case_id: number;
  raised_at: string;
}

/** One case referred to one resource (040). */
export interface ReferralsTable {
  id: Generated<number>;
  case_id: number;
  resource_id: number;
  need: string;
  status: Defaulted<'planned' | 'accepted' | 'declined' | 'completed'>;
  accept_by: string;
  contact_enc: Buffer | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** The case's township, kept by triggers (067) so overdue referrals are counted without a join. */
  township: Generated<string | null>;
  /** The township's county (067): generated on SQLite; on PostgreSQL written on insert (070, countyOnInsert). */
  county: Generated<string | null>;
}

export interface Database extends RegisterTables, WarningTables {
  regions: RegionsTable;
  entry_points: EntryPointsTable;
  staff_users: StaffUsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  cases: CasesTable;
  submissions: SubmissionsTable;
  case_events: CaseEventsTable;
  screening_counts: ScreeningCountsTable;
  policies: PoliciesTable;
  parameter_versions: ParameterVersionsTable;
  case_status_counts: CaseStatusCountsTable;
  scan_counts: ScanCountsTable;
  schema_migrations: SchemaMigrationsTable;
  resources: ResourcesTable;
  referrals: ReferralsTable;
  warning_keys: WarningKeysTable;
}
