import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../../../tests/fixtures/households';
import { fakeIdNumber } from '../../../tests/helpers/people';
import { createStaff, login, type StaffSession } from '../../../tests/helpers/staff';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';
import { REVISIT_DAYS } from '../../../shared/cases/due';
import type { RiskLevel } from '../../../shared/cases/risk';
import { chinaDate } from '../../domain/clock';

/** What township and county staff hit in the walk-through (issue 14): places, visits, the same person twice, my queue. */
const LINGXI = '330327100000';
const DUPU = '330327100201'; // 渎浦村, in 灵溪镇
const QIANKU = '330327104000';
const KUOSHAN = '330327104201'; // 括山村, in 钱库镇
const WITH_VILLAGE = 'ABCDEFGHJK';
const NO_VILLAGE = 'ABCDEFGHJM';

let t: TestApp;
let staff: StaffSession;
let staff2: StaffSession;
let county: StaffSession;
let other: StaffSession;
let staffId: number;
let seq = 0;

async function ask(entryCode: string, person: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/requests',
    payload: { requestId: randomUUID(), entryCode, answers: HARDSHIP_ANSWERS, person: { address: '某村某组 1 号', ...person }, consent: true },
  });
  expect(res.statusCode).toBe(201);
  const trackingCode = res.json().trackingCode as string;
  return { trackingCode, caseId: (await t.app.repos.cases.findSubmissionByTrackingCode(trackingCode))!.case_id };
}
const uniquePhone = () => `1395771${String(++seq).padStart(4, '0')}`;
const detail = async (session: StaffSession, id: number) => (await session.get(`/api/staff/cases/${id}`)).json();
const event = (session: StaffSession, id: number, body: Record<string, unknown>) => session.post(`/api/staff/cases/${id}/events`, body);
const daysAgo = (n: number) => chinaDate(new Date(Date.now() - n * 86_400_000).toISOString());
const actions = async (id: number) => (await t.app.repos.audit.forTarget(`case:${id}`)).map((a) => a.action);

beforeAll(async () => {
  t = await buildTestApp();
  await t.app.repos.entries.insert({ code: WITH_VILLAGE, township: LINGXI, village: DUPU, label: '渎浦村公告栏' });
  await t.app.repos.entries.insert({ code: NO_VILLAGE, township: LINGXI, village: null, label: '灵溪镇便民服务中心' });
  staffId = await createStaff(t.app, 'wb_staff', 'township_staff', LINGXI);
  await createStaff(t.app, 'wb_staff2', 'township_staff', LINGXI);
  await createStaff(t.app, 'wb_county', 'county_admin', null);
  await createStaff(t.app, 'wb_other', 'township_staff', QIANKU);
  staff = await login(t.app, 'wb_staff');
  staff2 = await login(t.app, 'wb_staff2');
  county = await login(t.app, 'wb_county');
  other = await login(t.app, 'wb_other');
});
afterAll(() => t.close());

describe('places come from the region tree', () => {
  it('a case without a village is given one of its own township, named and audited in the timeline', async () => {
    const { caseId } = await ask(NO_VILLAGE, { name: '周德贵', phone: uniquePhone() });
    expect((await detail(staff, caseId)).village).toBeNull();
    const wrong = await event(staff, caseId, { type: 'village', village: KUOSHAN });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.village).toBe('请选择本乡镇（街道）的村（社区）');
    const res = await event(staff, caseId, { type: 'village', village: DUPU });
    expect(res.statusCode).toBe(200);
    expect(res.json().village).toEqual({ code: DUPU, name: '渎浦村' });
    expect(res.json().timeline.at(-1)).toMatchObject({ type: 'village', detail: { village: DUPU, villageName: '渎浦村' } });
    expect(await actions(caseId)).toContain('case.village');
    const filtered = (await staff.get(`/api/staff/cases?village=${DUPU}`)).json().items.map((i: { id: number }) => i.id);
    expect(filtered).toContain(caseId);
  });

  it('派单 to another township names it in the timeline and clears the old village', async () => {
    const { caseId } = await ask(WITH_VILLAGE, { name: '吴小妹', phone: uniquePhone() });
    const res = await event(county, caseId, { type: 'assign', township: QIANKU });
    expect(res.statusCode).toBe(200);
    expect(res.json().township).toEqual({ code: QIANKU, name: '钱库镇' });
    expect(res.json().village).toBeNull();
    expect(res.json().timeline.at(-1).detail).toMatchObject({ township: QIANKU, townshipName: '钱库镇' });
  });

  it('steps stored before names were kept (code only) are named when read', async () => {
    const { caseId } = await ask(WITH_VILLAGE, { name: '何老汉', phone: uniquePhone() });
    await t.app.repos.cases.appendEvent({ caseId, at: new Date().toISOString(), type: 'assign', actor: 'system', detailEnc: t.app.vault.encrypt({ township: LINGXI }) });
    expect((await detail(staff, caseId)).timeline.at(-1).detail).toEqual({ township: LINGXI, townshipName: '灵溪镇' });
  });
});

