import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { threeRoles, type AdminClient } from '../../../tests/helpers/admin';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';
import { DEMO_COUNTY_POLICIES } from '../../../shared/policies/demo-county-policies';
import { previewAnswerSets } from '../../domain/parameter-preview';

let t: TestApp;
let admin: AdminClient;
let staff: AdminClient;
let viewer: AdminClient;

beforeAll(async () => {
  t = await buildTestApp();
  ({ admin, staff, viewer } = await threeRoles(t.app, (await t.app.repos.entries.list())[0]!.township));
});
afterAll(() => t.close());

const currentValues = async () => (await admin.get('/api/admin/parameters')).json().current as Record<string, number | string[]>;

describe('policy library', () => {
  it('township staff and viewers get 403 on read and write', async () => {
    for (const who of [staff, viewer]) {
      expect((await who.get('/api/admin/policies')).statusCode).toBe(403);
      expect((await who.send('PUT', '/api/admin/policies/dibao_support', {})).statusCode).toBe(403);
    }
  });

  it('is seeded from the shipped library when the app starts, not by a read, and edits reach the residents results', async () => {
    expect((await t.app.repos.policyLibrary.list(null)).map((p) => p.policy.id)).toEqual(DEMO_COUNTY_POLICIES.map((p) => p.id));
    const list = (await admin.get('/api/admin/policies')).json();
    expect(list.items.length).toBe(DEMO_COUNTY_POLICIES.length);
    const dibao = list.items.find((p: { id: string }) => p.id === 'dibao_support');
    const { id: _id, updatedAt: _u, updatedBy: _b, ...fields } = dibao;
    const res = await admin.send('PUT', '/api/admin/policies/dibao_support', { ...fields, name: '最低生活保障（低保，县民政局 2025 版）', documents: [...fields.documents, '  '] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '最低生活保障（低保，县民政局 2025 版）', updatedBy: 'county', documents: fields.documents });
    expect((await t.app.repos.audit.forTarget('policy:dibao_support')).at(-1)).toMatchObject({ action: 'policy.update', detail: JSON.stringify({ changed: ['name'] }) });
    const { policies } = t.app.screening.current();
    expect(policies.find((p) => p.id === 'dibao_support')?.name).toBe('最低生活保障（低保，县民政局 2025 版）');
    // skip rules that are not editable stay as shipped
    expect(policies.find((p) => p.id === 'dibao_support')?.skipIfReceiving).toEqual(['received_dibao', 'received_tekun']);
  });

  it('refuses unknown outcomes and unknown policies; adds a new policy', async () => {
    const base = { name: '慈善助医', department: '县慈善总会', summary: '大病自付费用高的，可以申请慈善助医。', whoQualifies: '大病患者', whatItGives: '一次性补助', howToApply: '向乡镇申请', documents: [], outcomes: ['medical'], basis: '县慈善总会章程' };
    expect((await admin.send('PUT', '/api/admin/policies/no_such_policy', base)).statusCode).toBe(404);
    const bad = await admin.post('/api/admin/policies', { ...base, id: 'charity_medical', outcomes: ['lottery'] });
    expect(bad.json().error.fields.outcomes).toContain('lottery');
    const created = await admin.post('/api/admin/policies', { ...base, id: 'charity_medical' });
    expect(created.statusCode).toBe(201);
    expect((await admin.post('/api/admin/policies', { ...base, id: 'charity_medical' })).json().error.fields.id).toContain('已经有了');
    expect(t.app.screening.current().policies.some((p) => p.id === 'charity_medical')).toBe(true);
  });
});

