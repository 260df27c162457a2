import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGINES, engineRuns, useMigratedEngine } from '../../tests/helpers/engines';
import { RISK_LEVELS, RISK_RANK, type RiskLevel } from '../../shared/cases/risk';
import type { Engine } from '../db/engine';
import { createCaseQueueRepository, type QueuePosition } from './case-queue';
import { createReferralsRepository } from './referrals';

const COUNTY = '330327000000';
const TOWNSHIPS = ['330327101000', '330327102000'] as const;
const AT = '2026-03-01T00:00:00.000Z';

async function addRegions(db: Engine): Promise<void> {
  await db.insertInto('regions').values({ code: COUNTY, name: '县', level: 'county', parent: null, phone: null }).execute();
  for (const code of TOWNSHIPS) await db.insertInto('regions').values({ code, name: code, level: 'township', parent: COUNTY, phone: null }).execute();
}

interface Case {
  township: string;
  level: RiskLevel;
  day: number;
  closed: boolean;
}

async function addCase(db: Engine, c: Case): Promise<number> {
  const { id } = await db
    .insertInto('cases')
    .values({
      township: c.township, subject_enc: Buffer.from([0]), name_masked: '张*', source: 'self', status: c.closed ? 'closed' : 'new', level: c.level,
      due_at: `2026-01-${String(c.day).padStart(2, '0')}T00:00:00.000Z`, created_at: AT, updated_at: AT, closed_at: c.closed ? AT : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const caseArb = fc.record({
  township: fc.constantFrom(...TOWNSHIPS),
  level: fc.constantFrom(...RISK_LEVELS),
  day: fc.integer({ min: 1, max: 28 }),
  closed: fc.boolean(),
});

describe.each(ENGINES)('the overdue queue on %s', (engine) => {
  describe.skipIf(!engineRuns(engine))('freshly migrated', () => {
    const db = useMigratedEngine(engine);

    it('sets up the townships', async () => {
      await addRegions(db());
    });

    it('walks exactly the open cases past due, red first then earliest due, whether few or most are overdue', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(caseArb, { maxLength: 30 }), fc.integer({ min: 1, max: 29 }), fc.integer({ min: 1, max: 4 }), async (cases, asOfDay, limit) => {
          await db().deleteFrom('cases').execute();
          const ids = [];
          for (const c of cases) ids.push({ ...c, id: await addCase(db(), c) });
          const asOf = `2026-01-${String(asOfDay).padStart(2, '0')}T00:00:00.000Z`;
          const queue = createCaseQueueRepository(db());
          for (const township of [TOWNSHIPS[0], null]) {
            const expected = ids
              .filter((c) => !c.closed && c.day < asOfDay && (township === null || c.township === township))
              .sort((a, b) => RISK_RANK[b.level] - RISK_RANK[a.level] || a.day - b.day || a.id - b.id)
              .map((c) => c.id);
            const seen: number[] = [];
            let after: QueuePosition | undefined;
            for (let pages = 0; pages <= cases.length; pages++) {
              const { rows, nextCursor } = await queue.page({ township, county: COUNTY, openOnly: true, overdueAsOf: asOf, after, limit });
              seen.push(...rows.map((r) => r.id));
              if (!nextCursor) break;
              after = queue.positionOf(nextCursor) ?? undefined;
            }
            expect(seen).toEqual(expected);
          }
        }),
        { numRuns: 20 },
      );
    });

    it("counts a planned referral past its date in its case's township, and follows the case when it moves", async () => {
      await db().deleteFrom('cases').execute();
      const caseId = await addCase(db(), { township: TOWNSHIPS[0], level: 'red', day: 1, closed: false });
      const { id: resourceId } = await db().insertInto('resources').values({ kind: 'service', name: '助餐点', township: null }).returning('id').executeTakeFirstOrThrow();
      const referrals = createReferralsRepository(db());
      await referrals.create({ caseId, township: TOWNSHIPS[0], resourceId, need: '送餐', acceptBy: '2026-01-10T00:00:00.000Z', createdBy: 'staff:1', now: AT });
      const queue = createCaseQueueRepository(db());
      const overdue = async (township: string | null) => (await queue.tallies(township, AT, 1000, COUNTY)).referralsOverdue;
      expect([await overdue(TOWNSHIPS[0]), await overdue(TOWNSHIPS[1]), await overdue(null)]).toEqual([1, 0, 1]);
      expect((await queue.tallies(TOWNSHIPS[0], '2026-01-05T00:00:00.000Z', 1000)).referralsOverdue).toBe(0);
      await db().updateTable('cases').set({ township: TOWNSHIPS[1] }).where('id', '=', caseId).execute();
      expect([await overdue(TOWNSHIPS[0]), await overdue(TOWNSHIPS[1]), await overdue(null)]).toEqual([0, 1, 1]);
      expect((await queue.tallies(null, AT, 1000, '330328000000')).referralsOverdue).toBe(0);
      await db().deleteFrom('referrals').execute();
    });
  });
});
