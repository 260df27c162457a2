import type { Policy } from '../../shared/policies/policy';
import type { DB } from '../db/open';

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

/** The county's policy library: seeded once from the shipped library, then edited by the county. */
export function createPolicyLibraryRepository(db: DB) {
  const all = db.prepare<[], PolicyRow>('SELECT id, data_json, updated_at, updated_by FROM policies ORDER BY position, id');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM policies');
  const byId = db.prepare<[string], PolicyRow>('SELECT id, data_json, updated_at, updated_by FROM policies WHERE id = ?');
  const insert = db.prepare(`INSERT INTO policies (id, position, data_json, updated_by)
    VALUES (@id, (SELECT coalesce(max(position), -1) + 1 FROM policies), @data, @by)`);
  const update = db.prepare("UPDATE policies SET data_json = @data, updated_by = @by, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @id");

  const toStored = (row: PolicyRow): StoredPolicy => ({ policy: JSON.parse(row.data_json) as Policy, updatedAt: row.updated_at, updatedBy: row.updated_by });

  return {
    isEmpty: (): boolean => (count.get()?.n ?? 0) === 0,
    /** Copies the shipped library in, once: afterwards the table is the library. */
    seed: db.transaction((policies: readonly Policy[]): void => {
      if ((count.get()?.n ?? 0) > 0) return;
      for (const policy of policies) insert.run({ id: policy.id, data: JSON.stringify(policy), by: null });
    }),
    list: (): StoredPolicy[] => all.all().map(toStored),
    find(id: string): StoredPolicy | undefined {
      const row = byId.get(id);
      return row ? toStored(row) : undefined;
    },
    insert(policy: Policy, by: string): void {
      insert.run({ id: policy.id, data: JSON.stringify(policy), by });
    },
    update(policy: Policy, by: string): boolean {
      return update.run({ id: policy.id, data: JSON.stringify(policy), by }).changes === 1;
    },
  };
}

export type PolicyLibraryRepository = ReturnType<typeof createPolicyLibraryRepository>;
