import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
