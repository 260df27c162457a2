import { sql } from 'kysely';
import type { Engine } from '../db/engine';
import type { SignalImportsTable } from '../db/schema-warnings';

export type SignalImportStatus = SignalImportsTable['status'];

export interface SignalImportCounts {
  rows: number;
  matched: number;
  warnings: number;
  duplicates: number;
  rejected: number;
}

export interface SignalImportRecord extends SignalImportCounts {
  id: number;
  source: string;
  fileName: string;
  fileHash: string;
  actor: string;
  status: SignalImportStatus;
  rowsDone: number;
  rowsTotal: number;
  message: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** The importing admin's county (#16). */
  county: string | null;
}

export interface SignalProblemLine {
  row: number;
  column: string;
  reason: string;
}

const COLUMNS = [
  'id', 'source', 'file_name', 'file_hash', 'actor', 'status', 'rows_total', 'rows_done', 'row_count', 'matched', 'warnings',
  'duplicates', 'rejected', 'message', 'created_at', 'updated_at', 'finished_at', 'county',
] as const;

type Row = Pick<SignalImportsTable, Exclude<(typeof COLUMNS)[number], 'id' | 'rows_total' | 'rows_done' | 'row_count' | 'matched' | 'warnings' | 'duplicates' | 'rejected' | 'county'>> & {
  id: number;
  county: string | null;
  rows_total: number;
  rows_done: number;
  row_count: number;
  matched: number;
  warnings: number;
  duplicates: number;
  rejected: number;
};

const toRecord = (r: Row): SignalImportRecord => ({
  id: r.id,
  source: r.source,
  fileName: r.file_name,
  fileHash: r.file_hash,
  actor: r.actor,
  status: r.status,
  rowsDone: r.rows_done,
  rowsTotal: r.rows_total,
  rows: r.row_count,
  matched: r.matched,
  warnings: r.warnings,
  duplicates: r.duplicates,
  rejected: r.rejected,
  message: r.message,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
  county: r.county,
});

/**
 * 数据预警 imports as jobs: started, advanced batch by batch, finished with counts and the per-row error lines.
 * Any app server answers a job's progress from here, not from memory.
 */
export function createSignalImportsRepository(db: Engine) {
  return {
    /** county left out (the command line): the only county when the regions hold exactly one. */
    async start(job: { source: string; fileName: string; fileHash: string; actor: string; now: string; county?: string | null }): Promise<number> {
      const county = job.county ?? sql<string | null>`(SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1)`;
      const row = await db
        .insertInto('signal_imports')
        .values({ source: job.source, file_name: job.fileName, file_hash: job.fileHash, actor: job.actor, status: 'queued', created_at: job.now, updated_at: job.now, county })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
    async progress(id: number, update: { status: SignalImportStatus; rowsDone: number; rowsTotal: number; now: string }): Promise<void> {
      await db
        .updateTable('signal_imports')
        .set({ status: update.status, rows_done: update.rowsDone, rows_total: update.rowsTotal, updated_at: update.now })
        .where('id', '=', id)
        .execute();
    },
    /** `problemsJson`: SignalProblemLine[] as JSON (the worker hands the lines over as text). */
    async finish(id: number, result: SignalImportCounts & { problemsJson: string; now: string }): Promise<void> {
      await db
        .updateTable('signal_imports')
        .set({
          status: 'done',
          row_count: result.rows,
          matched: result.matched,
          warnings: result.warnings,
          duplicates: result.duplicates,
          rejected: result.rejected,
          problems_json: result.problemsJson,
          updated_at: result.now,
          finished_at: result.now,
        })
        .where('id', '=', id)
        .execute();
    },
    async fail(id: number, message: string, now: string): Promise<void> {
      await db.updateTable('signal_imports').set({ status: 'failed', message, updated_at: now, finished_at: now }).where('id', '=', id).execute();
    },
    /** Jobs that stopped moving (their server went down mid-import) are marked failed; returns how many. */
    async failStale(updatedBefore: string, message: string, now: string): Promise<number> {
      const result = await db
        .updateTable('signal_imports')
        .set({ status: 'failed', message, updated_at: now, finished_at: now })
        .where('status', 'in', ['queued', 'parsing', 'matching'])
        .where('updated_at', '<', updatedBefore)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async find(id: number): Promise<SignalImportRecord | undefined> {
      const row = await db.selectFrom('signal_imports').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row as Row) : undefined;
    },
    /** Newest first, of one county (null: every county); the error lines are left out (they can be long). */
    async list(limit: number, county: string | null = null): Promise<SignalImportRecord[]> {
      const rows = await db
        .selectFrom('signal_imports')
        .select(COLUMNS)
        .$if(county !== null, (qb) => qb.where('county', '=', county))
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => toRecord(r as Row));
    },
    async problems(id: number): Promise<SignalProblemLine[] | undefined> {
      const row = await db.selectFrom('signal_imports').select('problems_json').where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return row.problems_json ? (JSON.parse(row.problems_json) as SignalProblemLine[]) : [];
    },
  };
}

export type SignalImportsRepository = ReturnType<typeof createSignalImportsRepository>;
