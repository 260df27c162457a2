import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, chinaDate, nextVisitDate } from '../../../shared/register/cadence';
import { selectRegisterParameters } from '../../../shared/register/parameters';
import { HARDSHIP_ANSWERS } from '../../../tests/fixtures/households';
import { fakeIdNumber } from '../../../tests/helpers/people';
import { createStaff, login, type StaffSession } from '../../../tests/helpers/staff';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';

let t: TestApp;
let townshipA: string;
let staffA: StaffSession;
let staffB: StaffSession;
let viewerA: StaffSession;
let county: StaffSession;
let householdA: number;
let caseA: number;

const none = { text: '正常', risk: false };
const calm = { economy: none, health: none, education: none, housing: none, employment: none, needs: none };
const today = () => chinaDate(new Date().toISOString());

async function submitAndDecide(entryCode: string, idTail: string, name: string, staff: StaffSession, decision: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/requests',
    payload: {
      requestId: randomUUID(),
      entryCode,
      answers: HARDSHIP_ANSWERS,
      person: { name, phone: `1395771${idTail}`, idNumber: fakeIdNumber(`33032719600101${idTail.slice(1)}`), address: '某村某组 2 号' },
      consent: true,
    },
  });
  const caseId = (await t.app.repos.cases.findSubmissionByTrackingCode(res.json().trackingCode as string))!.case_id;
  expect((await staff.post(`/api/staff/cases/${caseId}/events`, { type: 'contact', outcome: 'reached' })).statusCode).toBe(200);
  expect((await staff.post(`/api/staff/cases/${caseId}/events`, { type: 'decide', decision })).statusCode).toBe(200);
  return caseId;
}

beforeAll(async () => {
  t = await buildTestApp();
  const [a, b] = await t.app.repos.entries.list();
  townshipA = a!.township;
  await createStaff(t.app, 'hh_a', 'township_staff', townshipA);
  await createStaff(t.app, 'hh_b', 'township_staff', b!.township);
  await createStaff(t.app, 'hh_view', 'viewer', townshipA);
  await createStaff(t.app, 'hh_county', 'county_admin', null);
  staffA = await login(t.app, 'hh_a');
  staffB = await login(t.app, 'hh_b');
  viewerA = await login(t.app, 'hh_view');
  county = await login(t.app, 'hh_county');
  caseA = await submitAndDecide(a!.code, '0031', '王五福', staffA, 'monitor');
  await submitAndDecide(b!.code, '0032', '赵六安', staffB, 'dibao');
  householdA = (await t.app.repos.households.findByCase(caseA))!.id;
});
afterAll(() => t.close());

