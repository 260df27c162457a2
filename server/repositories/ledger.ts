import type { DB } from '../db/open';

export interface LedgerFilter {
  township?: string;
  village?: string;
  /** A status, 'open' (not closed) or 'all'. */
  status: string;
  level?: string;
  source?: string;
  targetClass?: string;
  overdueAsOf?: string;
}

export interface LedgerRow {
  id: number;
  township_name: string | null;
  village_name: string | null;
  subject_enc: Buffer;
  name_masked: string;
  phone_masked: string | null;
  id_masked: string | null;
  address_masked: string | null;
  source: string;
  status: string;
  level: string;
  target_class: string | null;
  due_at: string | null;
  created_at: string;
  closed_at: string | null;
  assignee: string | null;
  first_contact_at: string | null;
}

export interface DecisionRow {
  case_id: number;
  at: string;
  detail_enc: Buffer | null;
}

/** The 台账: cases filtered like the queue, in id order, read in batches so no read stays open across awaits. */
export function createLedgerRepository(db: DB) {
  const batch = db.prepare<Record<string, unknown>, LedgerRow>(`SELECT k.id, t.name AS township_name, v.name AS village_name, k.subject_enc,
      k.name_masked, k.phone_masked, k.id_masked, k.address_masked, k.source, k.status, k.level, k.target_class, k.due_at,
      k.created_at, k.closed_at, u.username AS assignee,
      (SELECT min(e.at) FROM case_events e WHERE e.case_id = k.id AND e.type IN ('contact', 'visit')) AS first_contact_at
    FROM cases k
      LEFT JOIN regions t ON t.code = k.township
      LEFT JOIN regions v ON v.code = k.village
      LEFT JOIN staff_users u ON u.id = k.assignee_id
    WHERE k.id > @afterId
      AND (@township IS NULL OR k.township = @township)
      AND (@village IS NULL OR k.village = @village)
      AND (@status IS NULL OR k.status = @status)
      AND (@openOnly = 0 OR k.closed_at IS NULL)
      AND (@level IS NULL OR k.level = @level)
      AND (@source IS NULL OR k.source = @source)
      AND (@targetClass IS NULL OR k.target_class = @targetClass)
      AND (@overdueAsOf IS NULL OR (k.closed_at IS NULL AND k.due_at < @overdueAsOf))
    ORDER BY k.id LIMIT @limit`);
  // The plan measures of the households this case is about (linked, or the same person by the keyed hash).
  const measures = db.prepare<{ caseId: number }, { kind: string; title: string; status: string }>(
    `SELECT kind, title, status FROM plan_measures WHERE household_id IN (
       SELECT household_id FROM household_cases WHERE case_id = @caseId
       UNION SELECT h.id FROM households h JOIN cases c ON c.person_key = h.person_key WHERE c.id = @caseId)
     ORDER BY id`,
  );
  const decisions = db.prepare<[number], DecisionRow>("SELECT case_id, at, detail_enc FROM case_events WHERE type = 'decide' AND case_id = ? ORDER BY id");

  return {
    /** One batch after `afterId`, each row taken from `iterate()` as it is read. */
    *batch(filter: LedgerFilter, afterId: number, limit: number): Generator<LedgerRow> {
      yield* batch.iterate({
        afterId,
        limit,
        township: filter.township ?? null,
        village: filter.village ?? null,
        status: filter.status === 'open' || filter.status === 'all' ? null : filter.status,
        openOnly: filter.status === 'open' ? 1 : 0,
        level: filter.level ?? null,
        source: filter.source ?? null,
        targetClass: filter.targetClass ?? null,
        overdueAsOf: filter.overdueAsOf ?? null,
      });
    },
    /** A read, so it may run while a batch is being iterated. */
    decisionsOf: (caseId: number): DecisionRow[] => decisions.all(caseId),
    /** The household plan's measures (一户一策) for the case's person; titles hold no personal data. */
    measuresOf: (caseId: number) => measures.all({ caseId }),
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
