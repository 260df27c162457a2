import { sql } from 'kysely';
import type { Engine } from '../db/engine';
import { countyOnInsert } from './dialect';
import { fieldsOf } from './row-fields';

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
  /** One county (#16); left out: every county. */
  county?: string;
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

const ENTRY_COLUMNS = [
  'code', 'township', 'village', 'label', 'active', 'disabled_reason', 'scan_count', 'completion_count', 'created_at',
] as const satisfies ReadonlyArray<keyof EntryRow>;

const toEntry = (row: EntryRow): EntryPoint => fieldsOf(row, ENTRY_COLUMNS, ['active']);

/**
 * 幸福码: lookup and counts for residents' scans, and the county's lists, doorplate labels and batch inserts.
 * countScans, countCompletion(s) and insertAll write more than one row: callers run them inside store.transaction
 * when the rows must go together.
 */
export function createEntriesRepository(db: Engine) {
  const entries = () => db.selectFrom('entry_points').select(ENTRY_COLUMNS);
  const withCounty = (entry: NewEntry) => ({ ...entry, ...countyOnInsert(db, entry.township) });

  async function countCompletions(code: string, day: string, n: number, suspected: number): Promise<void> {
    await db
      .updateTable('entry_points')
      .set((eb) => ({ completion_count: eb('completion_count', '+', n) }))
      .where('code', '=', code)
      .execute();
    await db
      .insertInto('screening_counts')
      .values({ entry_code: code, day, completed: n, suspected })
      .onConflict((oc) =>
        oc.columns(['entry_code', 'day']).doUpdateSet((eb) => ({
          completed: eb('screening_counts.completed', '+', eb.ref('excluded.completed')),
          suspected: eb('screening_counts.suspected', '+', eb.ref('excluded.suspected')),
        })),
      )
      .execute();
  }

  return {
    async find(code: string): Promise<EntryPoint | undefined> {
      const row = await entries().where('code', '=', code).executeTakeFirst();
      return row ? toEntry(row) : undefined;
    },
    list: async (): Promise<EntryPoint[]> => (await entries().orderBy('township').orderBy('created_at').execute()).map(toEntry),
    /** The county's list, filtered by township, village and whether the code is in use. Codes without a village first. */
    listWhere: async (filter: EntryListFilter): Promise<EntryPoint[]> =>
      (
        await entries()
          .$if(filter.township !== undefined, (q) => q.where('township', '=', filter.township!))
          .$if(filter.county !== undefined, (q) => q.where('county', '=', filter.county!))
          .$if(filter.village !== undefined, (q) => q.where('village', '=', filter.village!))
          .$if(filter.active !== undefined, (q) => q.where('active', '=', filter.active ? 1 : 0))
          .orderBy('township')
          .orderBy(sql`village IS NULL`, 'desc')
          .orderBy('village')
          .orderBy('created_at')
          .orderBy('code')
          .execute()
      ).map(toEntry),
    async insert(entry: NewEntry): Promise<void> {
      await db.insertInto('entry_points').values(withCounty(entry)).execute();
    },
    /** One multi-row insert; run it inside store.transaction with whatever else must go with it. */
    async insertAll(entries: NewEntry[]): Promise<void> {
      // Chunks keep each statement under SQLite's bound-parameter limit (4 per row).
      for (let i = 0; i < entries.length; i += 200) {
        await db.insertInto('entry_points').values(entries.slice(i, i + 200).map(withCounty)).execute();
      }
    },
    /** Labels of the village's active codes, to refuse printing the same doorplate twice. */
    async activeLabelsIn(village: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom('entry_points')
        .select('label')
        .where('village', '=', village)
        .where('active', '=', 1)
        .where('label', 'is not', null)
        .execute();
      return new Set(rows.map((r) => r.label!));
    },
    async codeExists(code: string): Promise<boolean> {
      return (await db.selectFrom('entry_points').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
    },
    async setActive(code: string, active: boolean, reason: string | null): Promise<boolean> {
      const result = await db
        .updateTable('entry_points')
        .set({ active: active ? 1 : 0, disabled_reason: active ? null : reason })
        .where('code', '=', code)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** The code's running total and the day's count: two statements, so callers wanting both or neither use a transaction. */
    async countScans(code: string, day: string, n: number): Promise<void> {
      await db
        .updateTable('entry_points')
        .set((eb) => ({ scan_count: eb('scan_count', '+', n) }))
        .where('code', '=', code)
        .execute();
      await db
        .insertInto('scan_counts')
        .values({ entry_code: code, day, scans: n })
        .onConflict((oc) => oc.columns(['entry_code', 'day']).doUpdateSet((eb) => ({ scans: eb('scan_counts.scans', '+', eb.ref('excluded.scans')) })))
        .execute();
    },
    countCompletion: (code: string, day: string, suspected: boolean): Promise<void> => countCompletions(code, day, 1, suspected ? 1 : 0),
    countCompletions,
  };
}

export type EntriesRepository = ReturnType<typeof createEntriesRepository>;
