import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSignedIn, partnerSignedIn, type AdminClient } from '../helpers/admin';
import { registeredRoutes } from '../helpers/routes';
import { HARDSHIP_ANSWERS } from '../fixtures/households';
import { fakeIdNumber } from '../helpers/people';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// The shared login session: a partner signs in, asks who it is, changes its password and logs out here.
const SESSION_ROUTES = new Set(['/api/staff/session', '/api/staff/me', '/api/staff/password']);

let t: TestApp;
let partner: AdminClient;
let caseId: number;
let referralId: number;
let entryCode: string;

beforeAll(async () => {
  t = await buildTestApp();
  const entry = (await t.app.repos.entries.list())[0]!;
  entryCode = entry.code;
  const admin = await newSignedIn(t.app, 'county', 'county_admin', null);
  const staff = await newSignedIn(t.app, 'lx', 'township_staff', entry.township);
  const resource = (await admin.send('POST', '/api/admin/resources', { kind: 'station', name: '社工站', township: entry.township, serviceTypes: ['心理疏导'] })).json().id as number;
  partner = await partnerSignedIn(t.app, 'partner1', resource);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/requests',
    payload: { requestId: randomUUID(), entryCode, answers: HARDSHIP_ANSWERS, person: { name: '李四', phone: '13958800001', idNumber: fakeIdNumber() }, consent: true },
  });
  caseId = (await t.app.repos.cases.findSubmissionByTrackingCode(res.json().trackingCode))!.case_id;
  // A case referred to this very partner: even that case is out of reach outside /api/partner.
  referralId = (await staff.post(`/api/staff/cases/${caseId}/referrals`, { resourceId: resource, need: '需要上门陪护' })).json().id as number;
});
afterAll(() => t.close());

describe('a partner account', () => {
  it('gets 403 or 404, and no data, on every registered staff and admin route', async () => {
    const routes = registeredRoutes(t.app).filter((r) => /^\/api\/(staff|admin)\//.test(r.url) && !SESSION_ROUTES.has(r.url));
    expect(routes.length).toBeGreaterThan(30);
    const eventsBefore = (await t.app.repos.cases.eventsOf(caseId)).length;
    const caseBefore = await t.app.repos.cases.find(caseId);
    for (const route of routes) {
      const url = route.url
        .replace(':id', String(caseId))
        .replace(':referralId', String(referralId))
        .replace(':code', entryCode);
      const res = await partner.send(route.method as 'POST', url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect([403, 404], `${route.method} ${route.url} → ${res.statusCode}`).toContain(res.statusCode);
      expect(Object.keys(res.json()), `${route.method} ${route.url}`).toEqual(['error']);
    }
    // Nothing was changed on the partner's behalf.
    expect(await t.app.repos.cases.eventsOf(caseId)).toHaveLength(eventsBefore);
    expect(await t.app.repos.cases.find(caseId)).toEqual(caseBefore);
    expect((await t.app.repos.referrals.find(referralId))!.contact_enc).toBeNull();
  });

  it('uses the shared session only for itself, and reaches its own partner routes', async () => {
    const me = (await partner.get('/api/staff/me')).json();
    expect(me.user).toMatchObject({ username: 'partner1', role: 'partner', township: null });
    expect((await partner.get('/api/partner/referrals')).statusCode).toBe(200);
    const walked = registeredRoutes(t.app).filter((r) => r.url.startsWith('/api/partner/'));
    expect(walked.map((r) => `${r.method} ${r.url}`).sort()).toEqual(['GET /api/partner/referrals', 'POST /api/partner/referrals/:id/events']);
  });
});
