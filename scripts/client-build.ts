import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
const CLIENT = path.join(ROOT, 'client');
export const DIST = path.join(CLIENT, 'dist');
const STAMP = path.join(DIST, 'index.html');
const SOURCES = [path.join(CLIENT, 'src'), path.join(CLIENT, 'public'), path.join(CLIENT, 'index.html'), path.join(CLIENT, 'vite.config.ts'), path.join(ROOT, 'shared'), path.join(ROOT, 'package-lock.json')];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, name)));
  return newest;
}

/** The built client is stale when any of its sources changed after the last build. */
export function clientIsStale(): boolean {
  if (!fs.existsSync(STAMP)) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

export async function buildClient(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(CLIENT, 'vite.config.ts'), logLevel: 'warn' });
}
