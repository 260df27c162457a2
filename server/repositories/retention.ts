import type { Engine } from '../db/engine';

/** Personal data of closed cases past the retention period (server/domain/retention.ts decides what goes). */
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
          name_masked: '已清除',
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
      await db.updateTable('referrals').set({ need: '已清除', contact_enc: null }).where('case_id', '=', caseId).execute();
    },
  };
}
