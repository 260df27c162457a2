import type { Engine } from '../db/engine';

/** Personal data of closed cases and ended monitoring past the retention period (server/domain/retention.ts decides what goes). */
/** What a redacted name reads as, on cases and households alike. */
export const REDACTED = '已清除';

export function createRetentionRepository(db: Engine) {
  return {
    /** Cases closed before an instant and not yet redacted. */
    async unredactedClosedBefore(instant: string): Promise<number[]> {
      const rows = await db.selectFrom('cases').select('id').where('closed_at', '<', instant).where('redacted_at', 'is', null).execute();
      return rows.map((r) => r.id);
    },
    /** Replaces the subject with a redacted one and clears the masked columns and stored answers. */
    async redactCase(id: number, subject: Buffer, now: string): Promise<void> {
      await db
        .updateTable('cases')
        .set({
          subject_enc: subject,
          person_key: null,
          name_key: null,
          name_phone_key: null,
          name_masked: REDACTED,
          phone_masked: null,
          id_masked: null,
          address_masked: null,
          answers_json: null,
          redacted_at: now,
        })
        .where('id', '=', id)
        .execute();
    },
    async redactSubmissions(caseId: number, payload: Buffer): Promise<void> {
      await db.updateTable('submissions').set({ payload_enc: payload }).where('case_id', '=', caseId).execute();
    },
    async dropEventDetails(caseId: number): Promise<void> {
      await db.updateTable('case_events').set({ detail_enc: null }).where('case_id', '=', caseId).where('detail_enc', 'is not', null).execute();
    },
    /** A referral's need describes the person's situation, and a shared phone is theirs: both go, the outcome stays. */
    async redactReferrals(caseId: number): Promise<void> {
      await db.updateTable('referrals').set({ need: REDACTED, contact_enc: null }).where('case_id', '=', caseId).execute();
    },
    /** Households that left the register (退出) and whose 24 months' monitoring ended before a China date, not yet redacted. */
    async exitedHouseholdsEndedBefore(day: string): Promise<number[]> {
      const rows = await db
        .selectFrom('households')
        .select('id')
        .where('category', '=', 'exited')
        .where('monitored_until', '<', day)
        .where('name_masked', '<>', REDACTED)
        .execute();
      return rows.map((r) => r.id);
    },
    /** The person goes (subject, blind index, masked columns, roster fingerprint); category, dates, level and risks stay. */
    async redactHousehold(id: number, subject: Buffer, now: string): Promise<void> {
      await db
        .updateTable('households')
        .set({ subject_enc: subject, person_key: null, name_masked: REDACTED, phone_masked: null, id_masked: null, address_masked: null, import_fingerprint: null, updated_at: now })
        .where('id', '=', id)
        .execute();
    },
    /** Visit findings are the household's own words and circumstances: each visit's are re-encrypted without them. */
    async redactVisit(visitId: number, findings: Buffer): Promise<void> {
      await db.updateTable('household_visits').set({ findings_enc: findings }).where('id', '=', visitId).execute();
    },
    /** A measure's reason and a 微心愿's title may describe the person; policy and referral titles are library names. */
    async redactPlan(householdId: number): Promise<void> {
      await db.updateTable('plan_measures').set({ reason: REDACTED }).where('household_id', '=', householdId).where('reason', 'is not', null).execute();
      await db.updateTable('plan_measures').set({ title: REDACTED }).where('household_id', '=', householdId).where('kind', '=', 'wish').execute();
    },
  };
}
