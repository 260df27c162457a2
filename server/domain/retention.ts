import { redactedFindings, type Findings } from '../../shared/register/risks';
import { REDACTED } from '../repositories/retention';
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
      await tx.repos.retention.redactCase(id, vault.encrypt({ name: REDACTED, phone: null, idNumber: null, address: null }), now);
      await tx.repos.retention.redactSubmissions(id, vault.encrypt({ redacted: true }));
      await tx.repos.retention.dropEventDetails(id);
      await tx.repos.retention.redactReferrals(id);
    }
    return due.length;
  });
}

/**
 * Redacts households that left the register (退出) and whose 24 months of follow-up monitoring ended before
 * `endedBefore` (a China date): the retention period runs from the end of monitoring, as it runs from closing for a
 * case. The person, visit findings and the plan's free text go; category, dates, level and risks stay for statistics.
 */
export async function redactExitedHouseholds(store: Store, vault: Vault, endedBefore: string, now: string): Promise<number> {
  return store.transaction(async (tx) => {
    const due = await tx.repos.retention.exitedHouseholdsEndedBefore(endedBefore);
    for (const id of due) {
      await tx.repos.retention.redactHousehold(id, vault.encrypt({ name: REDACTED, phone: null, idNumber: null, address: null }), now);
      for (const visit of await tx.repos.households.visitsOf(id)) {
        const { findings } = vault.decrypt<{ findings: Findings; note: string | null }>(visit.findings_enc);
        await tx.repos.retention.redactVisit(visit.id, vault.encrypt({ findings: redactedFindings(findings, REDACTED), note: null }));
      }
      await tx.repos.retention.redactPlan(id);
    }
    return due.length;
  });
}
