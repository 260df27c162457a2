import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../../shared/register/cadence';
import type { RequestInput } from '../../../shared/schemas/submissions';
import { HARDSHIP_ANSWERS } from '../../../tests/fixtures/households';
import { newSignedIn, partnerSignedIn, threeRoles, type AdminClient } from '../../../tests/helpers/admin';
import { fakeIdNumber } from '../../../tests/helpers/people';
import { submitRequest } from '../../../tests/helpers/submissions';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';

let t: TestApp;
let admin: AdminClient;
let staff: AdminClient;
let viewer: AdminClient;
let otherStaff: AdminClient;
let partner: AdminClient;
let entryCode: string;
let household: number;
let firstCase: number;
let secondCase: number;
let station: number;
let plan: string;

const ID = fakeIdNumber('33032719480101071');
const today = () => chinaDate(new Date().toISOString());
const later = () => {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 14);
  return d.toISOString().slice(0, 10);
};
const none = { text: '正常', risk: false };

const request = async (answers: RequestInput['answers']): Promise<number> =>
  (await submitRequest(t.app, { entryCode, answers, person: { name: '陈阿婆', phone: '13957710071', idNumber: ID }, remoteAddress: '10.91.0.1' })).caseId;

beforeAll(async () => {
  t = await buildTestApp();
  const [a, b] = await t.app.repos.entries.list();
  entryCode = a!.code;
  ({ admin, staff, viewer } = await threeRoles(t.app, a!.township, 'plan_'));
  otherStaff = await newSignedIn(t.app, 'plan_other', 'township_staff', b!.township);

  // Two cases about one person: the first decided (which enrols her) and closed, the second a later request.
  firstCase = await request(HARDSHIP_ANSWERS);
  await staff.post(`/api/staff/cases/${firstCase}/events`, { type: 'contact', outcome: 'reached' });
  expect((await staff.post(`/api/staff/cases/${firstCase}/events`, { type: 'decide', decision: 'monitor' })).statusCode).toBe(200);
  expect((await staff.post(`/api/staff/cases/${firstCase}/events`, { type: 'close' })).statusCode).toBe(200);
  secondCase = await request({ ...HARDSHIP_ANSWERS, special_members: ['elderly', 'serious_illness', 'student'], education_expense: 12000 });
  household = (await t.app.repos.households.findByCase(firstCase))!.id;
  plan = `/api/staff/households/${household}/plan`;

  station = (await admin.send('POST', '/api/admin/resources', { kind: 'station', name: '灵溪镇社工站', township: a!.township, serviceTypes: ['医疗陪护'] })).json().id as number;
  partner = await partnerSignedIn(t.app, 'plan_partner', station);
});
afterAll(() => t.close());

const policiesOf = async (caseId: number) => (JSON.parse((await t.app.repos.cases.find(caseId))!.result_json!) as { policies: Array<{ id: string }> }).policies.map((p) => p.id);

