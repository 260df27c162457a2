import type { DB } from '../db/open';
import type { Vault } from './crypto';

/**
 * Redacts closed cases older than the retention period: name, phone, ID number, address, free text and
 * visit details go; status, dates, level and decisions stay for the county's statistics.
 */
export function redactClosedCases(db: DB, vault: Vault, closedBefore: string, now: string): number {
  const due = db.prepare<[string], { id: number }>('SELECT id FROM cases WHERE closed_at < ? AND redacted_at IS NULL').all(closedBefore);
  const redactCase = db.prepare(`UPDATE cases SET subject_enc = @subject, person_key = NULL, name_masked = '已清除', phone_masked = NULL,
      id_masked = NULL, address_masked = NULL, answers_json = NULL, redacted_at = @now WHERE id = @id`);
  const redactSubmissions = db.prepare('UPDATE submissions SET payload_enc = @payload WHERE case_id = @id');
  const redactEvents = db.prepare('UPDATE case_events SET detail_enc = NULL WHERE case_id = ? AND detail_enc IS NOT NULL');
  // A referral's need describes the person's situation, and a shared phone is theirs: both go, the outcome stays.
  const redactReferrals = db.prepare("UPDATE referrals SET need = '已清除', contact_enc = NULL WHERE case_id = ?");
  const redactAll = db.transaction(() => {
    for (const { id } of due) {
      redactCase.run({ id, now, subject: vault.encrypt({ name: '已清除', phone: null, idNumber: null, address: null }) });
      redactSubmissions.run({ id, payload: vault.encrypt({ redacted: true }) });
      redactEvents.run(id);
      redactReferrals.run(id);
    }
  });
  redactAll.immediate();
  return due.length;
}
