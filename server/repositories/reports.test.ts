import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, engineRuns, useMigratedEngine } from '../../tests/helpers/engines';
import { newHousehold, PLACES, seedCase, seedPlaces, seedStaff } from '../../tests/helpers/register-fixtures';
import { createAdminStatsRepository, type StatsRange } from './admin-stats';
import { createHouseholdsRepository } from './households';
import { createLedgerRepository } from './ledger';
import { createPlanRepository } from './plan';
import { createReferralsRepository } from './referrals';
import { createRegisterLedgerRepository } from './register-ledger';
import { createResourcesRepository } from './resources';
import { createWarningKeysRepository } from './warning-keys';

// November 2026 in China time: 2026-10-31T16:00Z up to 2026-11-30T16:00Z.
const range: StatsRange = {
  fromDay: '2026-11-01',
  toDay: '2026-11-30',
  fromIso: '2026-10-31T16:00:00.000Z',
  toIso: '2026-11-30T16:00:00.000Z',
  now: '2026-11-29T08:00:00.000Z',
};

// The same seeded data gives the same report rows on both engines: these expectations are shared.
describe.each(ENGINES)('report queries on %s', (engine) => {
  describe.skipIf(!engineRuns(engine))('seeded', () => {
    const db = useMigratedEngine(engine);
    const ids = { early: 0, late: 0, other: 0, staff: 0, household: 0, resource: 0 };
    beforeAll(async () => {
      const d = db();
      await seedPlaces(d);
      ids.staff = await seedStaff(d, 'lingxi1', 'township_staff', PLACES.lingxi);
      // Created 1 November 01:00 China time (still 31 October in UTC): November in the figures.
      ids.early = await seedCase(d, { township: PLACES.lingxi, village: PLACES.dupu, personKey: 'pk-1', createdAt: '2026-10-31T17:00:00.000Z', dueAt: '2026-11-10T00:00:00.000Z' });
      ids.late = await seedCase(d, { township: PLACES.lingxi, createdAt: '2026-11-20T03:00:00.000Z', source: 'warning' });
      ids.other = await seedCase(d, { township: PLACES.qianku, createdAt: '2026-11-21T03:00:00.000Z', source: 'report' });
      await d.updateTable('cases').set({ assignee_id: ids.staff, target_class: 'dibao' }).where('id', '=', ids.early).execute();
      await d
        .insertInto('case_events')
        .values([
          { case_id: ids.early, at: '2026-11-02T00:00:00.000Z', type: 'contact', actor: 'lingxi1', public_text: null, detail_enc: null },
          { case_id: ids.early, at: '2026-11-01T00:00:00.000Z', type: 'visit', actor: 'lingxi1', public_text: null, detail_enc: null },
          { case_id: ids.early, at: '2026-11-03T00:00:00.000Z', type: 'decide', actor: 'lingxi1', public_text: null, detail_enc: Buffer.from('d1') },
          { case_id: ids.early, at: '2026-11-04T00:00:00.000Z', type: 'decide', actor: 'lingxi1', public_text: null, detail_enc: Buffer.from('d2') },
          { case_id: ids.late, at: '2026-11-22T00:00:00.000Z', type: 'handle', actor: 'lingxi1', public_text: null, detail_enc: Buffer.from('h') },
        ])
        .execute();
      await d
        .insertInto('submissions')
        .values([
          { case_id: ids.early, kind: 'request', request_id: 'r1', tracking_code: 't1', payload_enc: Buffer.from('p'), created_at: '2026-10-31T17:00:00.000Z' },
          { case_id: ids.other, kind: 'report', request_id: 'r2', tracking_code: 't2', payload_enc: Buffer.from('p'), created_at: '2026-11-21T03:00:00.000Z' },
          { case_id: ids.other, kind: 'report', request_id: 'r3', tracking_code: 't3', payload_enc: Buffer.from('p'), created_at: '2026-10-30T03:00:00.000Z' },
        ])
        .execute();
      await d.insertInto('entry_points').values({ code: 'E1', township: PLACES.lingxi }).execute();
      await d.insertInto('scan_counts').values([{ entry_code: 'E1', day: '2026-11-01', scans: 3 }, { entry_code: 'E1', day: '2026-11-30', scans: 4 }, { entry_code: 'E1', day: '2026-12-01', scans: 100 }]).execute();
      await d.insertInto('screening_counts').values({ entry_code: 'E1', day: '2026-11-05', completed: 2, suspected: 1 }).execute();
      await createWarningKeysRepository(d).insert('pk:civil:2026-11', ids.late, '2026-11-20T03:00:00.000Z');

      const households = createHouseholdsRepository(d);
      ids.household = await households.insert(newHousehold());
      await households.insert(newHousehold({ person_key: 'pk-2', township: PLACES.qianku, village: '', category: 'tekun', level: 'red' }));
      await households.linkCase(ids.household, ids.late);
      await households.linkCase(ids.household, ids.early);
      ids.resource = await createResourcesRepository(d).create({ kind: 'service', name: '助餐', township: null, serviceTypes: [], contact: null, capacity: null }, 'admin', range.now);
      await createReferralsRepository(d).create({ caseId: ids.early, township: PLACES.lingxi, resourceId: ids.resource, need: '午餐', acceptBy: '2026-11-09T00:00:00.000Z', createdBy: 'lingxi1', now: '2026-11-05T00:00:00.000Z' });
      const plan = createPlanRepository(d);
      const measure = { householdId: ids.household, ownerId: ids.staff, dueOn: '2026-12-01', caseId: null, resourceId: null, referralId: null, suggestionKey: null, createdBy: 'lingxi1', now: '2026-11-05T00:00:00.000Z' };
      await plan.create({ ...measure, kind: 'policy', title: '低保', policyId: 'dibao' });
      const done = await plan.create({ ...measure, kind: 'policy', title: '低保', policyId: 'dibao' });
      await plan.setStatus(done, 'done', null, '2026-11-06T00:00:00.000Z');
    });

    it('reads the case ledger in batches, with names, assignee, first contact and filters', async () => {
      const ledger = createLedgerRepository(db());
      const all = await ledger.batch({ status: 'all' }, 0, 2);
      expect(all.map((r) => r.id)).toEqual([ids.early, ids.late]);
      expect(all[0]).toMatchObject({ township_name: '灵溪镇', village_name: '渎浦村', assignee: 'lingxi1', first_contact_at: '2026-11-01T00:00:00.000Z', target_class: 'dibao' });
      expect(all[1]).toMatchObject({ village_name: null, assignee: null, first_contact_at: null });
      expect((await ledger.batch({ status: 'all' }, ids.late, 2)).map((r) => r.id)).toEqual([ids.other]);
      expect((await ledger.batch({ status: 'open', township: PLACES.qianku }, 0, 10)).map((r) => r.id)).toEqual([ids.other]);
      expect((await ledger.batch({ status: 'all', source: 'warning' }, 0, 10)).map((r) => r.id)).toEqual([ids.late]);
      expect((await ledger.batch({ status: 'all', overdueAsOf: '2026-11-11T00:00:00.000Z' }, 0, 10)).map((r) => r.id)).toEqual([ids.early]);
      expect(await ledger.batch({ status: 'closed' }, 0, 10)).toEqual([]);
      expect((await ledger.decisionsOf(ids.early)).map((r) => Buffer.from(r.detail_enc!).toString())).toEqual(['d1', 'd2']);
      expect(await ledger.measuresOf(ids.early)).toEqual([
        { kind: 'policy', title: '低保', status: 'planned' },
        { kind: 'policy', title: '低保', status: 'done' },
      ]);
      expect(await ledger.measuresOf(ids.other)).toEqual([]);
    });

    it('reads the register ledger in batches with the linked cases in order', async () => {
      const registerLedger = createRegisterLedgerRepository(db());
      const rows = await registerLedger.batch({}, 0, 10);
      expect(rows.map((r) => [r.township_name, r.village_name, r.category, r.cases])).toEqual([
        ['灵溪镇', '渎浦村', 'dibao', `${ids.early}、${ids.late}`],
        ['钱库镇', null, 'tekun', null],
      ]);
      expect((await registerLedger.batch({ level: 'red' }, 0, 10)).map((r) => r.category)).toEqual(['tekun']);
      expect(await registerLedger.batch({}, rows[1]!.id, 10)).toEqual([]);
    });

    it('counts the county figures by China month', async () => {
      const stats = createAdminStatsRepository(db());
      const byKey = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
      expect(await stats.scans(range)).toEqual([{ township: PLACES.lingxi, month: '2026-11', scans: 7 }]);
      expect(await stats.completions(range)).toEqual([{ township: PLACES.lingxi, month: '2026-11', completed: 2, suspected: 1 }]);
      expect(byKey(await stats.submissions(range), (r) => r.township)).toEqual([
        { township: PLACES.qianku, month: '2026-11', kind: 'report', n: 1 },
        { township: PLACES.lingxi, month: '2026-11', kind: 'request', n: 1 },
      ]);
      expect(await stats.caseFacts(range)).toEqual([
        { township: PLACES.lingxi, month: '2026-11', status: 'new', source: 'self', createdAt: '2026-10-31T17:00:00.000Z', firstContactAt: '2026-11-01T00:00:00.000Z', decided: true },
        { township: PLACES.lingxi, month: '2026-11', status: 'new', source: 'warning', createdAt: '2026-11-20T03:00:00.000Z', firstContactAt: null, decided: false },
        { township: PLACES.qianku, month: '2026-11', status: 'new', source: 'report', createdAt: '2026-11-21T03:00:00.000Z', firstContactAt: null, decided: false },
      ]);
      expect(await stats.overdueByTownship(range.now)).toEqual([{ township: PLACES.lingxi, n: 1 }]);
      // A place is a township or a county (#16): the county's own code reads the same rows, another county's none.
      expect(await stats.caseFacts(range, PLACES.county)).toEqual(await stats.caseFacts(range));
      expect((await stats.caseFacts(range, PLACES.qianku)).map((f) => f.source)).toEqual(['report']);
      expect(await stats.caseFacts(range, '330326000000')).toEqual([]);
      expect(await stats.submissions(range, '330326000000')).toEqual([]);
      expect(await stats.overdueByTownship(range.now, PLACES.county)).toEqual([{ township: PLACES.lingxi, n: 1 }]);
      expect(byKey(await stats.targetClasses(range, null), (r) => r.target_class ?? '')).toEqual([
        { target_class: null, n: 2 },
        { target_class: 'dibao', n: 1 },
      ]);
      expect(await stats.targetClasses(range, PLACES.qianku)).toEqual([{ target_class: null, n: 1 }]);
      expect((await stats.decisionDetails(range, null)).map((b) => Buffer.from(b!).toString())).toEqual(['d2']);
      expect(await stats.decisionDetails(range, PLACES.qianku)).toEqual([]);
      expect(await stats.policyMeasures(range, PLACES.lingxi)).toEqual([
        { policy_id: 'dibao', name: '低保', status: 'done', n: 1 },
        { policy_id: 'dibao', name: '低保', status: 'planned', n: 1 },
      ]);
      expect(await stats.policyMeasures(range, PLACES.qianku)).toEqual([]);
      expect(await stats.referralsByResource(range, null)).toEqual([{ resource_id: ids.resource, name: '助餐', kind: 'service', status: 'planned', n: 1 }]);
      expect(await stats.warningsRaised(range, null)).toEqual([
        { township: PLACES.lingxi, month: '2026-11', warning_key: 'pk:civil:2026-11', raised_at: '2026-11-20T03:00:00.000Z', first_contact_at: null },
      ]);
      expect(await stats.warningsRaised(range, PLACES.qianku)).toEqual([]);
      const handled = await stats.warningsHandled(range, PLACES.lingxi);
      expect(handled.map((r) => [r.township, r.month, Buffer.from(r.detail_enc!).toString()])).toEqual([[PLACES.lingxi, '2026-11', 'h']]);
    });
  });
});
