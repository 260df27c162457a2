import type { Store } from '../db/store';
import type { Vault } from './crypto';

/**
 * Redacts closed cases older than the retention period: name, phone, ID number, address, free text and
 * visit details go; status, dates, level and decisions stay for the county's statistics.
 */
export async function redactClosedCases(store: Store, vault: Vault, closedBefore: string, now: string): Promise<number> {
  return store.transaction(async (tx) => {
    // Read inside the transaction (one writer at a time on SQLite), so a second run at once finds nothing left.
    const due = await tx.repos.retention.unredactedClosedBefore(closedBefore);
    for (const id of due) {
      await tx.repos.retention.redactCase(id, vault.encrypt({ name: '已清除', phone: null, idNumber: null, address: null }), now);
      await tx.repos.retention.redactSubmissions(id, vault.encrypt({ redacted: true }));
      await tx.repos.retention.dropEventDetails(id);
      await tx.repos.retention.redactReferrals(id);
    }
    return due.length;
  });
}
