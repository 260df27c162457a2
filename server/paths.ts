import fs from 'node:fs';
import path from 'node:path';

/**
 * The repository root, found by walking up to package.json, so paths hold whether the server runs
 * from its TypeScript sources (server/) or from the bundle `npm start` builds (build/).
 */
function findRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const ROOT = findRoot(import.meta.dirname);
export const MIGRATIONS_DIR = path.join(ROOT, 'server', 'migrations');
export const DEFAULT_CLIENT_DIST = path.join(ROOT, 'client', 'dist');
