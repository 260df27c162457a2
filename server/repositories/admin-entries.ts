import type { DB } from '../db/open';
import { ENTRY_COLUMNS, toEntry, type EntryRow } from './entries';

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

/** What the county sees of its 幸福码: filtered lists, doorplate labels per village, batch inserts. */
export function createAdminEntriesRepository(db: DB) {
  const list = db.prepare<Record<string, unknown>, EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entry_points
    WHERE (@township IS NULL OR township = @township) AND (@village IS NULL OR village = @village)
      AND (@active IS NULL OR active = @active)
    ORDER BY township, village, created_at, code`);
  const labels = db.prepare<[string], { label: string }>('SELECT label FROM entry_points WHERE village = ? AND active = 1 AND label IS NOT NULL');
  const insert = db.prepare('INSERT INTO entry_points (code, township, village, label) VALUES (@code, @township, @village, @label)');
  const exists = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM entry_points WHERE code = ?');

  return {
    list(filter: EntryListFilter) {
      return list
        .all({ township: filter.township ?? null, village: filter.village ?? null, active: filter.active === undefined ? null : filter.active ? 1 : 0 })
        .map(toEntry)
        .map(({ scanCount, completionCount, ...entry }) => ({ ...entry, scans: scanCount, completions: completionCount }));
    },
    /** Labels of the village's active codes, to refuse printing the same doorplate twice. */
    activeLabelsIn: (village: string): Set<string> => new Set(labels.all(village).map((r) => r.label)),
    codeExists: (code: string): boolean => (exists.get(code)?.n ?? 0) > 0,
    /** All or nothing: one transaction for the whole batch. */
    insertAll: db.transaction((entries: NewEntry[]): void => {
      for (const entry of entries) insert.run(entry);
    }),
  };
}

export type AdminEntriesRepository = ReturnType<typeof createAdminEntriesRepository>;
