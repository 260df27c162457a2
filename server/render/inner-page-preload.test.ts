import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { innerPagePreloads } from './inner-page-preload';

const dirs: string[] = [];
function distWith(manifest: object): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-dist-'));
  dirs.push(dist);
  fs.mkdirSync(path.join(dist, '.vite'));
  fs.writeFileSync(path.join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  return dist;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('inner page preloads', () => {
  it("name the resident chunk, its styles and its imports, but not the entry's own files", () => {
    const dist = distWith({
      'index.html': { file: 'assets/index-A.js', name: 'index', isEntry: true, imports: ['_runtime-R.js'], css: ['assets/index-A.css'] },
      '_runtime-R.js': { file: 'assets/runtime-R.js' },
      '_queue-Q.js': { file: 'assets/queue-Q.js', name: 'queue' },
      '_resident-B.js': { file: 'assets/resident-B.js', name: 'resident', imports: ['_runtime-R.js', 'index.html', '_queue-Q.js'], css: ['assets/resident-B.css'] },
      'src/pages/staff/StaffLoginPage.vue': { file: 'assets/StaffLoginPage-S.js', name: 'StaffLoginPage' },
    });
    expect(innerPagePreloads(dist).split('\n')).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/resident-B.js">',
      '<link rel="modulepreload" crossorigin href="/assets/queue-Q.js">',
      '<link rel="stylesheet" crossorigin href="/assets/resident-B.css">',
    ]);
  });

  it('are empty when the client is not built or has no resident chunk', () => {
    expect(innerPagePreloads(path.join(os.tmpdir(), 'xfm-no-such-dist'))).toBe('');
    expect(innerPagePreloads(distWith({ 'index.html': { file: 'assets/index-A.js', isEntry: true } }))).toBe('');
  });
});
