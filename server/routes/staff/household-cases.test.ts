import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../../shared/register/cadence';
import { HARDSHIP_ANSWERS } from '../../../tests/fixtures/households';
import { fakeIdNumber } from '../../../tests/helpers/people';
import { createStaff, login, type StaffSession } from '../../../tests/helpers/staff';
import { submitRequest } from '../../../tests/helpers/submissions';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';
import { CALM_FINDINGS as calm } from '../../../tests/helpers/visit-findings';

let t: TestApp;
let staffA: StaffSession;
let staffB: StaffSession;
let viewerA: StaffSession;
let townshipA: string;
let firstCase: number;
let trackingCode: string;
let household: number;

const today = () => chinaDate(new Date().toISOString());
const needsHelp = { ...calm, needs: { text: '冬天取暖困难，需要临时救助', risk: true } };

beforeAll(async () => {
  t = await buildTestApp();
  const [a, b] = await t.app.repos.entries.list();
  townshipA = a!.township;
  await createStaff(t.app, 'hc_a', 'township_staff', townshipA);
  await createStaff(t.app, 'hc_b', 'township_staff', b!.township);
  await createStaff(t.app, 'hc_view', 'viewer', townshipA);
  staffA = await login(t.app, 'hc_a');
  staffB = await login(t.app, 'hc_b');
  viewerA = await login(t.app, 'hc_view');
  ({ trackingCode, caseId: firstCase } = await submitRequest(t.app, {
    entryCode: a!.code,
    person: { name: '钱七宝', phone: '13957710071', idNumber: fakeIdNumber('33032719600101071'), address: '某村某组 7 号' },
  }));
  for (const step of [{ type: 'contact', outcome: 'reached' }, { type: 'decide', decision: 'monitor' }, { type: 'close' }]) {
    expect((await staffA.post(`/api/staff/cases/${firstCase}/events`, step)).statusCode).toBe(200);
  }
  household = (await t.app.repos.households.findByCase(firstCase))!.id;
});
afterAll(() => t.close());

describe('a visit that finds a need opens a case (需要帮助，新建案件)', () => {
  it('opens a new case in the household township, linked both ways, without touching the closed case or its tracking page', async () => {
    const trackBefore = (await t.app.inject({ method: 'GET', url: `/api/track/${trackingCode}` })).body;
    const firstBefore = (await t.app.repos.cases.find(firstCase))!;
    const res = await staffA.post(`/api/staff/households/${household}/visits`, { visitedAt: today(), findings: needsHelp, level: 'yellow', openCase: true });
    expect(res.statusCode).toBe(201);
    const opened = res.json().openedCase as { id: number; created: boolean };
    expect(opened.created).toBe(true);
    expect(opened.id).not.toBe(firstCase);

    const row = (await t.app.repos.cases.find(opened.id))!;
    expect(row.township).toBe(townshipA);
    expect(row.source).toBe('report');
    expect(row.status).toBe('new');
    expect(row.level).toBe('yellow');
    expect(row.person_key).toBe((await t.app.repos.households.find(household))!.person_key);
    // Staff's own finding: no submission, so no tracking code and nothing a resident reads.
    expect(await t.app.repos.cases.submissionsOf(opened.id)).toEqual([]);
    expect((await t.app.repos.cases.eventsOf(opened.id)).every((e) => e.public_text === null)).toBe(true);

    expect(res.json().cases.map((c: { id: number }) => c.id)).toEqual([firstCase, opened.id]);
    expect(res.json().timeline.some((e: { type: string; caseId: number | null }) => e.type === 'case_opened' && e.caseId === opened.id)).toBe(true);
    const detail = await staffA.get(`/api/staff/cases/${opened.id}`);
    expect(detail.json().householdId).toBe(household);
    expect(detail.json().subject.name).toBe('钱*宝');

    expect(await t.app.repos.cases.find(firstCase)).toEqual(firstBefore);
    expect((await t.app.inject({ method: 'GET', url: `/api/track/${trackingCode}` })).body).toBe(trackBefore);
    expect((await t.app.repos.audit.forTarget(`case:${opened.id}`)).map((e) => [e.action, e.actor])).toContainEqual(['household.case_opened', 'hc_a']);
  });

  it('links the open case instead of opening a second one, and leaves it as it was', async () => {
    const openId = (await t.app.repos.households.linkedCaseIds(household, (await t.app.repos.households.find(household))!.person_key)).at(-1)!;
    const before = (await t.app.repos.cases.find(openId))!;
    const eventsBefore = (await t.app.repos.cases.eventsOf(openId)).length;
    const res = await staffA.post(`/api/staff/households/${household}/visits`, { visitedAt: today(), findings: needsHelp, openCase: true });
    expect(res.statusCode).toBe(201);
    expect(res.json().openedCase).toEqual({ id: openId, created: false });
    expect(await t.app.repos.cases.find(openId)).toEqual(before);
    expect(await t.app.repos.cases.eventsOf(openId)).toHaveLength(eventsBefore);
  });

  it('asks what help is needed before opening a case, records nothing on refusal, and keeps other townships and viewers out', async () => {
    const visitsBefore = (await t.app.repos.households.visitsOf(household)).length;
    const bare = await staffA.post(`/api/staff/households/${household}/visits`, { visitedAt: today(), findings: calm, openCase: true });
    // A need written down but not marked as a risk is not yet a reason for a case either.
    const unflagged = await staffA.post(`/api/staff/households/${household}/visits`, { visitedAt: today(), findings: { ...calm, needs: { text: '想了解政策', risk: false } }, openCase: true });
    expect(unflagged.statusCode).toBe(400);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields['findings.needs']).toContain('需要什么帮助');
    expect(await t.app.repos.households.visitsOf(household)).toHaveLength(visitsBefore);
    expect((await staffB.post(`/api/staff/households/${household}/visits`, { visitedAt: today(), findings: needsHelp, openCase: true })).statusCode).toBe(404);
    expect((await viewerA.post(`/api/staff/households/${household}/visits`, { visitedAt: today(), findings: needsHelp, openCase: true })).statusCode).toBe(403);
  });
});

describe('the case page links to the register', () => {
  it('a case about a registered person carries the household id; other cases carry null', async () => {
    expect((await staffA.get(`/api/staff/cases/${firstCase}`)).json().householdId).toBe(household);
    const [a] = await t.app.repos.entries.list();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/requests',
      payload: { requestId: randomUUID(), entryCode: a!.code, answers: HARDSHIP_ANSWERS, person: { name: '孙八', phone: '13957710081' }, consent: true },
    });
    const other = (await t.app.repos.cases.findSubmissionByTrackingCode(res.json().trackingCode as string))!.case_id;
    expect((await staffA.get(`/api/staff/cases/${other}`)).json().householdId).toBeNull();
  });
});
