import type { ParameterValues } from '../../shared/screening/parameters';
import type { Engine } from '../db/engine';

export interface ParameterVersion {
  id: number;
  effectiveFrom: string;
  values: ParameterValues;
  source: string;
  createdAt: string;
  createdBy: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  /** null: a province-wide version (saved before #16). */
  county: string | null;
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
  county: string | null;
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
  county: row.county,
});

/**
 * Dated versions of the screening parameters. Never edited or deleted; one not yet in effect may be
 * withdrawn, which is the only change the table allows (migration 023).
 */
export function createParameterVersionsRepository(db: Engine) {
  // A county's timeline (#16): the province-wide versions and its own; null: the province-wide ones; left out: all.
  const versions = (county?: string | null) =>
    db
      .selectFrom('parameter_versions')
      .selectAll()
      .$if(county !== undefined, (q) => q.where((eb) => (county === null ? eb('county', 'is', null) : eb.or([eb('county', 'is', null), eb('county', '=', county!)]))))
      .orderBy('effective_from')
      .orderBy('id');
  return {
    /** The versions that count for screening (withdrawn ones left out) in a county's timeline, or every county's. */
    list: async (county?: string | null): Promise<ParameterVersion[]> => (await versions(county).where('withdrawn_at', 'is', null).execute()).map(toVersion),
    /** Every version ever saved in a county's timeline (or every county's), withdrawn ones included, for the record. */
    listAll: async (county?: string | null): Promise<ParameterVersion[]> => (await versions(county).execute()).map(toVersion),
    async find(id: number): Promise<ParameterVersion | undefined> {
      const row = await db.selectFrom('parameter_versions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toVersion(row) : undefined;
    },
    /** Whether a standing version (the county's own or a province-wide one) is dated that day. */
    existsOn: async (effectiveFrom: string, county: string | null): Promise<boolean> =>
      (await versions(county)
        .where('effective_from', '=', effectiveFrom)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst()) !== undefined,
    async insert(version: { effectiveFrom: string; values: ParameterValues; source: string; createdBy: string; county: string | null }): Promise<number> {
      const { id } = await db
        .insertInto('parameter_versions')
        .values({
          effective_from: version.effectiveFrom,
          values_json: JSON.stringify(version.values),
          source: version.source,
          created_by: version.createdBy,
          county: version.county,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    /** True when this call withdrew it (false: already withdrawn). */
    async withdraw(id: number, by: string, at: string): Promise<boolean> {
      const result = await db
        .updateTable('parameter_versions')
        .set({ withdrawn_at: at, withdrawn_by: by })
        .where('id', '=', id)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type ParameterVersionsRepository = ReturnType<typeof createParameterVersionsRepository>;