describe('the visit record', () => {
  it('carries the day of the visit; a future or absurdly old day is refused by field', async () => {
    const { caseId } = await ask(WITH_VILLAGE, { name: '郑阿婆', phone: uniquePhone() });
    const findings = { economy: '靠低保和儿子接济' };
    const future = await event(staff, caseId, { type: 'visit', findings, visitedAt: daysAgo(-2) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.visitedAt).toBe('入户日期不能晚于今天');
    const old = await event(staff, caseId, { type: 'visit', findings, visitedAt: daysAgo(200) });
    expect(old.json().error.fields.visitedAt).toMatch(/不能早于 90 天前/);
    const res = await event(staff, caseId, { type: 'visit', findings, visitedAt: daysAgo(3) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.timeline.at(-1).detail).toMatchObject({ visitedAt: daysAgo(3), findings });
    // The next visit counts from the day it happened, not from the day it was written up.
    expect(chinaDate(body.nextVisitAt)).toBe(daysAgo(3 - REVISIT_DAYS[body.level as RiskLevel]));
  });

  it('without a day given it is today; afterwards the deadline is the decision, not first contact', async () => {
    const { caseId } = await ask(WITH_VILLAGE, { name: '冯大伯', phone: uniquePhone() });
    expect((await detail(staff, caseId)).dueLabel).toBe('联系期限');
    const res = await event(staff, caseId, { type: 'visit', findings: { health: '腿脚不便' } });
    expect(res.json().timeline.at(-1).detail.visitedAt).toBe(chinaDate(new Date().toISOString()));
    expect(res.json().dueLabel).toBe('认定期限');
  });

  it('a call nobody answered keeps the first-contact deadline; a reached call moves to the decision', async () => {
    const { caseId } = await ask(WITH_VILLAGE, { name: '卫阿公', phone: uniquePhone() });
    expect((await event(staff, caseId, { type: 'contact', outcome: 'no_answer' })).json().dueLabel).toBe('联系期限');
    expect((await event(staff, caseId, { type: 'contact', outcome: 'reached' })).json().dueLabel).toBe('认定期限');
  });
});

describe('target class for a report', () => {
  it('a report case (no self-check) can be given a target class, audited', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: {
        requestId: randomUUID(),
        entryCode: WITH_VILLAGE,
        person: { name: '褚老伯', address: '渎浦村 9 号', situation: ['living_alone_elderly'] },
        reporter: { relation: 'neighbour', name: '陈阿姨', phone: '13857700001' },
        consentConfirmed: true,
      },
    });
    const caseId = (await t.app.repos.cases.findSubmissionByTrackingCode(res.json().trackingCode))!.case_id;
    expect((await detail(staff, caseId)).targetClass).toBeNull();
    expect((await event(staff, caseId, { type: 'target_class', targetClass: 'nonsense' })).statusCode).toBe(400);
    const set = await event(staff, caseId, { type: 'target_class', targetClass: 'missing' });
    expect(set.statusCode).toBe(200);
    expect(set.json().targetClass).toBe('missing');
    expect(await actions(caseId)).toContain('case.target_class');
  });
});

