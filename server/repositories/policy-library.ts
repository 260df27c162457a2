import type { Policy } from '../../shared/policies/policy';
import { sql } from 'kysely';
import type { Engine } from '../db/engine';

export interface StoredPolicy {
  policy: Policy;
  updatedAt: string;
  updatedBy: string | null;
  /** null: a province-wide entry, in every county's library under the county's own entry of the same id. */
  county: string | null;
}

interface PolicyRow {
  id: string;
  data_json: string;
  updated_at: string;
  updated_by: string | null;
  county: string | null;
}

const toStored = (row: PolicyRow): StoredPolicy => ({ policy: JSON.parse(row.data_json) as Policy, updatedAt: row.updated_at, updatedBy: row.updated_by, county: row.county });

/** A county's library from its rows and the province-wide ones (in library order): its own entry wins, by id. */
export function libraryOf(rows: readonly StoredPolicy[], county: string | null): StoredPolicy[] {
  const own = new Map(rows.filter((r) => county !== null && r.county === county).map((r) => [r.policy.id, r]));
  const provinceIds = new Set(rows.filter((r) => r.county === null).map((r) => r.policy.id));
  return rows.filter((r) => (r.county === null ? true : r.county === county && !provinceIds.has(r.policy.id))).map((r) => (r.county === null ? (own.get(r.policy.id) ?? r) : r));
}

/**
 * The policy library (#16: by county): seeded once, province-wide, from the shipped library, then edited by each
 * county as its own entries. `seed` reads then writes: run it inside the caller's `store.transaction` so two first
 * starts cannot both copy the library in.
 */
export function createPolicyLibraryRepository(db: Engine) {
  const count = async (): Promise<number> =>
    Number((await db.selectFrom('policies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const insert = async (policy: Policy, by: string | null, county: string | null, position?: number): Promise<void> => {
    await db
      .insertInto('policies')
      .values({
        id: policy.id,
        // Next in order; the same statement on both engines.
        position: position ?? sql<number>`(SELECT coalesce(max(position), -1) + 1 FROM policies)`,
        data_json: JSON.stringify(policy),
        updated_by: by,
        county,
      })
      .execute();
  };
  // Rows in library order; a county's: the province-wide ones and its own; left out: every county's.
  const rows = async (county?: string | null): Promise<StoredPolicy[]> =>
    (
      await db
        .selectFrom('policies')
        .select(['id', 'data_json', 'updated_at', 'updated_by', 'county'])
        .$if(county !== undefined, (q) => q.where((eb) => (county === null ? eb('county', 'is', null) : eb.or([eb('county', 'is', null), eb('county', '=', county!)]))))
        .orderBy('position')
        .orderBy('id')
        .execute()
    ).map(toStored);
  const list = async (county: string | null): Promise<StoredPolicy[]> => libraryOf(await rows(county), county);

  return {
    isEmpty: async (): Promise<boolean> => (await count()) === 0,
    /** Copies the shipped library in once, province-wide: afterwards the table is the library. */
    async seed(library: readonly Policy[]): Promise<void> {
      if ((await count()) > 0) return;
      for (const policy of library) await insert(policy, null, null);
    },
    /** The county's library (null: the province-wide one). */
    list,
    /** Every row of every county, for the screening engine's per-county libraries (see libraryOf). */
    listAll: (): Promise<StoredPolicy[]> => rows(),
    async find(id: string, county: string | null): Promise<StoredPolicy | undefined> {
      return (await list(county)).find((p) => p.policy.id === id);
    },
    insert: (policy: Policy, by: string, county: string | null): Promise<void> => insert(policy, by, county),
    /**
     * Saves the entry as `county`'s (null: the province-wide entry). A county's first edit of a province-wide entry
     * is its own copy, in the same place in the library; the province-wide entry stays for the other counties.
     */
    async update(policy: Policy, by: string, county: string | null): Promise<boolean> {
      const result = await db
        .updateTable('policies')
        .set({ data_json: JSON.stringify(policy), updated_by: by, updated_at: new Date().toISOString() })
        .where('id', '=', policy.id)
        .where('county', county === null ? 'is' : '=', county)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return true;
      if (county === null) return false;
      const base = await db.selectFrom('policies').select('position').where('id', '=', policy.id).where('county', 'is', null).executeTakeFirst();
      if (!base) return false;
      await insert(policy, by, county, base.position);
      return true;
    },
  };
}

export type PolicyLibraryRepository = ReturnType<typeof createPolicyLibraryRepository>;
