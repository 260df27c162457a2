import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES, engineRuns, useMigratedEngine } from '../../tests/helpers/engines';
import { createSignalImportsRepository } from './signal-imports';
import { createWarningMatchRepository } from './warning-match';
import { createWarningRulesRepository } from './warning-rules';

const NOW = '2026-11-29T02:00:00.000Z';
const LATER = '2026-11-29T02:00:05.000Z';

// 数据预警's repositories: the same expectations on both engines.
describe.each(ENGINES)('warning repositories on %s', (engine) => {
  describe.skipIf(!engineRuns(engine))('freshly migrated', () => {
    const db = useMigratedEngine(engine);

    it('an import job starts queued, advances, finishes with counts and error lines, and lists newest first', async () => {
      const jobs = createSignalImportsRepository(db());
      const first = await jobs.start({ source: 'medical', fileName: '医保.csv', fileHash: 'a'.repeat(64), actor: 'county', now: NOW });
      expect(await jobs.find(first)).toMatchObject({ id: first, status: 'queued', rowsDone: 0, rowsTotal: 0, rows: 0, finishedAt: null });
      await jobs.progress(first, { status: 'matching', rowsDone: 500, rowsTotal: 1000, now: LATER });
      expect(await jobs.find(first)).toMatchObject({ status: 'matching', rowsDone: 500, rowsTotal: 1000, updatedAt: LATER });
      const problems = [{ row: 3, column: '身份证号', reason: '没有填身份证号' }];
      await jobs.finish(first, { rows: 1001, matched: 2, warnings: 3, duplicates: 4, rejected: 1, problemsJson: JSON.stringify(problems), now: LATER });
      expect(await jobs.find(first)).toMatchObject({ status: 'done', rows: 1001, matched: 2, warnings: 3, duplicates: 4, rejected: 1, finishedAt: LATER });
      expect(await jobs.problems(first)).toEqual(problems);

      const second = await jobs.start({ source: 'death', fileName: '死亡.xlsx', fileHash: 'b'.repeat(64), actor: 'cli', now: LATER });
      await jobs.fail(second, '文件读不出来', LATER);
      expect((await jobs.list(10)).map((j) => [j.id, j.status, j.message])).toEqual([
        [second, 'failed', '文件读不出来'],
        [first, 'done', null],
      ]);
      expect(await jobs.problems(second)).toEqual([]);
      expect(await jobs.find(9999)).toBeUndefined();

      // A job whose server stopped mid-import is marked failed; a moving one is left alone.
      const stuck = await jobs.start({ source: 'death', fileName: '死亡.csv', fileHash: 'c'.repeat(64), actor: 'county', now: NOW });
      const moving = await jobs.start({ source: 'death', fileName: '死亡.csv', fileHash: 'c'.repeat(64), actor: 'county', now: '2026-11-29T03:00:00.000Z' });
      expect(await jobs.failStale('2026-11-29T02:30:00.000Z', '服务重启，导入中断了', LATER)).toBe(1);
      expect([(await jobs.find(stuck))!.status, (await jobs.find(moving))!.status]).toEqual(['failed', 'queued']);
      expect(await jobs.problems(9999)).toBeUndefined();
    });

    it('rule versions are dated once each; a source\'s figures are replaced by its next import', async () => {
      const rules = createWarningRulesRepository(db());
      const values = { medicalSelfPaidYuan: 47_000, disabilityGrades: ['一级' as const], deathAgeBand: { min: 18, max: 60 } };
      const C = '330327000000';
      const id = await rules.insert({ effectiveFrom: '2027-01-01', values, source: '县民政局会议', createdBy: 'county', now: NOW, county: C });
      expect(await rules.versions(C)).toEqual([{ id, effectiveFrom: '2027-01-01', values, source: '县民政局会议', createdAt: NOW, createdBy: 'county', county: C }]);
      expect(await rules.existsOn('2027-01-01', C)).toBe(true);
      expect(await rules.existsOn('2027-01-02', C)).toBe(false);
      await expect(rules.insert({ effectiveFrom: '2027-01-01', values, source: '再来', createdBy: 'county', now: NOW, county: C })).rejects.toThrow(/unique/i);
      // Each county its own (065): another county dates a version on the same day, and neither sees the other's.
      const other = await rules.insert({ effectiveFrom: '2027-01-01', values, source: '平阳', createdBy: 'py', now: NOW, county: '330326000000' });
      expect((await rules.versions('330326000000')).map((v) => v.id)).toEqual([other]);
      expect(await rules.versions(null)).toEqual([]);
      // A saved version is a record of the county's decision: never edited, never removed (061).
      await expect(sql`UPDATE warning_rule_versions SET source = '改过' WHERE id = ${id}`.execute(db())).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM warning_rule_versions WHERE id = ${id}`.execute(db())).rejects.toThrow(/append-only/);
      expect((await rules.versions(C)).map((v) => v.source)).toEqual(['县民政局会议']);

      await rules.keepFigures(C, 'medical', JSON.stringify({ source: 'medical', amounts: [1, 2] }), null, NOW);
      await rules.keepFigures(C, 'medical', JSON.stringify({ source: 'medical', amounts: [30_000] }), null, LATER);
      await rules.keepFigures(C, 'death', JSON.stringify({ source: 'death', ages: [40] }), null, LATER);
      // Each county its own figures (069): another county's import, or one of no county, overwrites none of C's.
      await rules.keepFigures('330326000000', 'medical', JSON.stringify({ source: 'medical', amounts: [7] }), null, LATER);
      await rules.keepFigures(null, 'medical', JSON.stringify({ source: 'medical', amounts: [8] }), null, NOW);
      await rules.keepFigures(null, 'medical', JSON.stringify({ source: 'medical', amounts: [9] }), null, LATER);
      expect(await rules.figures(C)).toEqual([
        { figures: { source: 'death', ages: [40] }, importId: null, savedAt: LATER },
        { figures: { source: 'medical', amounts: [30_000] }, importId: null, savedAt: LATER },
      ]);
      expect(await rules.figures('330326000000')).toEqual([{ figures: { source: 'medical', amounts: [7] }, importId: null, savedAt: LATER }]);
      expect(await rules.figures(null)).toEqual([{ figures: { source: 'medical', amounts: [9] }, importId: null, savedAt: LATER }]);
    });

    it('matches a batch of person keys to the register, open cases and warnings already raised', async () => {
      const e = db();
      await sql`INSERT INTO regions (code, name, level, parent) VALUES ('330327000000', '苍南县', 'county', NULL), ('330327100000', '灵溪镇', 'township', '330327000000')`.execute(e);
      const blob = Buffer.from([1, 2, 3]);
      for (const [key, closed] of [['k1', null], ['k1', null], ['k2', NOW]] as const) {
        await e
          .insertInto('cases')
          .values({ township: '330327100000', person_key: key, subject_enc: blob, name_masked: '张*', source: 'warning', level: 'yellow', created_at: NOW, updated_at: NOW, closed_at: closed } as never)
          .execute();
      }
      const newest = (await e.selectFrom('cases').select('id').where('person_key', '=', 'k1').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
      await e.insertInto('warning_keys').values({ warning_key: 'k1:medical:2026', case_id: newest, raised_at: NOW }).execute();
      const match = createWarningMatchRepository(e);
      const open = await match.openCases(['k1', 'k2', 'k3']);
      expect([...open.keys()]).toEqual(['k1']);
      expect(open.get('k1')).toMatchObject({ id: newest, level: 'yellow' });
      expect(Buffer.from(open.get('k1')!.subjectEnc)).toEqual(blob);
      expect(await match.raised(['k1:medical:2026', 'k2:medical:2026'])).toEqual(new Set(['k1:medical:2026']));
      expect((await match.registered(['k1', 'k3'])).size).toBe(0);
      expect((await match.openCases([])).size).toBe(0);
    });
  });
});
