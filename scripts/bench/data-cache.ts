import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../../server/paths';
import { ROOT } from '../build.mjs';

const CACHE = path.join(ROOT, '.bench');

/** What a seeded file depends on: the schema (every migration), the sizes, and the seeding code itself. */
function seedVersion(sizes: string, seedingCode: string): string {
  const hash = createHash('sha256').update(`${sizes}\n`);
  for (const name of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort()) hash.update(name).update(fs.readFileSync(path.join(MIGRATIONS_DIR, name)));
  hash.update(fs.readFileSync(seedingCode));
  return hash.digest('hex').slice(0, 12);
}

export interface CachedDataDir<Manifest> {
  dataDir: string;
  /** How long seeding took, or null when an earlier run's copy was reused. */
  seededSeconds: number | null;
  manifest: Manifest;
}

/**
 * A seeded DATA_DIR kept under .bench/ (gitignored) and reused while the schema, the sizes and the seeding code
 * stay the same: seeding a million rows takes minutes, reusing them a moment. A new version seeds afresh and drops
 * the older copies. `seed` fills the folder it is given and answers what the bench needs to know about it.
 */
export async function cachedDataDir<Manifest>(
  name: string,
  sizes: string,
  seedingCode: string,
  seed: (dataDir: string) => Promise<Manifest>,
): Promise<CachedDataDir<Manifest>> {
  const prefix = `${name}-`;
  const dataDir = path.join(CACHE, `${prefix}${seedVersion(sizes, seedingCode)}`);
  const manifestFile = path.join(dataDir, 'seeded.json');
  if (fs.existsSync(manifestFile)) return { dataDir, seededSeconds: null, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest };

  fs.mkdirSync(CACHE, { recursive: true });
  for (const old of fs.readdirSync(CACHE).filter((entry) => entry.startsWith(prefix))) fs.rmSync(path.join(CACHE, old), { recursive: true, force: true });
  // Seeded aside and renamed when complete, so an interrupted run is never mistaken for a finished one.
  const partial = `${dataDir}.partial`;
  const started = performance.now();
  const manifest = await seed(partial);
  fs.writeFileSync(path.join(partial, 'seeded.json'), JSON.stringify(manifest));
  fs.renameSync(partial, dataDir);
  return { dataDir, seededSeconds: (performance.now() - started) / 1000, manifest };
}
