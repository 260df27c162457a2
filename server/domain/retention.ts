import type { DB } from '../db/open';
import type { Repositories } from '../repositories';
import type { Vault } from './crypto';

/**
 * Redacts closed cases older than the retention period: name, phone, ID number, address, free text and
 * visit details go; status, dates, level and decisions stay for the county's statistics.
 */
export function redactClosedCases(db: DB, repos: Pick<Repositories, 'retention'>, vault: Vault, closedBefore: string, now: string): number {
  const due = repos.retention.unredactedClosedBefore(closedBefore);
  db.transaction(() => {
    for (const id of due) {
      repos.retention.redactCase(id, vault.encrypt({ name: '已清除', phone: null, idNumber: null, address: null }), now);
      repos.retention.redactSubmissions(id, vault.encrypt({ redacted: true }));
      repos.retention.dropEventDetails(id);
      repos.retention.redactReferrals(id);
    }
  }).immediate();
  return due.length;
}