describe('分给我的', () => {
  it('lists only the cases whose 负责人 is the signed-in staff member', async () => {
    const { caseId } = await ask(WITH_VILLAGE, { name: '蒋阿姨', phone: uniquePhone() });
    await ask(WITH_VILLAGE, { name: '沈大爷', phone: uniquePhone() });
    expect((await event(staff, caseId, { type: 'assign', assigneeId: staffId })).statusCode).toBe(200);
    const mine = (await staff.get('/api/staff/cases?assignee=me')).json().items.map((i: { id: number }) => i.id);
    expect(mine).toEqual([caseId]);
    expect((await staff2.get('/api/staff/cases?assignee=me')).json().items).toEqual([]);
    expect((await staff.get('/api/staff/cases?assignee=someone')).statusCode).toBe(400);
  });
});

describe('可能是同一人', () => {
  it('name + phone (different ID numbers) hints the older open case; name + village too; other names do not', async () => {
    const phone = uniquePhone();
    const older = await ask(WITH_VILLAGE, { name: '韩秀梅', phone, idNumber: fakeIdNumber('33032719600101222') });
    const newer = await ask(NO_VILLAGE, { name: '韩秀梅', phone, idNumber: fakeIdNumber('33032719600101333') });
    expect(newer.caseId).not.toBe(older.caseId);
    const hint = (await detail(staff, newer.caseId)).possibleDuplicates;
    expect(hint).toEqual([expect.objectContaining({ id: older.caseId, match: 'name_phone', village: '渎浦村' })]);

    const sameVillage = await ask(WITH_VILLAGE, { name: '韩秀梅', phone: uniquePhone() });
    expect((await detail(staff, sameVillage.caseId)).possibleDuplicates).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: older.caseId, match: 'name_village' })]),
    );
    const stranger = await ask(WITH_VILLAGE, { name: '韩秀兰', phone: uniquePhone() });
    expect((await detail(staff, stranger.caseId)).possibleDuplicates).toEqual([]);
  });

  it('merge keeps the older case, moves the newer one\'s submissions and timeline, closes it as merged, audited', async () => {
    const phone = uniquePhone();
    const older = await ask(WITH_VILLAGE, { name: '杨桂花', phone, idNumber: fakeIdNumber('33032719550505444') });
    const newer = await ask(NO_VILLAGE, { name: '杨桂花', phone, idNumber: fakeIdNumber('33032719550505555') });
    await event(staff, newer.caseId, { type: 'contact', outcome: 'reached', note: '本人接听' });

    expect((await other.post(`/api/staff/cases/${newer.caseId}/merge`, { otherId: older.caseId })).statusCode).toBe(404);
    const res = await staff.post(`/api/staff/cases/${newer.caseId}/merge`, { otherId: older.caseId });
    expect(res.statusCode).toBe(200);
    const kept = res.json();
    expect(kept.id).toBe(older.caseId);
    expect(kept.submissions).toHaveLength(2);
    expect(kept.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'submitted', 'contact', 'merge']);
    expect(kept.possibleDuplicates).toEqual([]);

    const gone = await detail(staff, newer.caseId);
    expect(gone).toMatchObject({ status: 'closed', mergedInto: older.caseId });
    expect(gone.timeline.at(-1).type).toBe('merged_into');
    expect(await actions(older.caseId)).toContain('case.merge');

    // The newer submitter's tracking code now follows the case that remains.
    const track = (await t.app.inject({ method: 'GET', url: `/api/track/${newer.trackingCode}` })).json();
    expect(track.status).toBe(kept.status);
    expect(track.timeline.some((e: { text: string }) => e.text.includes('电话联系'))).toBe(true);

    const again = await staff.post(`/api/staff/cases/${older.caseId}/merge`, { otherId: newer.caseId });
    expect(again.statusCode).toBe(409);
  });

  it('viewers cannot merge', async () => {
    await createStaff(t.app, 'wb_viewer', 'viewer', LINGXI);
    const viewer = await login(t.app, 'wb_viewer');
    const a = await ask(WITH_VILLAGE, { name: '秦一', phone: uniquePhone() });
    const b = await ask(WITH_VILLAGE, { name: '秦一', phone: uniquePhone() });
    expect((await viewer.post(`/api/staff/cases/${b.caseId}/merge`, { otherId: a.caseId })).statusCode).toBe(403);
  });
});
