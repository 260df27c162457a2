import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../../server/paths';
import { ROOT } from '../build.mjs';
import { seedCases } from './seed-cases';

const CACHE = path.join(ROOT, '.bench');

/** What the seeded file depends on: the schema (every migration) and the seeding code itself. */
function seedVersion(count: number, townships: number): string {
  const hash = createHash('sha256').update(`${count}/${townships}\n`);
  for (const name of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort()) hash.update(name).update(fs.readFileSync(path.join(MIGRATIONS_DIR, name)));
  hash.update(fs.readFileSync(path.join(import.meta.dirname, 'seed-cases.ts')));
  return hash.digest('hex').slice(0, 12);
}

/**
 * A DATA_DIR with `count` seeded cases (with contacts and decisions), kept under .bench/ (gitignored)
 * and reused while the schema and the seeding code stay the same: seeding a million cases takes
 * minutes, reusing them a moment. A new schema version seeds afresh and drops the older copies.
 */
export function cachedCases(count: number, townships: number): { dataDir: string; seededSeconds: number | null; townships: string[] } {
  const prefix = `cases-${count}-`;
  const dataDir = path.join(CACHE, `${prefix}${seedVersion(count, townships)}`);
  const manifest = path.join(dataDir, 'seeded.json');
  if (fs.existsSync(manifest)) return { dataDir, seededSeconds: null, townships: (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { townships: string[] }).townships };

  fs.mkdirSync(CACHE, { recursive: true });
  for (const old of fs.readdirSync(CACHE).filter((name) => name.startsWith(prefix))) fs.rmSync(path.join(CACHE, old), { recursive: true, force: true });
  // Seeded aside and renamed when complete, so an interrupted run is never mistaken for a finished one.
  const partial = `${dataDir}.partial`;
  const seeded = seedCases(partial, count, townships, { followUps: true });
  fs.writeFileSync(path.join(partial, 'seeded.json'), JSON.stringify({ townships: seeded.townships }));
  fs.renameSync(partial, dataDir);
  return { dataDir, seededSeconds: seeded.seconds, townships: seeded.townships };
}
