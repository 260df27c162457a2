import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../fixtures/households';
import { signIn, type AdminClient } from '../helpers/admin';
import { fakeIdNumber } from '../helpers/people';
import { createStaff } from '../helpers/staff';
import { buildTestApp, firstActiveEntry, type TestApp } from '../helpers/test-app';

/**
 * On SQLite one writer at a time made intake and the workflow safe by construction; on PostgreSQL many
 * connections write at once. The same requests fired together must still give one case and one transition
 * (this file runs on both engines: the API suite runs again with XFM_TEST_ENGINE=postgres).
 */
let t: TestApp;
let admin: AdminClient;

beforeAll(async () => {
  t = await buildTestApp();
  await createStaff(t.app, 'cc_county', 'county_admin', null);
  admin = await signIn(t.app, 'cc_county');
});
afterAll(() => t.close());

const person = (n: number) => ({ name: '并发居民', phone: `1380000${String(n).padStart(4, '0')}`, idNumber: fakeIdNumber(`33032719500101${String(n).padStart(3, '0')}`) });

async function request(payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/requests', payload, remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
}

describe('concurrent writes', () => {
  it('the same submission sent 20 times at once is stored once: one case, one tracking code', async () => {
    const entryCode = (await firstActiveEntry(t.app)).code;
    const payload = { requestId: randomUUID(), entryCode, answers: HARDSHIP_ANSWERS, person: person(1), consent: true };
    const replies = await Promise.all(Array.from({ length: 20 }, () => request(payload)));
    expect(replies.map((r) => r.statusCode).every((code) => code === 201 || code === 200)).toBe(true);
    const codes = new Set(replies.map((r) => r.json().trackingCode as string));
    expect(codes.size).toBe(1);
    const submission = await t.app.repos.cases.findSubmissionByRequestId(payload.requestId);
    expect((await t.app.repos.cases.submissionsOf(submission!.case_id)).length).toBe(1);
  });

  it('20 different requests about one person at once join one open case', async () => {
    const entryCode = (await firstActiveEntry(t.app)).code;
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => request({ requestId: randomUUID(), entryCode, answers: HARDSHIP_ANSWERS, person: person(2), consent: true })),
    );
    expect(replies.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const caseIds = new Set<number>();
    for (const reply of replies) {
      const submission = await t.app.repos.cases.findSubmissionByTrackingCode(reply.json().trackingCode as string);
      caseIds.add(submission!.case_id);
    }
    expect(caseIds.size).toBe(1);
    const [caseId] = [...caseIds];
    expect((await t.app.repos.cases.submissionsOf(caseId!)).length).toBe(20);
  });

  it('the same step sent 10 times at once moves the case once; the others are refused with a reason', async () => {
    const entryCode = (await firstActiveEntry(t.app)).code;
    const reply = await request({ requestId: randomUUID(), entryCode, answers: HARDSHIP_ANSWERS, person: person(3), consent: true });
    const caseId = (await t.app.repos.cases.findSubmissionByTrackingCode(reply.json().trackingCode as string))!.case_id;
    expect((await admin.post(`/api/staff/cases/${caseId}/events`, { type: 'contact', outcome: 'reached' })).statusCode).toBe(200);
    const decisions = await Promise.all(Array.from({ length: 10 }, () => admin.post(`/api/staff/cases/${caseId}/events`, { type: 'decide', decision: 'dibao' })));
    const codes = decisions.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, ...Array(9).fill(409)]);
    const decided = (await t.app.repos.cases.eventsOf(caseId)).filter((e) => e.type === 'decide');
    expect(decided).toHaveLength(1);
  });
});
