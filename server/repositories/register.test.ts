import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_POLICIES } from '../../shared/policies/demo-county-policies';
import type { ParameterValues } from '../../shared/screening/parameters';
import { ENGINES, engineRuns, useMigratedEngine } from '../../tests/helpers/engines';
import { newHousehold, PLACES, seedCase, seedPlaces, seedStaff } from '../../tests/helpers/register-fixtures';
import { createHouseholdsRepository } from './households';
import { createParameterVersionsRepository } from './parameter-versions';
import { createPlanRepository } from './plan';
import { createPolicyLibraryRepository } from './policy-library';
import { createReferralsRepository } from './referrals';
import { createResourcesRepository } from './resources';
import { createWarningKeysRepository } from './warning-keys';

// The register's repositories keep the same contract on both engines.
describe.each(ENGINES)('register repositories on %s', (engine) => {
  describe.skipIf(!engineRuns(engine))('freshly migrated', () => {
    const db = useMigratedEngine(engine);
    let staffId = 0;
    let caseId = 0;
    beforeAll(async () => {
      await seedPlaces(db());
      staffId = await seedStaff(db(), 'lingxi1', 'township_staff', PLACES.lingxi);
      await seedStaff(db(), 'admin', 'county_admin', null);
      await seedStaff(db(), 'qianku1', 'township_staff', PLACES.qianku);
      caseId = await seedCase(db(), { township: PLACES.lingxi, personKey: 'pk-1', createdAt: '2026-11-01T02:00:00.000Z' });
    });

    it('enrols a household, finds it, updates it and links cases', async () => {
      const households = createHouseholdsRepository(db());
      const id = await households.insert(newHousehold());
      const found = await households.find(id);
      expect(found).toMatchObject({ id, person_key: 'pk-1', village: PLACES.dupu, open_risks_json: '{}', last_visit_on: null, created_at: '2026-11-29T01:00:00.000Z' });
      expect(Buffer.from(found!.subject_enc)).toEqual(Buffer.from([1, 2, 3]));
      expect((await households.findByPersonKey('pk-1'))?.id).toBe(id);
      expect(await households.findByPersonKey('nobody')).toBeUndefined();

      await households.update(id, { ...newHousehold({ level: 'red', category: 'tekun', now: '2026-11-30T00:00:00.000Z' }) });
      expect(await households.find(id)).toMatchObject({ level: 'red', category: 'tekun', person_key: 'pk-1', updated_at: '2026-11-30T00:00:00.000Z' });

      // Same person by key; then an explicit link, twice (the second changes nothing).
      expect(await households.ofCase(caseId, 'pk-1')).toEqual({ id, township: PLACES.lingxi });
      const other = await seedCase(db(), { township: PLACES.lingxi, createdAt: '2026-11-02T02:00:00.000Z' });
      expect(await households.ofCase(other, null)).toBeUndefined();
      await households.linkCase(id, other);
      await households.linkCase(id, other);
      expect(await households.ofCase(other, null)).toEqual({ id, township: PLACES.lingxi });
      expect((await households.findByCase(other))?.id).toBe(id);
      expect(await households.linkedCaseIds(id, 'pk-1')).toEqual([caseId, other]);
      expect(await households.linkedCaseIds(id, null)).toEqual([other]);
      // The CHECK on category holds on both engines.
      await expect(households.insert(newHousehold({ person_key: 'pk-x', category: 'nonsense' }))).rejects.toThrow(/check/i);
    });

    it('records visits without moving the schedule backwards, and keeps events append-only', async () => {
      const households = createHouseholdsRepository(db());
      const id = await households.insert(newHousehold({ person_key: 'pk-visits' }));
      const visit = { householdId: id, kind: 'visit' as const, actor: 'lingxi1', level: 'blue', findingsEnc: Buffer.from('f'), openRisksJson: '{"health":"x"}', clearedJson: '[]' };
      const first = await households.recordVisit({ ...visit, visitedOn: '2026-11-20', nextVisitOn: '2026-12-20', now: '2026-11-20T01:00:00.000Z' });
      const late = await households.recordVisit({ ...visit, level: 'red', visitedOn: '2026-11-10', nextVisitOn: '2026-12-10', now: '2026-11-21T01:00:00.000Z' });
      expect(late).toBeGreaterThan(first);
      expect(await households.find(id)).toMatchObject({ level: 'blue', last_visit_on: '2026-11-20', next_visit_on: '2026-12-20', open_risks_json: '{"health":"x"}' });
      expect((await households.visitsOf(id)).map((v) => v.id)).toEqual([first, late]);

      await households.appendEvent({ householdId: id, at: '2026-11-20T01:00:00.000Z', type: 'enrol', actor: 'lingxi1', caseId, detail: { category: 'dibao' } });
      await households.appendEvent({ householdId: id, at: '2026-11-21T01:00:00.000Z', type: 'level', actor: 'lingxi1' });
      const events = await households.eventsOf(id);
      expect(events.map((e) => [e.type, e.case_id, e.detail_json])).toEqual([
        ['enrol', caseId, '{"category":"dibao"}'],
        ['level', null, null],
      ]);
      await expect(sql`UPDATE household_events SET type = 'changed' WHERE id = ${events[0]!.id}`.execute(db())).rejects.toThrow(/append-only/);
    });

    it('pages the register in visiting order and counts visits due', async () => {
      const households = createHouseholdsRepository(db());
      const ids: number[] = [];
      for (const [i, next] of ['2026-11-25', '2026-11-28', '2026-12-03', '2026-12-30'].entries()) {
        ids.push(await households.insert(newHousehold({ person_key: `pk-page-${i}`, township: PLACES.qianku, village: '', next_visit_on: next })));
      }
      const exited = await households.insert(newHousehold({ person_key: 'pk-page-exited', township: PLACES.qianku, village: 'zz', category: 'exited', monitored_until: '2026-11-01', next_visit_on: '2026-11-01' }));
      const first = await households.page({ township: PLACES.qianku, limit: 2 });
      expect(first.map((h) => h.id)).toEqual([ids[0], ids[1]]);
      const last = first[first.length - 1]!;
      const next = await households.page({ township: PLACES.qianku, limit: 10, after: { village: last.village, nextVisitOn: last.next_visit_on, id: last.id } });
      expect(next.map((h) => h.id)).toEqual([ids[2], ids[3], exited]);
      expect((await households.page({ township: PLACES.qianku, visitBy: '2026-12-05', today: '2026-11-29', limit: 10 })).map((h) => h.id)).toEqual(ids.slice(0, 3));
      expect(await households.countDue(PLACES.qianku, '2026-11-29', '2026-12-05')).toEqual({ overdue: 2, due: 3 });
      expect((await households.countDue(null, '2026-11-29', '2026-12-05')).due).toBeGreaterThanOrEqual(3);
      const summary = await households.summary('2026-11-29', '2026-12-05', '2026-12-31');
      expect(summary.filter((r) => r.township === PLACES.qianku)).toEqual([
        { township: PLACES.qianku, village: '', category: 'dibao', level: 'yellow', households: 4, overdue: 2, due_this_week: 3, reviews_due: 0 },
        { township: PLACES.qianku, village: 'zz', category: 'exited', level: 'yellow', households: 1, overdue: 0, due_this_week: 0, reviews_due: 0 },
      ]);
      expect((await households.explain({ township: PLACES.qianku, limit: 2 })).length).toBeGreaterThan(0);
      expect((await households.explainCounts(PLACES.qianku, '2026-11-29', '2026-12-05')).length).toBeGreaterThan(0);
    });

    it('keeps resources: create, update, retire, find by name, scope by township', async () => {
      const resources = createResourcesRepository(db());
      const county = await resources.create({ kind: 'organisation', name: '县慈善总会', township: null, serviceTypes: ['money'], contact: '0577', capacity: 10 }, 'admin', '2026-11-01T00:00:00.000Z');
      const own = await resources.create({ kind: 'station', name: '灵溪助联体', township: PLACES.lingxi, serviceTypes: [], contact: null, capacity: null }, 'admin', '2026-11-01T00:00:00.000Z');
      const elsewhere = await resources.create({ kind: 'wish', name: '钱库微心愿', township: PLACES.qianku, serviceTypes: [], contact: null, capacity: null }, 'admin', '2026-11-01T00:00:00.000Z');
      expect(await resources.find(county)).toMatchObject({ id: county, serviceTypes: ['money'], retiredAt: null, updatedBy: 'admin' });
      expect((await resources.activeFor(PLACES.lingxi)).map((r) => r.id)).toEqual([county, own]);
      expect((await resources.activeFor(null)).map((r) => r.id)).toEqual([county, elsewhere, own]);

      await resources.update(own, { kind: 'station', name: '灵溪助联体站', township: PLACES.lingxi, serviceTypes: ['visit'], contact: '1', capacity: 3 }, 'admin2', '2026-11-02T00:00:00.000Z');
      expect(await resources.find(own)).toMatchObject({ name: '灵溪助联体站', serviceTypes: ['visit'], capacity: 3, updatedBy: 'admin2', updatedAt: '2026-11-02T00:00:00.000Z' });
      expect((await resources.findByName('县慈善总会', null, PLACES.county))?.id).toBe(county);
      expect(await resources.findByName('县慈善总会', PLACES.lingxi, PLACES.county)).toBeUndefined();
      expect((await resources.findByName('灵溪助联体站', PLACES.lingxi, PLACES.county))?.id).toBe(own);

      await resources.setRetired(county, '2026-11-03T00:00:00.000Z', 'admin', '2026-11-03T00:00:00.000Z');
      // An import of the same name makes a new one; the one still in use is found first.
      const again = await resources.create({ kind: 'organisation', name: '县慈善总会', township: null, serviceTypes: [], contact: null, capacity: null }, 'admin', '2026-11-04T00:00:00.000Z');
      expect((await resources.findByName('县慈善总会', null, PLACES.county))?.id).toBe(again);
      expect((await resources.activeFor(PLACES.lingxi)).map((r) => r.id)).toEqual([again, own]);
      expect((await resources.list()).map((r) => r.id)).toEqual([again, elsewhere, own, county]);
    });

    it('follows a referral from planned to completed, moving the plan measures with it', async () => {
      const households = createHouseholdsRepository(db());
      const resources = createResourcesRepository(db());
      const referrals = createReferralsRepository(db());
      const plan = createPlanRepository(db());
      const householdId = (await households.findByPersonKey('pk-1'))!.id;
      const resourceId = await resources.create({ kind: 'service', name: '助餐服务', township: PLACES.lingxi, serviceTypes: [], contact: null, capacity: null }, 'admin', '2026-11-01T00:00:00.000Z');

      const now = '2026-11-05T00:00:00.000Z';
      const base = { householdId, policyId: null, caseId: null, ownerId: staffId, dueOn: '2026-12-01', suggestionKey: null, createdBy: 'lingxi1', now };
      // Accepted from a suggestion before anyone referred: names only the resource.
      const bySuggestion = await plan.create({ ...base, kind: 'referral', title: '助餐', resourceId, referralId: null, suggestionKey: 'resource:1' });
      const policy = await plan.create({ ...base, kind: 'policy', title: '低保', policyId: 'dibao', resourceId: null, referralId: null });

      const referralId = await referrals.create({ caseId, township: PLACES.lingxi, resourceId, need: '每日午餐', acceptBy: '2026-11-08T00:00:00.000Z', createdBy: 'lingxi1', now });
      expect(await referrals.find(referralId)).toMatchObject({ status: 'planned', resource_name: '助餐服务', resource_kind: 'service', township: PLACES.lingxi, name_masked: '张*明', contact_enc: null });
      expect(await referrals.countOverdue(PLACES.lingxi, '2026-11-09T00:00:00.000Z')).toBe(1);
      expect(await referrals.countOverdue(PLACES.qianku, '2026-11-09T00:00:00.000Z')).toBe(0);
      expect(await referrals.countOverdue(null, '2026-11-07T00:00:00.000Z')).toBe(0);
      expect((await referrals.overdue(null, '2026-11-09T00:00:00.000Z', 10)).map((r) => r.id)).toEqual([referralId]);
      expect(await referrals.overdue(PLACES.qianku, '2026-11-09T00:00:00.000Z', 10)).toEqual([]);

      await referrals.setStatus(referralId, 'accepted', '2026-11-06T00:00:00.000Z');
      expect(await plan.followReferral({ referralId, resourceId, caseId }, 'under_way', '2026-11-06T00:00:00.000Z')).toBe(1);
      expect(await plan.find(bySuggestion)).toMatchObject({ status: 'under_way', referral_id: referralId, referral_status: 'accepted', referral_case_id: caseId, owner_username: 'lingxi1' });
      await referrals.setContact(referralId, Buffer.from('tel'), '2026-11-06T00:00:00.000Z');
      expect(Buffer.from((await referrals.find(referralId))!.contact_enc!).toString()).toBe('tel');

      await referrals.setStatus(referralId, 'completed', '2026-11-07T00:00:00.000Z');
      expect(await plan.followReferral({ referralId, resourceId, caseId }, 'done', '2026-11-07T00:00:00.000Z')).toBe(1);
      expect(await plan.followReferral({ referralId, resourceId, caseId }, 'done', '2026-11-07T00:00:00.000Z')).toBe(0);
      expect((await referrals.ofCase(caseId)).map((r) => r.status)).toEqual(['completed']);
      expect((await referrals.ofResource(resourceId)).map((r) => r.id)).toEqual([referralId]);

      await plan.setStatus(policy, 'not_possible', '不符合条件', '2026-11-07T00:00:00.000Z');
      expect((await plan.ofHousehold(householdId)).map((m) => [m.id, m.status, m.reason])).toEqual([
        [bySuggestion, 'done', null],
        [policy, 'not_possible', '不符合条件'],
      ]);
      await plan.drop(householdId, 'policy:tekun', 'lingxi1', now);
      await plan.drop(householdId, 'policy:tekun', 'lingxi1', now);
      expect(await plan.droppedKeys(householdId)).toEqual(['policy:tekun']);
      expect((await plan.owners(PLACES.lingxi)).map((o) => o.username)).toEqual(['lingxi1', 'admin']);
      await expect(referrals.setStatus(referralId, 'lost' as 'planned', now)).rejects.toThrow(/check/i);
    });

    it('refuses a warning key raised before', async () => {
      const keys = createWarningKeysRepository(db());
      expect(await keys.has('pk:civil:2026-11')).toBe(false);
      await keys.insert('pk:civil:2026-11', caseId, '2026-11-10T00:00:00.000Z');
      expect(await keys.has('pk:civil:2026-11')).toBe(true);
      await expect(keys.insert('pk:civil:2026-11', caseId, '2026-11-11T00:00:00.000Z')).rejects.toThrow(/unique|primary key/i);
    });

    it('seeds the policy library once, then lists, finds, inserts and updates', async () => {
      const library = createPolicyLibraryRepository(db());
      expect(await library.isEmpty()).toBe(true);
      await library.seed(DEMO_COUNTY_POLICIES.slice(0, 3));
      await library.seed(DEMO_COUNTY_POLICIES.slice(3));
      const C = PLACES.county;
      const B = '330326000000';
      const ids = DEMO_COUNTY_POLICIES.slice(0, 3).map((p) => p.id);
      expect((await library.list(null)).map((p) => p.policy.id)).toEqual(ids);
      expect((await library.list(C)).map((p) => p.policy.id)).toEqual(ids);
      const extra = { ...DEMO_COUNTY_POLICIES[0]!, id: 'county-extra', name: '县里加的' };
      await library.insert(extra, 'admin', C);
      expect((await library.list(C)).map((p) => p.policy.id).at(-1)).toBe('county-extra');
      expect(await library.find('county-extra', C)).toMatchObject({ policy: extra, updatedBy: 'admin', county: C });
      expect(await library.update({ ...extra, name: '改过' }, 'admin2', C)).toBe(true);
      expect(await library.update({ ...extra, id: 'missing' }, 'admin2', C)).toBe(false);
      const updated = (await library.find('county-extra', C))!;
      expect(updated.policy.name).toBe('改过');
      expect(updated.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      // Each county its own (068): another county sees neither C's entry nor C's copy of a province-wide one.
      expect(await library.find('county-extra', B)).toBeUndefined();
      const first = DEMO_COUNTY_POLICIES[0]!;
      expect(await library.update({ ...first, name: 'C 县的' }, 'admin', C)).toBe(true);
      expect((await library.list(C)).map((p) => [p.policy.id, p.policy.name, p.county])).toEqual([
        [first.id, 'C 县的', C],
        ...ids.slice(1).map((id) => [id, DEMO_COUNTY_POLICIES.find((p) => p.id === id)!.name, null]),
        ['county-extra', '改过', C],
      ]);
      expect((await library.find(first.id, B))?.policy.name).toBe(first.name);
      await library.insert(extra, 'b', B);
      await expect(library.insert(extra, 'b', B)).rejects.toThrow(/unique/i);
      expect((await library.find('county-extra', B))?.policy.name).toBe('县里加的');
      expect(await library.isEmpty()).toBe(false);
    });

    it('adds parameter versions and withdraws one once; the table stays append-only', async () => {
      const versions = createParameterVersionsRepository(db());
      const values = { dibaoStandard: 1210 } as unknown as ParameterValues;
      const C = PLACES.county;
      const first = await versions.insert({ effectiveFrom: '2026-07-01', values, source: '县民政局', createdBy: 'admin', county: null });
      const second = await versions.insert({ effectiveFrom: '2027-01-01', values, source: '县民政局', createdBy: 'admin', county: C });
      expect(await versions.existsOn('2027-01-01', C)).toBe(true);
      await expect(versions.insert({ effectiveFrom: '2027-01-01', values, source: 'x', createdBy: 'admin', county: C })).rejects.toThrow(/unique/i);
      // Each county its own (066): another county dates a version on the same day and does not see this one.
      const other = await versions.insert({ effectiveFrom: '2027-01-01', values, source: '平阳', createdBy: 'py', county: '330326000000' });
      expect((await versions.list('330326000000')).map((v) => v.id)).toEqual([first, other]);
      expect(await versions.withdraw(second, 'admin', '2026-12-01T00:00:00.000Z')).toBe(true);
      expect(await versions.withdraw(second, 'admin', '2026-12-02T00:00:00.000Z')).toBe(false);
      expect(await versions.existsOn('2027-01-01', C)).toBe(false);
      expect((await versions.list(C)).map((v) => v.id)).toEqual([first]);
      expect(await versions.listAll(C)).toMatchObject([{ id: first, values, withdrawnAt: null, county: null }, { id: second, withdrawnAt: '2026-12-01T00:00:00.000Z', withdrawnBy: 'admin', county: C }]);
      // Not even a withdrawal may move a version to another county (or to the province).
      await expect(sql`UPDATE parameter_versions SET withdrawn_at = 't', withdrawn_by = 'py', county = NULL WHERE id = ${other}`.execute(db())).rejects.toThrow(/append-only/);
      expect((await versions.find(first))?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      await expect(sql`DELETE FROM parameter_versions WHERE id = ${first}`.execute(db())).rejects.toThrow(/append-only/);
    });
  });
});
