import type { MeasureKind, MeasureStatus } from '../../shared/plan/measures';
import type { Selectable } from 'kysely';
import type { Engine } from '../db/engine';
import type { PlanMeasuresTable } from '../db/schema-register';
import { householdsOfCase } from './households-of-case';

/** A plan measure as read, with its owner's name and its referral's state joined in. */
export type MeasureRow = Selectable<PlanMeasuresTable> & {
  owner_username: string | null;
  referral_status: string | null;
  referral_case_id: number | null;
};

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

/** The household plan (一户一策): measures, and the suggestions staff dropped. */
export function createPlanRepository(db: Engine) {
  const measures = () =>
    db
      .selectFrom('plan_measures as m')
      .leftJoin('staff_users as u', 'u.id', 'm.owner_id')
      .leftJoin('referrals as r', 'r.id', 'm.referral_id')
      .selectAll('m')
      .select(['u.username as owner_username', 'r.status as referral_status', 'r.case_id as referral_case_id']);

  return {
    async create(m: NewMeasure): Promise<number> {
      const { id } = await db
        .insertInto('plan_measures')
        .values({
          household_id: m.householdId,
          kind: m.kind,
          title: m.title,
          policy_id: m.policyId,
          resource_id: m.resourceId,
          referral_id: m.referralId,
          case_id: m.caseId,
          owner_id: m.ownerId,
          due_on: m.dueOn,
          suggestion_key: m.suggestionKey,
          created_by: m.createdBy,
          created_at: m.now,
          updated_at: m.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    find: (id: number): Promise<MeasureRow | undefined> => measures().where('m.id', '=', id).executeTakeFirst(),
    ofHousehold: (householdId: number): Promise<MeasureRow[]> => measures().where('m.household_id', '=', householdId).orderBy('m.id').execute(),
    async setStatus(id: number, status: MeasureStatus, reason: string | null, now: string): Promise<void> {
      await db.updateTable('plan_measures').set({ status, reason, updated_at: now }).where('id', '=', id).execute();
    },
    async drop(householdId: number, key: string, by: string, now: string): Promise<void> {
      await db
        .insertInto('plan_dropped_suggestions')
        .values({ household_id: householdId, suggestion_key: key, dropped_by: by, dropped_at: now })
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    },
    /** Who may own a measure in a township: its active staff, then the county admins. */
    owners: (township: string): Promise<Array<{ id: number; username: string }>> =>
      db
        .selectFrom('staff_users')
        .select(['id', 'username'])
        .where('disabled', '=', 0)
        .where((eb) => eb.or([eb.and([eb('role', '=', 'township_staff'), eb('township', '=', township)]), eb('role', '=', 'county_admin')]))
        .orderBy('role', 'desc')
        .orderBy('username')
        .execute(),
    async droppedKeys(householdId: number): Promise<string[]> {
      const rows = await db.selectFrom('plan_dropped_suggestions').select('suggestion_key').where('household_id', '=', householdId).execute();
      return rows.map((r) => r.suggestion_key);
    },
    /**
     * Accepted: planned measures become under way. Completed: open ones become done. Returns how many moved.
     * A partner's answer moves the open measures that name this referral, and those that named only its resource
     * in one of the case's households (accepted from a suggestion before the referral was made): those get linked.
     */
    async followReferral(r: { referralId: number; resourceId: number; caseId: number }, to: 'under_way' | 'done', now: string): Promise<number> {
      const from: MeasureStatus[] = to === 'done' ? ['planned', 'under_way'] : ['planned'];
      const result = await db
        .updateTable('plan_measures')
        .set({ status: to, referral_id: r.referralId, updated_at: now })
        .where('status', 'in', from)
        .where((eb) =>
          eb.or([
            eb('referral_id', '=', r.referralId),
            eb.and([
              eb('referral_id', 'is', null),
              eb('kind', 'in', ['referral', 'wish']),
              eb('resource_id', '=', r.resourceId),
              eb('household_id', 'in', householdsOfCase(eb, r.caseId)),
            ]),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}

export type PlanRepository = ReturnType<typeof createPlanRepository>;
