import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { fakeIdNumber } from '../../../tests/helpers/people';
import { createStaff, login, type StaffSession } from '../../../tests/helpers/staff';
import { submitRequest } from '../../../tests/helpers/submissions';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';

/**
 * caseA (township A) and caseB (township B) are only read or refused a write, so they stay new and in
 * their township; every test that moves a case on works on a fresh case of its own. No test relies on another.
 */
let t: TestApp;
let townshipA: string;
let townshipB: string;
let entryA: string;
let entryB: string;
let caseA: number;
let caseB: number;
let staffA: StaffSession;
let staffB: StaffSession;
let county: StaffSession;
let viewerA: StaffSession;

/** Each of caseA and caseB belongs to one person whose masked name, phone tail and ID the tests look for. */
const submit = (entryCode: string, tail: string, name: string) =>
  submitRequest(t.app, { entryCode, person: { name, phone: `1395770${tail}`, idNumber: fakeIdNumber(`33032719500101${tail.slice(1)}`), address: '某村某组 1 号' } });

beforeAll(async () => {
  t = await buildTestApp();
  const [a, b] = await t.app.repos.entries.list();
  townshipA = a!.township;
  townshipB = b!.township;
  [entryA, entryB] = [a!.code, b!.code];
  ({ caseId: caseA } = await submit(entryA, '0011', '张三明'));
  ({ caseId: caseB } = await submit(entryB, '0022', '李四光'));
  await createStaff(t.app, 'staff_a', 'township_staff', townshipA);
  await createStaff(t.app, 'staff_b', 'township_staff', townshipB);
  await createStaff(t.app, 'county', 'county_admin', null);
  await createStaff(t.app, 'viewer_a', 'viewer', townshipA);
  staffA = await login(t.app, 'staff_a');
  staffB = await login(t.app, 'staff_b');
  county = await login(t.app, 'county');
  viewerA = await login(t.app, 'viewer_a');
});
afterAll(() => t.close());

describe('queue and case, by role and township', () => {
  it('township staff see only their own township, masked', async () => {
    const res = await staffA.get('/api/staff/cases');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { id: number }) => i.id)).toContain(caseA);
    expect(body.items.map((i: { id: number }) => i.id)).not.toContain(caseB);
    const item = body.items.find((i: { id: number }) => i.id === caseA);
    expect(item.subject.name).toBe('张*明');
    expect(item.subject.phone).toBe('139****0011');
    expect(res.body).not.toContain('13957700011');
    expect(body.counts.new).toBeGreaterThanOrEqual(1);
  });

  it('asking for another township in the query does not widen a township user’s scope', async () => {
    const res = await staffA.get(`/api/staff/cases?township=${townshipB}`);
    expect(res.json().items.map((i: { id: number }) => i.id)).not.toContain(caseB);
  });

  it('county admins see every township and can filter by one', async () => {
    const all = (await county.get('/api/staff/cases')).json().items.map((i: { id: number }) => i.id);
    expect(all).toEqual(expect.arrayContaining([caseA, caseB]));
    const onlyB = (await county.get(`/api/staff/cases?township=${townshipB}`)).json().items.map((i: { id: number }) => i.id);
    expect(onlyB).toContain(caseB);
    expect(onlyB).not.toContain(caseA);
  });

  it('another township’s case is a 404, for reading, revealing and writing', async () => {
    expect((await staffB.get(`/api/staff/cases/${caseA}`)).statusCode).toBe(404);
    expect((await staffB.post(`/api/staff/cases/${caseA}/reveal`, { reason: 'phone_call' })).statusCode).toBe(404);
    expect((await staffB.post(`/api/staff/cases/${caseA}/events`, { type: 'contact', outcome: 'reached' })).statusCode).toBe(404);
  });

  it('viewers can read but not write; their reveal is audited like anyone’s', async () => {
    expect((await viewerA.get(`/api/staff/cases/${caseA}`)).statusCode).toBe(200);
    expect((await viewerA.post(`/api/staff/cases/${caseA}/events`, { type: 'contact', outcome: 'reached' })).statusCode).toBe(403);
    expect((await viewerA.post(`/api/staff/cases/${caseA}/reveal`, { reason: 'phone_call' })).statusCode).toBe(200);
    expect((await t.app.repos.audit.forTarget(`case:${caseA}`)).filter((a) => a.action === 'case.reveal' && a.actor === 'viewer_a')).toHaveLength(1);
  });

  it('a % or _ in a name search is a character, not a wildcard', async () => {
    for (const q of ['%', '_']) {
      const res = await county.get(`/api/staff/cases?status=all&q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toHaveLength(0);
    }
    expect((await county.get(`/api/staff/cases?status=all&q=${encodeURIComponent('张')}`)).json().items.length).toBeGreaterThan(0);
  });

  it('filters by level and search by phone tail', async () => {
    const byTail = (await staffA.get('/api/staff/cases?q=0011')).json().items;
    expect(byTail.map((i: { id: number }) => i.id)).toEqual([caseA]);
    const level = (await t.app.repos.cases.find(caseA))!.level;
    const other = level === 'red' ? 'blue' : 'red';
    expect((await staffA.get(`/api/staff/cases?level=${other}`)).json().items.map((i: { id: number }) => i.id)).not.toContain(caseA);
  });

  it('a full mobile number searches by its last 4 digits; other digit counts are a clear 400', async () => {
    expect((await staffA.get('/api/staff/cases?q=13957700011')).json().items.map((i: { id: number }) => i.id)).toEqual([caseA]);
    const bad = await staffA.get('/api/staff/cases?q=123456');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.q).toMatch(/后 4 位/);
  });

  it('pages through the whole queue with the cursor, and refuses a cursor it did not hand out', async () => {
    const all = (await county.get('/api/staff/cases?status=all&limit=100')).json().items.map((i: { id: number }) => i.id);
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: number }>; nextCursor: string | null } = (await county.get(`/api/staff/cases?status=all&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json();
      paged.push(...page.items.map((i: { id: number }) => i.id));
      cursor = page.nextCursor;
    } while (cursor && paged.length <= all.length);
    expect(paged).toEqual(all);
    const bad = await county.get('/api/staff/cases?cursor=not-ours');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.cursor).toBe('翻页参数不对，请回到第一页');
  });

  it('the full ID number finds the case through the blind index', async () => {
    const res = await staffA.get(`/api/staff/cases?q=${fakeIdNumber('33032719500101011')}`);
    expect(res.json().items.map((i: { id: number }) => i.id)).toEqual([caseA]);
  });

  it('reveal shows the real data and writes an audit row with the reason and address', async () => {
    const reveals = async () => (await t.app.repos.audit.forTarget(`case:${caseA}`)).filter((a) => a.action === 'case.reveal');
    const before = (await reveals()).length;
    const res = await staffA.post(`/api/staff/cases/${caseA}/reveal`, { reason: 'home_visit' });
    expect(res.statusCode).toBe(200);
    expect(res.json().subject.name).toBe('张三明');
    expect(res.json().subject.phone).toBe('13957700011');
    const audit = await reveals();
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)).toMatchObject({ actor: 'staff_a', detail: '入户核查', clientIp: '127.0.0.1' });
  });

  it('reveal without a reason is refused', async () => {
    const res = await staffA.post(`/api/staff/cases/${caseA}/reveal`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.reason).toBe('这一项必须填写');
  });
});