describe('the household plan on a household with two cases', () => {
  it('is in the household detail, and suggests the policies both cases matched, each once', async () => {
    const detail = (await staff.get(`/api/staff/households/${household}`)).json();
    expect(detail.cases.map((c: { id: number }) => c.id)).toEqual([firstCase, secondCase]);
    expect(detail.plan.measures).toEqual([]);
    const expected = [...new Set([...(await policiesOf(secondCase)), ...(await policiesOf(firstCase))])];
    expect(expected.length).toBeGreaterThan(0);
    const suggested = detail.plan.suggestions.filter((s: { kind: string }) => s.kind === 'policy');
    expect(suggested.map((s: { policyId: string }) => s.policyId)).toEqual(expected);
    const secondPolicies = await policiesOf(secondCase);
    const shared = (await policiesOf(firstCase)).find((id) => secondPolicies.includes(id))!;
    expect(suggested.find((s: { policyId: string }) => s.policyId === shared).reason).toBe(`预判结果匹配（案件 #${secondCase}、#${firstCase}）`);
    expect(detail.plan.owners.map((o: { username: string }) => o.username)).toEqual(['plan_township', 'plan_county']);
  });

  it('accepting a suggestion makes a planned measure owned by the caller; dropping one removes it for good', async () => {
    const [first, second] = (await staff.get(plan)).json().suggestions as Array<{ key: string; kind: string; policyId: string }>;
    const res = await staff.post(plan, { kind: first!.kind, suggestionKey: first!.key, dueAt: later() });
    expect(res.statusCode).toBe(201);
    const measure = res.json().measures[0];
    expect(measure).toMatchObject({ kind: 'policy', policyId: first!.policyId, status: 'planned', statusText: '计划中', owner: { username: 'plan_township' }, dueAt: later(), overdue: false });
    expect(res.json().suggestions.some((s: { key: string }) => s.key === first!.key)).toBe(false);
    expect((await staff.post(plan, { kind: first!.kind, suggestionKey: first!.key, dueAt: later() })).json().error.fields.suggestionKey).toBe('这条建议已经不在了，请刷新页面');

    expect((await staff.post(`${plan}/dropped`, { key: second!.key })).statusCode).toBe(200);
    expect((await staff.get(plan)).json().suggestions.some((s: { key: string }) => s.key === second!.key)).toBe(false);
  });

  it('adds a visit schedule and a wish by hand, checks owner, date and personal numbers, in Chinese', async () => {
    const county = (await staff.get(plan)).json().owners.find((o: { username: string }) => o.username === 'plan_county').id as number;
    expect((await staff.post(plan, { kind: 'visit', dueAt: later(), ownerId: county })).json().measures.at(-1)).toMatchObject({ kind: 'visit', title: '定期探访', owner: { username: 'plan_county' } });
    expect((await staff.post(plan, { kind: 'wish', title: '给孙子买一个新书包', dueAt: later() })).statusCode).toBe(201);
    const bad = [
      [{ kind: 'visit', dueAt: '2020-01-01' }, 'dueAt'],
      [{ kind: 'wish', title: '联系 13957710071', dueAt: later() }, 'title'],
      [{ kind: 'wish', title: '书', dueAt: later() }, 'title'],
      [{ kind: 'policy', policyId: 'no_such_policy', dueAt: later() }, 'policyId'],
      [{ kind: 'visit', dueAt: later(), ownerId: 999999 }, 'ownerId'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await staff.post(plan, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.fields[field]).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('moves a measure forward; 办不成 needs a reason; a finished measure stays finished', async () => {
    const visit = (await staff.get(plan)).json().measures.find((m: { kind: string }) => m.kind === 'visit').id as number;
    expect((await staff.post(`${plan}/${visit}/status`, { status: 'under_way' })).json().measures.find((m: { id: number }) => m.id === visit).statusText).toBe('正在办');
    const noReason = await staff.post(`${plan}/${visit}/status`, { status: 'not_possible' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reason).toContain('为什么办不成');
    const done = await staff.post(`${plan}/${visit}/status`, { status: 'not_possible', reason: '老人已搬去女儿家住' });
    expect(done.json().measures.find((m: { id: number }) => m.id === visit)).toMatchObject({ status: 'not_possible', reason: '老人已搬去女儿家住' });
    const again = await staff.post(`${plan}/${visit}/status`, { status: 'done' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('这项措施已经结束，不能再改；需要时请新增一项');
    expect((await staff.post(`${plan}/999999/status`, { status: 'done' })).json().error.code).toBe('MEASURE_NOT_FOUND');
  });

  it('a visit finding a health risk suggests the resource whose service fits', async () => {
    const findings = { economy: none, health: { text: '腿脚不便，需要陪同看病', risk: true }, education: none, housing: none, employment: none, needs: none };
    expect((await staff.post(`/api/staff/households/${household}/visits`, { visitedAt: today(), findings })).statusCode).toBe(201);
    const suggestion = (await staff.get(plan)).json().suggestions.find((s: { resourceId: number | null }) => s.resourceId === station);
    expect(suggestion).toMatchObject({ kind: 'referral', title: '灵溪镇社工站', reason: '探访发现健康方面有困难' });
  });
});

describe('a referral in the plan follows the partner', () => {
  it('accepting the resource suggestion, then referring the case: accept makes it 正在办, complete makes it 已办成', async () => {
    expect((await staff.post(plan, { kind: 'referral', suggestionKey: `resource:${station}`, dueAt: later() })).statusCode).toBe(201);
    const referral = (await staff.post(`/api/staff/cases/${secondCase}/referrals`, { resourceId: station, need: '每月陪同老人去县医院复查' })).json().id as number;
    const measureOf = async () => (await staff.get(plan)).json().measures.find((m: { resourceId: number | null }) => m.resourceId === station);
    expect((await measureOf()).status).toBe('planned');
    expect((await partner.post(`/api/partner/referrals/${referral}/events`, { type: 'accept', note: '' })).statusCode).toBe(200);
    expect(await measureOf()).toMatchObject({ status: 'under_way', referral: { id: referral, caseId: secondCase, status: 'accepted' } });
    expect((await partner.post(`/api/partner/referrals/${referral}/events`, { type: 'complete', note: '已陪同复查' })).statusCode).toBe(200);
    expect(await measureOf()).toMatchObject({ status: 'done', statusText: '已办成', referral: { status: 'completed' } });
  });

  it('links an existing referral by id; a referral of another household is refused', async () => {
    const referral = (await staff.post(`/api/staff/cases/${secondCase}/referrals`, { resourceId: station, need: '上门做一次心理疏导' })).json().id as number;
    const res = await staff.post(plan, { kind: 'referral', referralId: referral, dueAt: later() });
    expect(res.statusCode).toBe(201);
    expect(res.json().measures.at(-1)).toMatchObject({ kind: 'referral', title: '灵溪镇社工站', referral: { id: referral, status: 'planned' } });
    expect((await staff.post(plan, { kind: 'referral', referralId: referral, dueAt: later() })).statusCode).toBe(409);
    expect((await staff.post(plan, { kind: 'referral', referralId: 999999, dueAt: later() })).json().error.fields.referralId).toBeTruthy();
  });
});

describe('who may see and change the plan', () => {
  it('another township gets 404; a viewer reads it but cannot change it', async () => {
    expect((await otherStaff.get(plan)).statusCode).toBe(404);
    expect((await otherStaff.post(plan, { kind: 'visit', dueAt: later() })).statusCode).toBe(404);
    const measure = (await staff.get(plan)).json().measures[0].id as number;
    expect((await otherStaff.post(`${plan}/${measure}/status`, { status: 'done' })).statusCode).toBe(404);
    const read = await viewer.get(plan);
    expect(read.statusCode).toBe(200);
    expect(read.json().measures.length).toBeGreaterThan(0);
    expect((await viewer.get(`/api/staff/households/${household}`)).json().plan.measures.length).toBe(read.json().measures.length);
    expect((await viewer.post(plan, { kind: 'visit', dueAt: later() })).statusCode).toBe(403);
    expect((await viewer.post(`${plan}/${measure}/status`, { status: 'done' })).statusCode).toBe(403);
    expect((await viewer.post(`${plan}/dropped`, { key: 'policy:dibao' })).statusCode).toBe(403);
    expect((await partner.get(plan)).statusCode).toBe(403);
    expect((await admin.get(plan)).statusCode).toBe(200);
  });
});

describe('政策找人 figures in the county statistics', () => {
  it('count cases by target class and decision, plan policies, and referrals by resource and outcome, per township', async () => {
    const [a, b] = await t.app.repos.entries.list();
    const help = (await admin.get(`/api/admin/stats?township=${a!.township}`)).json().help;
    const classes: string[] = [];
    for (const id of [firstCase, secondCase]) classes.push((await t.app.repos.cases.find(id))!.target_class ?? 'none');
    for (const value of ['missing', 'insufficient', 'warning', 'none']) {
      expect(help.byTargetClass.find((c: { value: string }) => c.value === value).count, value).toBe(classes.filter((c) => c === value).length);
    }
    expect(help.byTargetClass.map((c: { label: string }) => c.label)).toEqual(['救助缺失', '救助不充分', '救助预警', '未判断类别']);
    expect(help.byDecision.find((d: { value: string }) => d.value === 'monitor')).toEqual({ value: 'monitor', label: '暂不符合，纳入监测', count: 1 });
    expect(help.byDecision.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(1);
    const policyMeasures = (await t.app.repos.plan.ofHousehold(household)).filter((m) => m.kind === 'policy');
    expect(help.byPolicy).toEqual([{ policyId: policyMeasures[0]!.policy_id, name: policyMeasures[0]!.title, measures: 1, open: 1, done: 0, notPossible: 0 }]);
    expect(help.byResource).toEqual([{ resourceId: station, name: '灵溪镇社工站', kind: 'station', referrals: 2, waiting: 1, accepted: 0, declined: 0, completed: 1 }]);

    const other = (await admin.get(`/api/admin/stats?township=${b!.township}`)).json().help;
    expect(other.byResource).toEqual([]);
    expect(other.byPolicy).toEqual([]);
    expect(other.byTargetClass.every((c: { count: number }) => c.count === 0)).toBe(true);
  });
});

describe('the case ledger', () => {
  it('lists the plan measures of the case person household on each of her cases', async () => {
    const lines = (await admin.get('/api/admin/ledger.csv')).body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.endsWith(',帮扶措施')).toBe(true);
    for (const caseId of [firstCase, secondCase]) {
      const row = lines.find((l) => l.startsWith(`${caseId},`))!;
      expect(row).toContain('定期探访：定期探访（办不成）');
      expect(row).toContain('微心愿：给孙子买一个新书包（计划中）');
      expect(row).toContain('转介资源：灵溪镇社工站（已办成）');
    }
  });
});
