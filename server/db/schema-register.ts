import type { ColumnType, Generated } from 'kysely';

// The monitoring register's tables (migrations 030–032, 041): households, their visits, events, cases and plans.
// Part of the one schema type in ./schema.ts. Dates without a time are China dates, YYYY-MM-DD text.

/** A column filled by the database when an INSERT leaves it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** One person on the register (030); personal data only in subject_enc. village is '' when unknown. */
export interface HouseholdsTable {
  id: Generated<number>;
  person_key: string | null;
  township: string;
  village: Defaulted<string>;
  subject_enc: Buffer;
  name_masked: string;
  phone_masked: string | null;
  id_masked: string | null;
  address_masked: string | null;
  /** dibao, dibao_edge, tekun, expense, temporary, monitor or exited (a CHECK on both engines). */
  category: string;
  category_since: string;
  monitored_until: string | null;
  level: 'red' | 'yellow' | 'blue';
  unstable: Defaulted<number>;
  next_visit_on: string;
  next_review_on: string | null;
  last_visit_on: string | null;
  open_risks_json: Defaulted<string>;
  import_fingerprint: string | null;
  created_at: string;
  updated_at: string;
  /** The township's county (063): generated on SQLite; on PostgreSQL written on insert (070, countyOnInsert). */
  county: Generated<string>;
}

/** Home visits and re-checks (030); findings encrypted. */
export interface HouseholdVisitsTable {
  id: Generated<number>;
  household_id: number;
  visited_on: string;
  kind: 'visit' | 'review';
  actor: string;
  level: string;
  findings_enc: Buffer;
  open_risks_json: string;
  cleared_json: string;
  created_at: string;
}

/** Append-only on both engines: a trigger rejects UPDATE (and TRUNCATE on PostgreSQL). */
export interface HouseholdEventsTable {
  id: Generated<number>;
  household_id: number;
  at: string;
  type: string;
  actor: string;
  case_id: number | null;
  detail_json: string | null;
}

/** Cases about a household that the person key alone cannot find (030, 031). */
export interface HouseholdCasesTable {
  household_id: number;
  case_id: number;
}

/** 一户一策: one measure of a household's plan (041). */
export interface PlanMeasuresTable {
  id: Generated<number>;
  household_id: number;
  kind: 'policy' | 'referral' | 'visit' | 'wish';
  title: string;
  policy_id: string | null;
  resource_id: number | null;
  referral_id: number | null;
  case_id: number | null;
  owner_id: number;
  due_on: string;
  status: Defaulted<'planned' | 'under_way' | 'done' | 'not_possible'>;
  reason: string | null;
  suggestion_key: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Suggestions staff chose not to take (041). */
export interface PlanDroppedSuggestionsTable {
  household_id: number;
  suggestion_key: string;
  dropped_by: string;
  dropped_at: string;
}

export interface RegisterTables {
  households: HouseholdsTable;
  household_visits: HouseholdVisitsTable;
  household_events: HouseholdEventsTable;
  household_cases: HouseholdCasesTable;
  plan_measures: PlanMeasuresTable;
  plan_dropped_suggestions: PlanDroppedSuggestionsTable;
}
