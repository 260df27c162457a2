import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeIdNumber } from '../../tests/helpers/people';
import { buildTestApp, type TestApp } from '../../tests/helpers/test-app';
import { importRoster } from './register-import';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const HEADER = ['身份证号', '姓名', '乡镇代码', '类别', '纳入日期', '风险等级'];
// 330327 + birth date 1980-01-DD + a 3-digit sequence: 1001 valid, distinct ID numbers.
const idOf = (n: number) => fakeIdNumber(`3303271980${'01'}${String(1 + Math.floor(n / 1000)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`);
const row = (n: number, category = '低保', level = '') => [idOf(n), `名${n}`, '330327105000', category, '2025-02-01', level];

describe('importRoster', () => {
  it('reports progress batch by batch on a large file', async () => {
    const table = [HEADER, ...Array.from({ length: 1001 }, (_, i) => row(i + 1))];
    const progress: Array<[number, number]> = [];
    const summary = await importRoster(t.app.store, t.app.vault, table, '2026-11-29T02:00:00.000Z', { onProgress: (done, total) => progress.push([done, total]) });
    expect(summary).toMatchObject({ rows: 1001, imported: 1001, updated: 0, rejected: [] });
    expect(progress).toEqual([
      [500, 1001],
      [1000, 1001],
      [1001, 1001],
    ]);
  });

  it('a preview counts what the import would do and keeps nothing', async () => {
    const fresh = row(5000);
    const summary = await importRoster(t.app.store, t.app.vault, [HEADER, fresh, row(2, '特困')], '2026-11-29T02:00:00.000Z', { preview: true });
    expect(summary).toMatchObject({ rows: 2, imported: 1, updated: 1, rejected: [] });
    expect(await t.app.repos.households.findByPersonKey(t.app.vault.blindIndex('id', fresh[0]!))).toBeUndefined();
    expect((await t.app.repos.households.findByPersonKey(t.app.vault.blindIndex('id', row(2)[0]!)))?.category).toBe('dibao');
  });

  it('a changed row updates the entry but keeps the level and schedule a visit set', async () => {
    const key = t.app.vault.blindIndex('id', row(1)[0]!);
    const before = (await t.app.repos.households.findByPersonKey(key))!;
    await t.app.repos.households.recordVisit({
      householdId: before.id,
      visitedOn: '2026-11-27',
      kind: 'visit',
      actor: 'staff:1',
      level: 'red',
      findingsEnc: t.app.vault.encrypt({}),
      openRisksJson: '{}',
      clearedJson: '[]',
      nextVisitOn: '2026-12-04',
      now: '2026-11-27T02:00:00.000Z',
    });
    const summary = await importRoster(t.app.store, t.app.vault, [HEADER, row(1, '特困')], '2026-11-29T02:00:00.000Z');
    expect(summary).toMatchObject({ imported: 0, updated: 1 });
    const after = (await t.app.repos.households.findByPersonKey(key))!;
    expect([after.category, after.level, after.next_visit_on]).toEqual(['tekun', 'red', '2026-12-04']);
    // 特困 re-checked yearly from 2025-02-01: the first one still ahead is 2027-02-01.
    expect(after.next_review_on).toBe('2027-02-01');
  });
});