describe('a case decision enrols the household', () => {
  it('纳入监测 puts the person in the register, masked, linked to the case, next visit by the case level', async () => {
    const res = await staffA.get(`/api/staff/households/${householdA}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.category).toBe('monitor');
    expect(body.person.name).toBe('王*福');
    expect(body.person.idNumber).toMatch(/^\d{4}\*+\d{3}[\dX]$|\*/);
    expect(body.cases.map((c: { id: number }) => c.id)).toEqual([caseA]);
    const level = body.level as 'red' | 'yellow' | 'blue';
    expect(body.schedule.nextVisitAt).toBe(nextVisitDate(today(), level, selectRegisterParameters(today()).values));
    expect(body.timeline.some((e: { source: string; type: string }) => e.source === 'register' && e.type === 'enrolled')).toBe(true);
    expect(body.timeline.some((e: { source: string; type: string }) => e.source === 'case' && e.type === 'decide')).toBe(true);
  });

  it('a second decision about the same person updates the one entry instead of adding another', async () => {
    const before = (await t.app.repos.households.page({ township: null, limit: 100 })).length;
    expect((await staffA.post(`/api/staff/cases/${caseA}/events`, { type: 'close' })).statusCode).toBe(200);
    expect((await staffA.post(`/api/staff/cases/${caseA}/events`, { type: 'reopen', reason: '再次核查' })).statusCode).toBe(200);
    expect((await staffA.post(`/api/staff/cases/${caseA}/events`, { type: 'decide', decision: 'dibao' })).statusCode).toBe(200);
    expect((await t.app.repos.households.page({ township: null, limit: 100 })).length).toBe(before);
    const body = (await staffA.get(`/api/staff/households/${householdA}`)).json();
    expect(body.category).toBe('dibao');
    expect(body.schedule.nextReviewAt).not.toBeNull();
  });
});

describe('the register list', () => {
  it('township staff see only their township; the county sees both', async () => {
    const a = (await staffA.get('/api/staff/households')).json();
    expect(a.items.map((i: { id: number }) => i.id)).toEqual([householdA]);
    expect(a.items[0].name).toBe('王*福');
    expect(a.items[0].phone).toMatch(/\*{4}/);
    const all = (await county.get('/api/staff/households')).json();
    expect(all.items).toHaveLength(2);
    const onlyB = (await county.get(`/api/staff/households?township=${townshipA}`)).json();
    expect(onlyB.items).toHaveLength(1);
  });

  it('filters by category, level and due, pages with a cursor, and rejects a bad filter in Chinese', async () => {
    expect((await county.get('/api/staff/households?category=dibao')).json().items).toHaveLength(2);
    expect((await county.get('/api/staff/households?category=tekun')).json().items).toHaveLength(0);
    expect((await county.get('/api/staff/households?due=overdue')).json().items).toHaveLength(0);
    expect((await county.get('/api/staff/households?due=400')).json().items).toHaveLength(2);
    const first = (await county.get('/api/staff/households?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = (await county.get(`/api/staff/households?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.nextCursor).toBeNull();
    const bad = await county.get('/api/staff/households?level=purple');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('township isolation and viewer read-only', () => {
  it('another township gets 404 on read, visit, review and reveal', async () => {
    expect((await staffB.get(`/api/staff/households/${householdA}`)).statusCode).toBe(404);
    expect((await staffB.post(`/api/staff/households/${householdA}/visits`, { visitedAt: today(), findings: calm })).statusCode).toBe(404);
    expect((await staffB.post(`/api/staff/households/${householdA}/reviews`, { visitedAt: today(), findings: calm, decision: 'continue' })).statusCode).toBe(404);
    expect((await staffB.post(`/api/staff/households/${householdA}/reveal`, { reason: 'phone_call' })).statusCode).toBe(404);
  });

  it('a viewer reads but cannot visit, re-check or reveal', async () => {
    expect((await viewerA.get(`/api/staff/households/${householdA}`)).statusCode).toBe(200);
    expect((await viewerA.get('/api/staff/households')).statusCode).toBe(200);
    for (const [url, body] of [
      ['visits', { visitedAt: today(), findings: calm }],
      ['reviews', { visitedAt: today(), findings: calm, decision: 'continue' }],
      ['reveal', { reason: 'phone_call' }],
    ] as const) {
      const res = await viewerA.post(`/api/staff/households/${householdA}/${url}`, body);
      expect(res.statusCode).toBe(403);
    }
    expect((await viewerA.get(`/api/staff/households/${householdA}`)).json().visits).toHaveLength(0);
  });

  it('without a session every route is 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/staff/households' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/staff/households/${householdA}` })).statusCode).toBe(401);
  });
});

describe('home visits', () => {
  it('move the next visit by the cadence, carry a flagged risk, and never touch the case or its tracking page', async () => {
    const caseBefore = (await t.app.repos.cases.find(caseA))!;
    const eventsBefore = (await t.app.repos.cases.eventsOf(caseA)).length;
    const day = today();
    const res = await staffA.post(`/api/staff/households/${householdA}/visits`, {
      visitedAt: day,
      findings: { ...calm, health: { text: '老人腿脚不便，无人照护', risk: true } },
      level: 'red',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.level).toBe('red');
    expect(body.schedule.nextVisitAt).toBe(nextVisitDate(day, 'red', selectRegisterParameters(day).values));
    expect(body.openRisks).toEqual([{ dimension: 'health', since: day, text: '老人腿脚不便，无人照护' }]);
    const after = (await t.app.repos.cases.find(caseA))!;
    expect(after.status).toBe(caseBefore.status);
    expect(after.updated_at).toBe(caseBefore.updated_at);
    expect(await t.app.repos.cases.eventsOf(caseA)).toHaveLength(eventsBefore);

    // The next visit says nothing about health: it is not cleared until a visit records it without the flag.
    const again = await staffA.post(`/api/staff/households/${householdA}/visits`, { visitedAt: day, findings: { ...calm, health: { text: '仍无人照护', risk: true } } });
    expect(again.json().openRisks).toEqual([{ dimension: 'health', since: day, text: '仍无人照护' }]);
    const cleared = await staffA.post(`/api/staff/households/${householdA}/visits`, { visitedAt: day, findings: calm });
    expect(cleared.json().openRisks).toEqual([]);
    expect(cleared.json().visits[0].cleared).toEqual(['health']);
  });

  it('refuses a visit in the future or with a dimension missing, in Chinese', async () => {
    const future = await staffA.post(`/api/staff/households/${householdA}/visits`, { visitedAt: '2999-01-01', findings: calm });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.visitedAt).toBe('探访日期不能晚于今天');
    const { needs: _n, ...five } = calm;
    const missing = await staffA.post(`/api/staff/households/${householdA}/visits`, { visitedAt: today(), findings: five });
    expect(missing.statusCode).toBe(400);
  });
});

describe('re-checks and the audited reveal', () => {
  it('exit keeps the household followed for 24 months; a change sets the new category', async () => {
    const day = today();
    const exit = await staffA.post(`/api/staff/households/${householdA}/reviews`, { visitedAt: day, findings: calm, decision: 'exit' });
    expect(exit.statusCode).toBe(201);
    const body = exit.json();
    expect(body.category).toBe('exited');
    const until = `${Number(day.slice(0, 4)) + 2}${day.slice(4)}`;
    expect(body.monitoredUntil.slice(0, 7)).toBe(until.slice(0, 7));
    expect(body.schedule.status).not.toBe('ended');
    expect(body.timeline[0].text).toMatch(/继续监测/);
    const change = await staffA.post(`/api/staff/households/${householdA}/reviews`, { visitedAt: day, findings: calm, decision: 'change' });
    expect(change.statusCode).toBe(400);
    const back = await staffA.post(`/api/staff/households/${householdA}/reviews`, { visitedAt: day, findings: calm, decision: 'change', category: 'dibao_edge' });
    expect(back.json().category).toBe('dibao_edge');
    expect(back.json().monitoredUntil).toBeNull();
  });

  it('reveal gives the full person and writes an audit row first', async () => {
    const res = await staffA.post(`/api/staff/households/${householdA}/reveal`, { reason: 'phone_call' });
    expect(res.statusCode).toBe(200);
    expect(res.json().person.name).toBe('王五福');
    expect(res.json().person.phone).toBe('13957710031');
    const audit = (await t.app.repos.audit.forTarget(`household:${householdA}`)).filter((e) => e.action === 'household.reveal');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('hh_a');
    expect(audit[0]!.detail).toBe('电话联系本人');
  });

  it('a household whose two years of monitoring are over leaves the worklist and its counts', async () => {
    const longAgo = addMonths(today(), -25);
    const res = await staffA.post(`/api/staff/households/${householdA}/reviews`, { visitedAt: longAgo, findings: calm, decision: 'exit' });
    expect(res.statusCode).toBe(201);
    expect(res.json().schedule.status).toBe('ended');
    const due = (await staffA.get('/api/staff/households?due=400')).json();
    expect(due.items).toEqual([]);
    expect(due.counts).toEqual({ overdue: 0, dueThisWeek: 0 });
    // Still in the register itself.
    expect((await staffA.get('/api/staff/households')).json().items).toHaveLength(1);
  });
});
