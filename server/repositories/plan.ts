import type { MeasureKind, MeasureStatus } from '../../shared/plan/measures';
import type { DB } from '../db/open';

export interface MeasureRow {
  id: number;
  household_id: number;
  kind: MeasureKind;
  title: string;
  policy_id: string | null;
  resource_id: number | null;
  referral_id: number | null;
  case_id: number | null;
  owner_id: number;
  due_on: string;
  status: MeasureStatus;
  reason: string | null;
  suggestion_key: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  owner_username: string | null;
  referral_status: string | null;
  referral_case_id: number | null;
}

export interface NewMeasure {
  householdId: number;
  kind: MeasureKind;
  title: string;
  policyId: string | null;
  resourceId: number | null;
  referralId: number | null;
  caseId: number | null;
  ownerId: number;
  dueOn: string;
  suggestionKey: string | null;
  createdBy: string;
  now: string;
}

const SELECT = `SELECT m.*, u.username AS owner_username, r.status AS referral_status, r.case_id AS referral_case_id
  FROM plan_measures m LEFT JOIN staff_users u ON u.id = m.owner_id LEFT JOIN referrals r ON r.id = m.referral_id`;

// The households a case belongs to: linked explicitly, or the same person by the keyed hash.
const HOUSEHOLDS_OF_CASE = `SELECT household_id FROM household_cases WHERE case_id = @caseId
  UNION SELECT h.id FROM households h JOIN cases c ON c.person_key = h.person_key WHERE c.id = @caseId`;

/** The household plan (一户一策): measures, and the suggestions staff dropped. */
export function createPlanRepository(db: DB) {
  const insert = db.prepare(`INSERT INTO plan_measures
    (household_id, kind, title, policy_id, resource_id, referral_id, case_id, owner_id, due_on, suggestion_key, created_by, created_at, updated_at)
    VALUES (@householdId, @kind, @title, @policyId, @resourceId, @referralId, @caseId, @ownerId, @dueOn, @suggestionKey, @createdBy, @now, @now)`);
  const byId = db.prepare<[number], MeasureRow>(`${SELECT} WHERE m.id = ?`);
  const ofHousehold = db.prepare<[number], MeasureRow>(`${SELECT} WHERE m.household_id = ? ORDER BY m.id`);
  const setStatus = db.prepare('UPDATE plan_measures SET status = @status, reason = @reason, updated_at = @now WHERE id = @id');
  const drop = db.prepare(`INSERT INTO plan_dropped_suggestions (household_id, suggestion_key, dropped_by, dropped_at)
    VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`);
  const owners = db.prepare<[string], { id: number; username: string }>(
    `SELECT id, username FROM staff_users WHERE disabled = 0 AND ((role = 'township_staff' AND township = ?) OR role = 'county_admin')
      ORDER BY role DESC, username`,
  );
  const droppedOf = db.prepare<[number], { suggestion_key: string }>('SELECT suggestion_key FROM plan_dropped_suggestions WHERE household_id = ?');
  // A partner's answer moves the open measures that name this referral, and those that named only its resource
  // in one of the case's households (accepted from a suggestion before the referral was made): those get linked.
  const followReferral = db.prepare(`UPDATE plan_measures SET status = @status, referral_id = @referralId, updated_at = @now
    WHERE status IN (@from1, @from2) AND (referral_id = @referralId
      OR (referral_id IS NULL AND kind IN ('referral', 'wish') AND resource_id = @resourceId AND household_id IN (${HOUSEHOLDS_OF_CASE})))`);

  return {
    create: (m: NewMeasure): number => Number(insert.run(m).lastInsertRowid),
    find: (id: number): MeasureRow | undefined => byId.get(id),
    ofHousehold: (householdId: number): MeasureRow[] => ofHousehold.all(householdId),
    setStatus(id: number, status: MeasureStatus, reason: string | null, now: string): void {
      setStatus.run({ id, status, reason, now });
    },
    drop(householdId: number, key: string, by: string, now: string): void {
      drop.run(householdId, key, by, now);
    },
    /** Who may own a measure in a township: its active staff, then the county admins. */
    owners: (township: string): Array<{ id: number; username: string }> => owners.all(township),
    droppedKeys: (householdId: number): string[] => droppedOf.all(householdId).map((r) => r.suggestion_key),
    /** Accepted: planned measures become under way. Completed: open ones become done. Returns how many moved. */
    followReferral(r: { referralId: number; resourceId: number; caseId: number }, to: 'under_way' | 'done', now: string): number {
      const from = to === 'done' ? ['planned', 'under_way'] : ['planned', 'planned'];
      return followReferral.run({ ...r, status: to, from1: from[0], from2: from[1], now }).changes;
    },
  };
}

export type PlanRepository = ReturnType<typeof createPlanRepository>;
