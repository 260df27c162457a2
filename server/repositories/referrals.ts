import type { ReferralStatus } from '../../shared/referrals/status';
import type { DB } from '../db/open';

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

const SELECT = `SELECT r.*, s.name AS resource_name, s.kind AS resource_kind, c.township, c.village, c.name_masked
  FROM referrals r JOIN resources s ON s.id = r.resource_id JOIN cases c ON c.id = r.case_id`;

/** Referrals (转介) of cases to the resource library, and the township's overdue watch. */
export function createReferralsRepository(db: DB) {
  const insert = db.prepare(`INSERT INTO referrals (case_id, resource_id, need, accept_by, created_by, created_at, updated_at)
    VALUES (@caseId, @resourceId, @need, @acceptBy, @createdBy, @now, @now)`);
  const byId = db.prepare<[number], ReferralRow>(`${SELECT} WHERE r.id = ?`);
  const ofCase = db.prepare<[number], ReferralRow>(`${SELECT} WHERE r.case_id = ? ORDER BY r.id`);
  // Open ones first, then the rest newest first; a partner's list stays short enough to show whole.
  const ofResource = db.prepare<[number], ReferralRow>(
    `${SELECT} WHERE r.resource_id = ? ORDER BY r.status IN ('declined', 'completed'), r.id DESC LIMIT 200`,
  );
  const setStatus = db.prepare('UPDATE referrals SET status = @status, updated_at = @now WHERE id = @id');
  const setContact = db.prepare('UPDATE referrals SET contact_enc = @contactEnc, updated_at = @now WHERE id = @id');
  const overdueAll = db.prepare<[string, number], ReferralRow>(
    `${SELECT} WHERE r.status = 'planned' AND r.accept_by < ? ORDER BY r.accept_by, r.id LIMIT ?`,
  );
  const overdueIn = db.prepare<[string, string, number], ReferralRow>(
    `${SELECT} WHERE r.status = 'planned' AND r.accept_by < ? AND c.township = ? ORDER BY r.accept_by, r.id LIMIT ?`,
  );
  const countAll = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM referrals WHERE status = 'planned' AND accept_by < ?");
  const countIn = db.prepare<[string, string], { n: number }>(
    "SELECT count(*) AS n FROM referrals r JOIN cases c ON c.id = r.case_id WHERE r.status = 'planned' AND r.accept_by < ? AND c.township = ?",
  );

  return {
    create: (referral: { caseId: number; resourceId: number; need: string; acceptBy: string; createdBy: string; now: string }): number =>
      Number(insert.run(referral).lastInsertRowid),
    find: (id: number): ReferralRow | undefined => byId.get(id),
    ofCase: (caseId: number): ReferralRow[] => ofCase.all(caseId),
    ofResource: (resourceId: number): ReferralRow[] => ofResource.all(resourceId),
    setStatus(id: number, status: ReferralStatus, now: string): void {
      setStatus.run({ id, status, now });
    },
    setContact(id: number, contactEnc: Buffer, now: string): void {
      setContact.run({ id, contactEnc, now });
    },
    /** Waiting past the deadline, in one township (null: every township). */
    overdue: (township: string | null, nowIso: string, limit: number): ReferralRow[] =>
      township === null ? overdueAll.all(nowIso, limit) : overdueIn.all(nowIso, township, limit),
    countOverdue: (township: string | null, nowIso: string): number =>
      (township === null ? countAll.get(nowIso) : countIn.get(nowIso, township))?.n ?? 0,
  };
}

export type ReferralsRepository = ReturnType<typeof createReferralsRepository>;
