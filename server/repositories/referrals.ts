import { sql } from 'kysely';
import type { ReferralStatus } from '../../shared/referrals/status';
import type { Engine } from '../db/engine';
import { countyOnInsert } from './dialect';

/** How many planned referrals in a township (or the county) are past their accept-by date: one row, `n`. */
export function overdueReferralsCount(db: Engine, township: string | null, nowIso: string, county: string | null = null) {
  return db
    .selectFrom('referrals as r')
    // The referral's own copy of its case's township (migration 067): one range of a partial index, no join.
    .$if(township !== null, (qb) => qb.where('r.township', '=', township!))
    .$if(township === null && county !== null, (qb) => qb.where('r.county', '=', county!))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.status', '=', 'planned')
    .where('r.accept_by', '<', nowIso);
}

/** A referral with what both sides need to show it: the resource's name and kind, the case's place and masked name. */
export interface ReferralRow {
  id: number;
  case_id: number;
  resource_id: number;
  need: string;
  status: ReferralStatus;
  accept_by: string;
  contact_enc: Buffer | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  resource_name: string;
  resource_kind: string;
  township: string;
  village: string | null;
  name_masked: string;
}

/** Referrals (转介) of cases to the resource library, and the township's overdue watch. */
export function createReferralsRepository(db: Engine) {
  const referrals = () =>
    db
      .selectFrom('referrals as r')
      .innerJoin('resources as s', 's.id', 'r.resource_id')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      // Named, not r.*: the referral's own township and county (067) serve counting; the card shows the case's.
      .select(['r.id', 'r.case_id', 'r.resource_id', 'r.need', 'r.status', 'r.accept_by', 'r.contact_enc', 'r.created_by', 'r.created_at', 'r.updated_at'])
      .select(['s.name as resource_name', 's.kind as resource_kind', 'c.township', 'c.village', 'c.name_masked']);

  return {
    /** `township` is the case's: with the county it travels in the INSERT, as a sharded PostgreSQL routes by it (070). */
    async create(referral: { caseId: number; township: string; resourceId: number; need: string; acceptBy: string; createdBy: string; now: string }): Promise<number> {
      const { id } = await db
        .insertInto('referrals')
        .values({
          case_id: referral.caseId,
          township: referral.township,
          ...countyOnInsert(db, referral.township),
          resource_id: referral.resourceId,
          need: referral.need,
          accept_by: referral.acceptBy,
          created_by: referral.createdBy,
          created_at: referral.now,
          updated_at: referral.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    find: (id: number): Promise<ReferralRow | undefined> => referrals().where('r.id', '=', id).executeTakeFirst(),
    ofCase: (caseId: number): Promise<ReferralRow[]> => referrals().where('r.case_id', '=', caseId).orderBy('r.id').execute(),
    /** Open ones first, then the rest newest first; a partner's list stays short enough to show whole. */
    ofResource: (resourceId: number): Promise<ReferralRow[]> =>
      referrals()
        .where('r.resource_id', '=', resourceId)
        // false sorts before true on both engines (0 before 1 on SQLite).
        .orderBy(sql`r.status IN ('declined', 'completed')`)
        .orderBy('r.id', 'desc')
        .limit(200)
        .execute(),
    async setStatus(id: number, status: ReferralStatus, now: string): Promise<void> {
      await db.updateTable('referrals').set({ status, updated_at: now }).where('id', '=', id).execute();
    },
    async setContact(id: number, contactEnc: Buffer, now: string): Promise<void> {
      await db.updateTable('referrals').set({ contact_enc: contactEnc, updated_at: now }).where('id', '=', id).execute();
    },
    /** Waiting past the deadline, in one township (null: every township of the county, or of every county). */
    overdue: (township: string | null, nowIso: string, limit: number, county: string | null = null): Promise<ReferralRow[]> =>
      referrals()
        .where('r.status', '=', 'planned')
        .where('r.accept_by', '<', nowIso)
        .$if(township !== null, (qb) => qb.where('c.township', '=', township!))
        .$if(township === null && county !== null, (qb) => qb.where('c.county', '=', county!))
        .orderBy('r.accept_by')
        .orderBy('r.id')
        .limit(limit)
        .execute(),
    async countOverdue(township: string | null, nowIso: string, county: string | null = null): Promise<number> {
      const row = await overdueReferralsCount(db, township, nowIso, county).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type ReferralsRepository = ReturnType<typeof createReferralsRepository>;
