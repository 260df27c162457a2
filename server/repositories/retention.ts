import type { DB } from '../db/open';

/** Personal data of closed cases past the retention period (server/domain/retention.ts decides what goes). */
export function createRetentionRepository(db: DB) {
  const closedBefore = db.prepare<[string], number>('SELECT id FROM cases WHERE closed_at < ? AND redacted_at IS NULL').pluck();
  const redactCase = db.prepare(`UPDATE cases SET subject_enc = @subject, person_key = NULL, name_key = NULL, name_phone_key = NULL, name_masked = '已清除', phone_masked = NULL,
      id_masked = NULL, address_masked = NULL, answers_json = NULL, redacted_at = @now WHERE id = @id`);
  const redactSubmissions = db.prepare('UPDATE submissions SET payload_enc = @payload WHERE case_id = @id');
  const dropEventDetails = db.prepare('UPDATE case_events SET detail_enc = NULL WHERE case_id = ? AND detail_enc IS NOT NULL');
  const redactReferrals = db.prepare("UPDATE referrals SET need = '已清除', contact_enc = NULL WHERE case_id = ?");
  return {
    /** Cases closed before an instant and not yet redacted. */
    unredactedClosedBefore: (instant: string): number[] => closedBefore.all(instant),
    /** Replaces the subject with a redacted one and clears the masked columns and stored answers. */
    redactCase: (id: number, subject: Buffer, now: string): void => {
      redactCase.run({ id, subject, now });
    },
    redactSubmissions: (caseId: number, payload: Buffer): void => {
      redactSubmissions.run({ id: caseId, payload });
    },
    dropEventDetails: (caseId: number): void => {
      dropEventDetails.run(caseId);
    },
    /** A referral's need describes the person's situation, and a shared phone is theirs: both go, the outcome stays. */
    redactReferrals: (caseId: number): void => {
      redactReferrals.run(caseId);
    },
  };
}
