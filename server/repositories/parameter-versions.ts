import type { ParameterValues } from '../../shared/screening/parameters';
import type { DB } from '../db/open';

export interface ParameterVersion {
  id: number;
  effectiveFrom: string;
  values: ParameterValues;
  source: string;
  createdAt: string;
  createdBy: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

interface VersionRow {
  id: number;
  effective_from: string;
  values_json: string;
  source: string;
  created_at: string;
  created_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

const toVersion = (row: VersionRow): ParameterVersion => ({
  id: row.id,
  effectiveFrom: row.effective_from,
  values: JSON.parse(row.values_json) as ParameterValues,
  source: row.source,
  createdAt: row.created_at,
  createdBy: row.created_by,
  withdrawnAt: row.withdrawn_at,
  withdrawnBy: row.withdrawn_by,
});

/**
 * Dated versions of the screening parameters. Never edited or deleted; one not yet in effect may be
 * withdrawn, which is the only change the table allows (migration 023).
 */
export function createParameterVersionsRepository(db: DB) {
  const standing = db.prepare<[], VersionRow>('SELECT * FROM parameter_versions WHERE withdrawn_at IS NULL ORDER BY effective_from, id');
  const everyOne = db.prepare<[], VersionRow>('SELECT * FROM parameter_versions ORDER BY effective_from, id');
  const byId = db.prepare<[number], VersionRow>('SELECT * FROM parameter_versions WHERE id = ?');
  const byDate = db.prepare<[string], { id: number }>('SELECT id FROM parameter_versions WHERE effective_from = ? AND withdrawn_at IS NULL');
  const insert = db.prepare(`INSERT INTO parameter_versions (effective_from, values_json, source, created_by)
    VALUES (@effectiveFrom, @values, @source, @createdBy)`);
  const withdraw = db.prepare('UPDATE parameter_versions SET withdrawn_at = @at, withdrawn_by = @by WHERE id = @id AND withdrawn_at IS NULL');
  return {
    /** The versions that count for screening (withdrawn ones left out). */
    list: (): ParameterVersion[] => standing.all().map(toVersion),
    /** Every version ever saved, withdrawn ones included, for the county's record. */
    listAll: (): ParameterVersion[] => everyOne.all().map(toVersion),
    find: (id: number): ParameterVersion | undefined => {
      const row = byId.get(id);
      return row ? toVersion(row) : undefined;
    },
    existsOn: (effectiveFrom: string): boolean => byDate.get(effectiveFrom) !== undefined,
    insert(version: { effectiveFrom: string; values: ParameterValues; source: string; createdBy: string }): number {
      return Number(insert.run({ ...version, values: JSON.stringify(version.values) }).lastInsertRowid);
    },
    /** True when this call withdrew it (false: already withdrawn). */
    withdraw: (id: number, by: string, at: string): boolean => withdraw.run({ id, by, at }).changes === 1,
  };
}

export type ParameterVersionsRepository = ReturnType<typeof createParameterVersionsRepository>;
