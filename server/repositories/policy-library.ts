import type { Policy } from '../../shared/policies/policy';
import { sql } from 'kysely';
import type { Engine } from '../db/engine';

export interface StoredPolicy {
  policy: Policy;
  updatedAt: string;
  updatedBy: string | null;
}

interface PolicyRow {
  id: string;
  data_json: string;
  updated_at: string;
  updated_by: string | null;
}

const toStored = (row: PolicyRow): StoredPolicy => ({ policy: JSON.parse(row.data_json) as Policy, updatedAt: row.updated_at, updatedBy: row.updated_by });

/**
 * The county's policy library: seeded once from the shipped library, then edited by the county. `seed` reads then
 * writes: run it inside the caller's `store.transaction` so two first starts cannot both copy the library in.
 */
export function createPolicyLibraryRepository(db: Engine) {
  const count = async (): Promise<number> =>
    Number((await db.selectFrom('policies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const insert = async (policy: Policy, by: string | null): Promise<void> => {
    await db
      .insertInto('policies')
      .values({
        id: policy.id,
        // Next in order; the same statement on both engines.
        position: sql<number>`(SELECT coalesce(max(position), -1) + 1 FROM policies)`,
        data_json: JSON.stringify(policy),
        updated_by: by,
      })
      .execute();
  };
  const policies = () => db.selectFrom('policies').select(['id', 'data_json', 'updated_at', 'updated_by']);

  return {
    isEmpty: async (): Promise<boolean> => (await count()) === 0,
    /** Copies the shipped library in, once: afterwards the table is the library. */
    async seed(library: readonly Policy[]): Promise<void> {
      if ((await count()) > 0) return;
      for (const policy of library) await insert(policy, null);
    },
    list: async (): Promise<StoredPolicy[]> => (await policies().orderBy('position').orderBy('id').execute()).map(toStored),
    async find(id: string): Promise<StoredPolicy | undefined> {
      const row = await policies().where('id', '=', id).executeTakeFirst();
      return row ? toStored(row) : undefined;
    },
    insert: (policy: Policy, by: string): Promise<void> => insert(policy, by),
    async update(policy: Policy, by: string): Promise<boolean> {
      const result = await db
        .updateTable('policies')
        .set({ data_json: JSON.stringify(policy), updated_by: by, updated_at: new Date().toISOString() })
        .where('id', '=', policy.id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type PolicyLibraryRepository = ReturnType<typeof createPolicyLibraryRepository>;
