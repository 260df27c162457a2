import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, engineRuns, useMigratedEngine } from '../../tests/helpers/engines';
import { newHousehold, PLACES, seedCase, seedPlaces } from '../../tests/helpers/register-fixtures';
import { createCasesRepository } from './cases';
import { createEntriesRepository } from './entries';
import { createHouseholdsRepository } from './households';
import { createReferralsRepository } from './referrals';
import { createResourcesRepository } from './resources';

const TABLES = ['cases', 'households', 'entry_points', 'referrals'] as const;
const NOW = '2026-11-29T08:00:00.000Z';
// Every row insertThroughRepositories writes lies in the demo county, whichever of its townships.
const ALL_IN_COUNTY = {
  cases: [PLACES.county, PLACES.county, PLACES.county],
  households: [PLACES.county],
  entry_points: [PLACES.county, PLACES.county],
  referrals: [PLACES.county],
};

// The county column (063, 067, 070) of cases, households, 幸福码 and referrals: always the township's county on both engines, and on
// PostgreSQL carried in the INSERT itself, as a sharded PostgreSQL (Citus) needs to route a row by its county.
describe.each(ENGINES)('county column on %s', (engine) => {
  describe.skipIf(!engineRuns(engine))('freshly migrated', () => {
    const db = useMigratedEngine(engine);
    beforeAll(() => seedPlaces(db()));

    /** What the repositories write: one case (single and bulk), one household, 幸福码 one and many, one referral. */
    async function insertThroughRepositories(tag: string): Promise<Record<(typeof TABLES)[number], Array<string | null>>> {
      const cases = createCasesRepository(db());
      const newCase = {
        township: PLACES.lingxi, village: null, subjectEnc: Buffer.from('密文'), nameMasked: '张*', phoneMasked: null, idMasked: null,
        addressMasked: null, source: 'self' as const, status: 'new' as const, level: 'yellow' as const, targetClass: null,
        answersJson: '{}', resultJson: '{}', rulesVersion: 'v1', situationsJson: null, dueAt: NOW, now: NOW,
      };
      const one = await cases.insertCase({ ...newCase, personKey: `${tag}-1` });
      const many = await cases.insertCases([{ ...newCase, personKey: `${tag}-2` }, { ...newCase, township: PLACES.qianku, personKey: `${tag}-3` }]);
      const household = await createHouseholdsRepository(db()).insert(newHousehold({ person_key: `${tag}-h` }));
      const entries = createEntriesRepository(db());
      await entries.insert({ code: `${tag}A`, township: PLACES.lingxi, village: null, label: null });
      await entries.insertAll([{ code: `${tag}B`, township: PLACES.qianku, village: null, label: null }]);
      const resourceId = await createResourcesRepository(db()).create(
        { kind: 'service', name: `助餐${tag}`, township: null, serviceTypes: [], contact: null, capacity: null }, 'test', NOW);
      const referral = await createReferralsRepository(db()).create({ caseId: one, township: PLACES.lingxi, resourceId, need: '送餐', acceptBy: NOW, createdBy: 'test', now: NOW });
      const countiesOf = async (table: (typeof TABLES)[number], key: 'id' | 'code', values: Array<number | string>) =>
        (await db().selectFrom(table).select('county').where(key, 'in', values).orderBy(key).execute()).map((r) => r.county);
      return {
        cases: await countiesOf('cases', 'id', [one, ...many.values()]),
        households: await countiesOf('households', 'id', [household]),
        entry_points: await countiesOf('entry_points', 'code', [`${tag}A`, `${tag}B`]),
        referrals: await countiesOf('referrals', 'id', [referral]),
      };
    }

    it('gives every row written through the repositories its township’s county', async () => {
      expect(await insertThroughRepositories('r')).toEqual(ALL_IN_COUNTY);
    });

    it('derives the county for any other writer too, and follows a township that changes', async () => {
      const id = await seedCase(db(), { township: PLACES.lingxi, createdAt: NOW });
      const other = '330328100000';
      await db().insertInto('regions').values({ code: '330328000000', name: '另一县', level: 'county', parent: null }).execute();
      await db().insertInto('regions').values({ code: other, name: '另一镇', level: 'township', parent: '330328000000' }).execute();
      const resourceId = await createResourcesRepository(db()).create(
        { kind: 'service', name: '助浴', township: null, serviceTypes: [], contact: null, capacity: null }, 'test', NOW);
      const referral = await createReferralsRepository(db()).create({ caseId: id, township: PLACES.lingxi, resourceId, need: '助浴', acceptBy: NOW, createdBy: 'test', now: NOW });
      await db().updateTable('cases').set({ township: other }).where('id', '=', id).execute();
      const row = await db().selectFrom('cases').select('county').where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.county).toBe('330328000000');
      const moved = await db().selectFrom('referrals').select(['township', 'county']).where('id', '=', referral).executeTakeFirstOrThrow();
      expect(moved).toEqual({ township: other, county: '330328000000' });
    });

    it.runIf(engine === 'postgres')('is a plain column on PostgreSQL that the INSERT statements fill themselves', async () => {
      const generated = await sql<{ table_name: string; is_generated: string }>`SELECT table_name, is_generated FROM information_schema.columns
        WHERE column_name = 'county' AND table_name IN ('cases', 'households', 'entry_points', 'referrals') ORDER BY table_name`.execute(db());
      expect(generated.rows).toEqual(TABLES.map((t) => ({ table_name: t, is_generated: 'NEVER' })).sort((a, b) => a.table_name.localeCompare(b.table_name)));
      // Without the safety-net triggers (every user trigger of the four tables), only the value in the statement can
      // have set the county.
      for (const table of TABLES) await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(db());
      try {
        expect(await insertThroughRepositories('t')).toEqual(ALL_IN_COUNTY);
      } finally {
        for (const table of TABLES) await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(db());
      }
    });
  });
});