describe('screening parameters', () => {
  it('township staff and viewers get 403', async () => {
    for (const who of [staff, viewer]) {
      expect((await who.get('/api/admin/parameters')).statusCode).toBe(403);
      expect((await who.post('/api/admin/parameters/preview', {})).statusCode).toBe(403);
      expect((await who.post('/api/admin/parameters', {})).statusCode).toBe(403);
    }
  });

  it('shows the figures in force, each with its dated history', async () => {
    const res = await admin.get('/api/admin/parameters');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(typeof body.current.dibaoStandard).toBe('number');
    expect(body.history.dibaoStandard.length).toBeGreaterThanOrEqual(1);
    expect(body.versions).toEqual([]);
    expect(body.triggerOptions.map((o: { value: string }) => o.value)).toContain('job_loss');
  });

  it('preview runs the fixture answer sets through old and new figures and lists what changes, saving nothing', async () => {
    const values = await currentValues();
    const res = await admin.post('/api/admin/parameters/preview', { effectiveFrom: '2031-01-01', source: '试算', values: { ...values, dibaoStandard: 5000 } });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.total).toBe(previewAnswerSets().sets.length);
    expect(preview.total).toBeGreaterThan(2);
    expect(preview.changed).toBeGreaterThan(0);
    expect(preview.after).toBe(`${preview.after.split('@')[0]}@2031-01-01`);
    expect(preview.before).not.toBe(preview.after);
    const first = preview.cases[0];
    expect(first.changed).toBe(true);
    expect(first.before).not.toEqual(first.after);
    expect(await t.app.repos.parameterVersions.list()).toEqual([]);

    const same = (await admin.post('/api/admin/parameters/preview', { effectiveFrom: '2031-01-01', source: '不变', values })).json();
    expect(same.changed).toBe(0);
  });

  it('refuses a version with a missing, negative or unknown figure', async () => {
    const values = await currentValues();
    const { dibaoStandard: _d, ...missing } = values;
    const res = await admin.post('/api/admin/parameters', { effectiveFrom: '2031-01-01', source: 'x', values: { ...missing, housesAllowed: -1, bogus: 1, temporaryTriggers: ['lottery'] } });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['values.bogus', 'values.dibaoStandard', 'values.housesAllowed', 'values.temporaryTriggers']);
    const share = await admin.post('/api/admin/parameters', { effectiveFrom: '2031-01-01', source: 'x', values: { ...values, rigidExpenseShare: 50 } });
    expect(share.json().error.fields['values.rigidExpenseShare']).toContain('0 到 1');
  });

  it('saves a new dated version: history kept, applies only from its date, same date refused, audited', async () => {
    const values = await currentValues();
    const sets = previewAnswerSets().sets;
    const before = sets.map((s) => t.app.screening.evaluate(s.answers, '2030-12-31').level);
    const onDay = sets.map((s) => t.app.screening.evaluate(s.answers, '2031-01-01').level);
    const res = await admin.post('/api/admin/parameters', { effectiveFrom: '2031-01-01', source: '苍民〔2030〕1 号', values: { ...values, dibaoStandard: 5000 } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.versions).toHaveLength(1);
    expect(body.versions[0]).toMatchObject({ effectiveFrom: '2031-01-01', source: '苍民〔2030〕1 号', createdBy: 'county' });
    const history = body.history.dibaoStandard as Array<{ value: number; effectiveFrom: string }>;
    expect(history.at(-1)).toMatchObject({ value: 5000, effectiveFrom: '2031-01-01' });
    expect(history.length).toBeGreaterThanOrEqual(2);
    expect(body.current.dibaoStandard).toBe(values.dibaoStandard);

    expect(sets.map((s) => t.app.screening.evaluate(s.answers, '2030-12-31').level)).toEqual(before);
    expect(sets.map((s) => t.app.screening.evaluate(s.answers, '2031-01-01').level)).not.toEqual(onDay);
    expect(t.app.screening.evaluate(sets[0]!.answers, '2031-01-01').rulesVersion).toContain('2031-01-01');

    const again = await admin.post('/api/admin/parameters', { effectiveFrom: '2031-01-01', source: '改一下', values });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.effectiveFrom).toContain('不能修改');
    await expect(sql`UPDATE parameter_versions SET source = ${'x'}`.execute(t.app.store.db)).rejects.toThrow(/append-only/);
    expect((await t.app.repos.audit.forTarget(`parameters:${(await t.app.repos.parameterVersions.list())[0]!.id}`))[0]).toMatchObject({ action: 'parameters.create_version' });

    const later = await admin.post('/api/admin/parameters', { effectiveFrom: '2032-01-01', source: '苍民〔2031〕1 号', values: { ...values, dibaoStandard: 6000 } });
    expect(later.json().versions.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual(['2031-01-01', '2032-01-01']);
  });
});