describe('the workflow and the closed loop back to the resident', () => {
  it('contact → visit → decide → feedback → close, each shown on the tracking page', async () => {
    const { caseId, trackingCode } = await submitRequest(t.app, { entryCode: entryA });
    const steps = [
      { type: 'contact', outcome: 'reached', note: '本人在家' },
      { type: 'visit', findings: { economy: '无固定收入', health: '高血压、糖尿病', housing: '自有住房', needs: '医疗费用' } },
      { type: 'decide', decision: 'dibao', note: '符合低保条件' },
      { type: 'feedback', text: '您家已纳入最低生活保障，每月补助将从下月起发放。' },
      { type: 'close' },
    ];
    for (const step of steps) {
      const res = await staffA.post(`/api/staff/cases/${caseId}/events`, step);
      expect(res.statusCode, JSON.stringify(res.json())).toBe(200);
    }
    const detail = (await staffA.get(`/api/staff/cases/${caseId}`)).json();
    expect(detail.status).toBe('closed');
    expect(detail.nextVisitAt).toBeTruthy();
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'contact', 'visit', 'decide', 'feedback', 'close']);
    expect(detail.timeline[2].detail.findings.health).toBe('高血压、糖尿病');
    expect(detail.allowedEvents).toEqual(['feedback', 'reopen']);
    expect(detail.overdue).toBe(false);

    const track = (await t.app.inject({ method: 'GET', url: `/api/track/${trackingCode}` })).json();
    expect(track.status).toBe('closed');
    expect(track.feedback).toBe('您家已纳入最低生活保障，每月补助将从下月起发放。');
    expect(track.timeline.map((e: { text: string }) => e.text)).toContain('工作人员已上门了解情况');
    expect(JSON.stringify(track)).not.toContain('高血压');
  });

  it('a contact moves the deadline on, so a case reached in time is not shown overdue', async () => {
    const { caseId } = await submitRequest(t.app, { entryCode: entryA });
    await t.app.repos.cases.setDue(caseId, '2020-01-01T00:00:00.000Z');
    expect((await staffA.get(`/api/staff/cases/${caseId}`)).json().overdue).toBe(true);
    const missed = await staffA.post(`/api/staff/cases/${caseId}/events`, { type: 'contact', outcome: 'no_answer' });
    expect(missed.json().overdue).toBe(true);
    const reached = await staffA.post(`/api/staff/cases/${caseId}/events`, { type: 'contact', outcome: 'reached' });
    expect(reached.json().overdue).toBe(false);
    expect(reached.json().dueAt > new Date().toISOString()).toBe(true);
  });

  it('an impossible step is a 409 with a Chinese reason, and nothing is written', async () => {
    const { caseId } = await submitRequest(t.app, { entryCode: entryA });
    for (const step of [{ type: 'contact', outcome: 'reached' }, { type: 'decide', decision: 'monitor' }, { type: 'close' }]) {
      expect((await staffA.post(`/api/staff/cases/${caseId}/events`, step)).statusCode).toBe(200);
    }
    const events = (await t.app.repos.cases.eventsOf(caseId)).length;
    const res = await staffA.post(`/api/staff/cases/${caseId}/events`, { type: 'contact', outcome: 'reached' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_TRANSITION');
    expect(res.json().error.message).toMatch(/已办结/);
    expect(await t.app.repos.cases.eventsOf(caseId)).toHaveLength(events);
  });

  it('closing before deciding is refused', async () => {
    const res = await staffB.post(`/api/staff/cases/${caseB}/events`, { type: 'close' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('请先作出认定，再办结');
  });

  it('a step with bad fields names them', async () => {
    const res = await staffB.post(`/api/staff/cases/${caseB}/events`, { type: 'decide', decision: 'millionaire' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.decision).toBe('请选择认定结果');
    const unknown = await staffB.post(`/api/staff/cases/${caseB}/events`, { type: 'teleport' });
    expect(unknown.statusCode).toBe(400);
  });

  it('only the county dispatches to another township', async () => {
    const { caseId } = await submitRequest(t.app, { entryCode: entryB });
    const denied = await staffB.post(`/api/staff/cases/${caseId}/events`, { type: 'assign', township: townshipA });
    expect(denied.statusCode).toBe(403);
    const moved = await county.post(`/api/staff/cases/${caseId}/events`, { type: 'assign', township: townshipA });
    expect(moved.statusCode).toBe(200);
    expect((await staffB.get(`/api/staff/cases/${caseId}`)).statusCode).toBe(404);
    expect((await staffA.get(`/api/staff/cases/${caseId}`)).statusCode).toBe(200);
  });

  it('the audit log refuses to be edited', async () => {
    await expect(sql`DELETE FROM audit_log`.execute(t.app.store.db)).rejects.toThrow(/append-only/);
  });
});

describe('free text in a case', () => {
  it('is masked for staff, hidden from viewers, in full only through the audited reveal; opening a case is audited', async () => {
    const entryA = (await t.app.repos.entries.list()).find((e) => e.township === townshipA)!;
    const { caseId } = await submit(entryA.code, '0077', '钱七明');
    const idInText = fakeIdNumber('33032719610203123');
    const visit = await staffA.post(`/api/staff/cases/${caseId}/events`, { type: 'contact', outcome: 'reached', note: `本人电话 13957700077，另一个 0577-64761234` });
    expect(visit.statusCode).toBe(200);
    const visited = await staffA.post(`/api/staff/cases/${caseId}/events`, {
      type: 'visit',
      findings: { economy: `儿子身份证 ${idInText}，每月打工收入 1500 元` },
      note: '邻居电话 139 5770 0078',
    });
    expect(visited.statusCode).toBe(200);
    const written = JSON.stringify(visited.json().timeline);
    expect(written).not.toContain(idInText);
    expect(written).not.toContain('13957700077');

    const before = (await t.app.repos.audit.forTarget(`case:${caseId}`)).filter((a) => a.action === 'case.view').length;
    const staffView = (await staffA.get(`/api/staff/cases/${caseId}`)).json();
    const visitStep = staffView.timeline.find((e: { type: string }) => e.type === 'visit');
    expect(visitStep.detail.findings.economy).toBe(`儿子身份证 ${idInText.slice(0, 4)}**********${idInText.slice(-4)}，每月打工收入 1500 元`);
    expect(visitStep.detail.note).toBe('邻居电话 139****0078');
    expect(staffView.timeline.find((e: { type: string }) => e.type === 'contact').detail.note).toBe('本人电话 139****0077，另一个 ********1234');

    const viewerView = (await viewerA.get(`/api/staff/cases/${caseId}`)).json();
    const hidden = viewerView.timeline.find((e: { type: string }) => e.type === 'visit');
    expect(hidden.detail.findings.economy).toBe('已隐藏，查看完整信息后可见');
    expect(hidden.detail.note).toBe('已隐藏，查看完整信息后可见');
    expect(JSON.stringify(viewerView)).not.toContain('1500');

    const opened = (await t.app.repos.audit.forTarget(`case:${caseId}`)).filter((a) => a.action === 'case.view');
    expect(opened.length - before).toBe(2);
    expect(opened.slice(-2).map((a) => a.actor)).toEqual(['staff_a', 'viewer_a']);

    const revealed = (await viewerA.post(`/api/staff/cases/${caseId}/reveal`, { reason: 'verify_identity' })).json();
    const full = revealed.timeline.find((e: { type: string }) => e.type === 'visit');
    expect(full.detail.findings.economy).toBe(`儿子身份证 ${idInText}，每月打工收入 1500 元`);
    expect(full.detail.note).toBe('邻居电话 139 5770 0078');
    expect((await t.app.repos.audit.forTarget(`case:${caseId}`)).filter((a) => a.action === 'case.reveal' && a.actor === 'viewer_a')).toHaveLength(1);
  });
});
