import { openStore, storageTarget, type OpenedStore } from '../../server/db/open-store';
import type { Store } from '../../server/db/store';
import { loadDemoCounty } from '../../server/domain/bootstrap';
import { createVault, loadKeys, type Vault } from '../../server/domain/crypto';

export interface SeedingCounty {
  opened: OpenedStore;
  vault: Vault;
  /** Codes of the demo county's townships, then the bench's own 压测镇 up to the number asked for. */
  townships: string[];
}

/** Where seeding writes: SQLite in the DATA_DIR (its key file made there), or PostgreSQL with a DATA_KEY. */
export interface SeedingPlace {
  databaseUrl?: string;
  /** base64 of the 64 key bytes, as a server's DATA_KEY; without it the key file in the DATA_DIR (made if absent). */
  dataKey?: string;
}

/**
 * A fresh DATA_DIR (or PostgreSQL database) opened for seeding: migrated, the demo county loaded with its 幸福码,
 * and padded with townships of the bench's own so the data spreads as widely as a real county's. Close `opened`
 * when done. A server started on it later needs the same DATABASE_URL and DATA_KEY.
 */
export async function openSeedingCounty(dataDir: string, townships: number, { databaseUrl, dataKey }: SeedingPlace = {}): Promise<SeedingCounty> {
  const opened = await openStore(storageTarget({ dataDir, databaseUrl }));
  const { store } = opened;
  // Blind indexes, tracking codes and request ids are random keys: each insert lands on any page of its index. A
  // page cache that holds those indexes (256 MB for this one connection; the file is the same) keeps a million-case
  // seed from rereading them on every row.
  opened.sqlite?.pragma('cache_size = -262144');
  await loadDemoCounty(store);
  const vault = createVault(loadKeys(dataDir, dataKey));
  const regions = await store.repos.regions.list();
  const county = regions.find((r) => r.level === 'county')!;
  const codes = regions.filter((r) => r.level === 'township').map((r) => r.code);
  await store.transaction(async (tx) => {
    for (let n = codes.length; n < townships; n++) {
      const code = `${county.code.slice(0, 6)}${String(200 + n).padStart(3, '0')}000`;
      await tx.repos.regions.insert({ code, name: `压测镇${n}`, level: 'township', parent: county.code, phone: null });
      codes.push(code);
    }
  });
  return { opened, vault, townships: codes };
}

/** Seeds rows `0…count-1` through `seedRow`, one transaction per thousand (short write locks, steady memory). */
export async function seedInBatches(store: Store, count: number, seedRow: (tx: Store, i: number) => Promise<void>): Promise<void> {
  for (let from = 0; from < count; from += 1000) {
    await store.transaction(async (tx) => {
      for (let i = from; i < Math.min(from + 1000, count); i++) await seedRow(tx, i);
    });
  }
}
