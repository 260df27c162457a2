import path from 'node:path';
import { cachedDataDir } from './data-cache';
import { seedCases } from './seed-cases';

/** A DATA_DIR with `count` seeded cases (with contacts and decisions) across `townships`, cached in .bench/. */
export async function cachedCases(count: number, townships: number): Promise<{ dataDir: string; seededSeconds: number | null; townships: string[] }> {
  const cached = await cachedDataDir(`cases-${count}`, `${count}/${townships}`, path.join(import.meta.dirname, 'seed-cases.ts'), async (dataDir) => ({
    townships: (await seedCases(dataDir, count, townships, { followUps: true })).townships,
  }));
  return { dataDir: cached.dataDir, seededSeconds: cached.seededSeconds, townships: cached.manifest.townships };
}
