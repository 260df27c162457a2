import type { DB } from '../db/open';

export interface EntryPoint {
  code: string;
  township: string;
  village: string | null;
  label: string | null;
  active: boolean;
  disabledReason: string | null;
  scanCount: number;
  completionCount: number;
  createdAt: string;
}

export interface EntryListFilter {
  township?: string;
  village?: string;
  active?: boolean;
}

export interface NewEntry {
  code: string;
  township: string;
  village: string | null;
  label: string | null;
}

interface EntryRow {
  code: string;
  township: string;
  village: string | null;
  label: string | null;
  active: number;
  disabled_reason: string | null;
  scan_count: number;
  completion_count: number;
  created_at: string;
}

const ENTRY_COLUMNS = 'code, township, village, label, active, disabled_reason, scan_count, completion_count, created_at';

function toEntry(row: EntryRow): EntryPoint {
  return {
    code: row.code,
    township: row.township,
    village: row.village,
    label: row.label,
    active: row.active === 1,
    disabledReason: row.disabled_reason,
    scanCount: row.scan_count,
    completionCount: row.completion_count,
    createdAt: row.created_at,
  };
}

/** 幸福码: lookup and counts for residents' scans, and the county's lists, doorplate labels and batch inserts. */
export function createEntriesRepository(db: DB) {
  const byCode = db.prepare<[string], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entry_points WHERE code = ?`);
  const list = db.prepare<[], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entry_points ORDER BY township, created_at`);
  const insert = db.prepare(
    'INSERT INTO entry_points (code, township, village, label) VALUES (@code, @township, @village, @label)',
  );
  const listWhere = db.prepare<Record<string, unknown>, EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entry_points
    WHERE (@township IS NULL OR township = @township) AND (@village IS NULL OR village = @village)
      AND (@active IS NULL OR active = @active)
    ORDER BY township, village, created_at, code`);
  const labels = db.prepare<[string], { label: string }>('SELECT label FROM entry_points WHERE village = ? AND active = 1 AND label IS NOT NULL');
  const exists = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM entry_points WHERE code = ?');
  const setActive = db.prepare('UPDATE entry_points SET active = @active, disabled_reason = @reason WHERE code = @code');
  const scan = db.prepare('UPDATE entry_points SET scan_count = scan_count + @n WHERE code = @code');
  const scanByDay = db.prepare(`INSERT INTO scan_counts (entry_code, day, scans) VALUES (@code, @day, @n)
    ON CONFLICT(entry_code, day) DO UPDATE SET scans = scans + excluded.scans`);
  const completion = db.prepare('UPDATE entry_points SET completion_count = completion_count + @n WHERE code = @code');
  const completionByDay = db.prepare(`INSERT INTO screening_counts (entry_code, day, completed, suspected) VALUES (@code, @day, @n, @suspected)
    ON CONFLICT(entry_code, day) DO UPDATE SET completed = completed + excluded.completed, suspected = suspected + excluded.suspected`);

  const countScans = db.transaction((code: string, day: string, n: number): void => {
    scan.run({ code, n });
    scanByDay.run({ code, day, n });
  });
  const countCompletions = db.transaction((code: string, day: string, n: number, suspected: number): void => {
    completion.run({ code, n });
    completionByDay.run({ code, day, n, suspected });
  });

  return {
    find(code: string): EntryPoint | undefined {
      const row = byCode.get(code);
      return row ? toEntry(row) : undefined;
    },
    list: (): EntryPoint[] => list.all().map(toEntry),
    /** The county's list, filtered by township, village and whether the code is in use. */
    listWhere: (filter: EntryListFilter): EntryPoint[] =>
      listWhere
        .all({ township: filter.township ?? null, village: filter.village ?? null, active: filter.active === undefined ? null : filter.active ? 1 : 0 })
        .map(toEntry),
    insert(entry: NewEntry): void {
      insert.run(entry);
    },
    /** All or nothing: one transaction for the whole batch. */
    insertAll: db.transaction((entries: NewEntry[]): void => {
      for (const entry of entries) insert.run(entry);
    }),
    /** Labels of the village's active codes, to refuse printing the same doorplate twice. */
    activeLabelsIn: (village: string): Set<string> => new Set(labels.all(village).map((r) => r.label)),
    codeExists: (code: string): boolean => (exists.get(code)?.n ?? 0) > 0,
    setActive(code: string, active: boolean, reason: string | null): boolean {
      return setActive.run({ code, active: active ? 1 : 0, reason: active ? null : reason }).changes === 1;
    },
    countScans,
    countCompletion(code: string, day: string, suspected: boolean): void {
      countCompletions(code, day, 1, suspected ? 1 : 0);
    },
    countCompletions,
  };
}

export type EntriesRepository = ReturnType<typeof createEntriesRepository>;
