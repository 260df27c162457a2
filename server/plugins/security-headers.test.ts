import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';
import { createStaff, login } from '../../tests/helpers/staff';
import { buildTestApp, type TestApp } from '../../tests/helpers/test-app';
import { helmetHeaders } from './security-headers';

let http: TestApp;
let https: TestApp;
beforeAll(async () => {
  http = await buildTestApp();
  https = await buildTestApp({ publicBaseUrl: 'https://xfm.example.gov.cn' });
});
afterAll(async () => {
  await http.close();
  await https.close();
});

describe('security headers', () => {
  it("records exactly what helmet's middleware would set", () => {
    const headers = new Map(helmetHeaders({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"] } }, hsts: false }));
    expect(headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.has('strict-transport-security')).toBe(false);
    expect(headers.has('x-powered-by')).toBe(false);
  });

  it('are on successes, validation errors, unknown routes and rate-limit refusals alike', async () => {
    const responses = [
      await http.app.inject({ method: 'GET', url: '/api/health' }),
      await http.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers: {} } }),
      await http.app.inject({ method: 'GET', url: '/api/no-such-route' }),
    ];
    for (let i = 0; i < 25; i++) responses.push(await http.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username: 'x', password: 'y' } }));
    expect(new Set(responses.map((r) => r.statusCode))).toEqual(new Set([200, 400, 404, 401, 429]));
    for (const res of responses) {
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('add HSTS only when the site is served over https', async () => {
    const res = await https.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

describe('rate-limit headers', () => {
  it('are left off ordinary replies, and a refusal still says when to try again', async () => {
    const ok = await http.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers: {} }, remoteAddress: '10.77.0.1' });
    expect(ok.headers['x-ratelimit-remaining']).toBeUndefined();
    let refused = ok;
    for (let i = 0; i < 70 && refused.statusCode !== 429; i++) {
      refused = await http.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers: {} }, remoteAddress: '10.77.0.2' });
    }
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('Cache-Control: no-store on every staff, admin, reveal, tracking and submission response', async () => {
    const fresh = await buildTestApp();
    const t = fresh.app;
    await createStaff(t, 'nostore_admin', 'county_admin', null);
    const staff = await login(t, 'nostore_admin');
    const entry = (await t.repos.entries.list()).find((e) => e.active)!;
    const created = await t.inject({
      method: 'POST',
      url: '/api/requests',
      payload: { requestId: randomUUID(), entryCode: entry.code, answers: HARDSHIP_ANSWERS, person: { name: '缓存测试', phone: '13957712300' }, consent: true },
    });
    const caseId = (await t.repos.cases.findSubmissionByTrackingCode(created.json().trackingCode))!.case_id;
    const responses = [
      created,
      await t.inject({ method: 'POST', url: '/api/staff/session', payload: { username: 'nostore_admin', password: 'wrong-password' } }),
      await staff.get('/api/staff/me'),
      await staff.get('/api/staff/cases'),
      await staff.get(`/api/staff/cases/${caseId}`),
      await staff.post(`/api/staff/cases/${caseId}/reveal`, { reason: 'home_visit' }),
      await staff.get('/api/admin/users'),
      await t.inject({ method: 'GET', url: `/api/track/${created.json().trackingCode}` }),
      await t.inject({ method: 'GET', url: '/api/track/NOPE' }),
    ];
    for (const res of responses) expect(res.headers['cache-control'], `${res.statusCode} ${res.body.slice(0, 80)}`).toContain('no-store');
    expect(responses.filter((r) => r.statusCode === 200).length).toBeGreaterThanOrEqual(6);
    expect((await t.inject({ method: 'GET', url: '/api/health' })).headers['cache-control'] ?? '').not.toContain('no-store');
    await fresh.close();
  });
});
