import type { ParameterValues } from '../../shared/screening/parameters';
import type { DB } from '../db/open';

export interface ParameterVersion {
  id: number;
  effectiveFrom: string;
  values: ParameterValues;
  source: string;
  createdAt: string;
  createdBy: string;
}

interface VersionRow {
  id: number;
  effective_from: string;
  values_json: string;
  source: string;
  created_at: string;
  created_by: string;
}

/** Dated versions of the screening parameters; append-only (the table refuses updates and deletes). */
export function createParameterVersionsRepository(db: DB) {
  const all = db.prepare<[], VersionRow>('SELECT * FROM parameter_versions ORDER BY effective_from, id');
  const byDate = db.prepare<[string], { id: number }>('SELECT id FROM parameter_versions WHERE effective_from = ?');
  const insert = db.prepare(`INSERT INTO parameter_versions (effective_from, values_json, source, created_by)
    VALUES (@effectiveFrom, @values, @source, @createdBy)`);
  return {
    list: (): ParameterVersion[] =>
      all.all().map((row) => ({
        id: row.id,
        effectiveFrom: row.effective_from,
        values: JSON.parse(row.values_json) as ParameterValues,
        source: row.source,
        createdAt: row.created_at,
        createdBy: row.created_by,
      })),
    existsOn: (effectiveFrom: string): boolean => byDate.get(effectiveFrom) !== undefined,
    insert(version: { effectiveFrom: string; values: ParameterValues; source: string; createdBy: string }): number {
      return Number(insert.run({ ...version, values: JSON.stringify(version.values) }).lastInsertRowid);
    },
  };
}

export type ParameterVersionsRepository = ReturnType<typeof createParameterVersionsRepository>;
