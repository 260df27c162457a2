import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf } from '../../../tests/helpers/rows';
import { createStaff, login, TEST_PASSWORD, type StaffSession } from '../../../tests/helpers/staff';
import { submitRequest } from '../../../tests/helpers/submissions';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';
import { hashPassword } from '../../domain/passwords';

// Signing in, the door to staff routes, CSRF and the first password change. Queue, case and workflow: staff.test.ts.
let t: TestApp;
let townshipA: string;
let caseA: number;
let staffA: StaffSession;
let viewerA: StaffSession;

beforeAll(async () => {
  t = await buildTestApp();
  const [a] = await t.app.repos.entries.list();
  townshipA = a!.township;
  ({ caseId: caseA } = await submitRequest(t.app, { entryCode: a!.code }));
  await createStaff(t.app, 'staff_a', 'township_staff', townshipA);
  await createStaff(t.app, 'county', 'county_admin', null);
  await createStaff(t.app, 'viewer_a', 'viewer', townshipA);
  staffA = await login(t.app, 'staff_a');
  viewerA = await login(t.app, 'viewer_a');
});
afterAll(() => t.close());

describe('staff session', () => {
  it('wrong password → 401 INVALID_CREDENTIALS; unknown user the same', async () => {
    for (const username of ['staff_a', 'nobody']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username, password: 'wrong-password' }, remoteAddress: '10.1.0.1' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('the cookie is HttpOnly and SameSite=Strict', async () => {
    // From an address of its own: the sign-ins in beforeAll already spend part of 127.0.0.1's per-minute allowance.
    const res = await t.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username: 'county', password: TEST_PASSWORD }, remoteAddress: '10.6.0.1' });
    const cookie = res.cookies.find((c) => c.name === 'xfm_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
  });

  it('50 wrong passwords for admin from one address never lock admin out from another address', async () => {
    await createStaff(t.app, 'admin', 'county_admin', null);
    const attacker = { remoteAddress: '10.2.0.66' };
    const answers: Array<{ status: number; code: string }> = [];
    for (let i = 0; i < 50; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username: 'admin', password: `bad-${i}` }, ...attacker });
      answers.push({ status: res.statusCode, code: res.json().error.code });
      if (res.json().error.code === 'LOGIN_THROTTLED') expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(answers.slice(0, 5).every((a) => a.code === 'INVALID_CREDENTIALS')).toBe(true);
    expect(answers[5]).toEqual({ status: 429, code: 'LOGIN_THROTTLED' });
    expect(answers.some((a) => a.status === 423)).toBe(false);
    const owner = await t.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username: 'admin', password: TEST_PASSWORD }, remoteAddress: '10.2.1.1' });
    expect(owner.statusCode).toBe(200);
    const failed = await countOf(t.app, sql`SELECT count(*) AS n FROM audit_log WHERE action = 'login.failed' AND actor = 'admin' AND client_ip = '10.2.0.66'`);
    expect(failed).toBe(5);
  });

  it('unknown and known usernames get the same answer, and both are throttled alike', async () => {
    const attempt = (username: string, remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username, password: 'wrong-password' }, remoteAddress });
    for (const [username, address] of [['staff_b', '10.5.0.1'], ['no_such_user', '10.5.0.2']] as const) {
      const answers = [];
      for (let i = 0; i < 6; i++) {
        const res = await attempt(username, address);
        answers.push([res.statusCode, res.body]);
      }
      expect(answers.slice(0, 5)).toEqual(Array(5).fill([401, JSON.stringify({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码不对' } })]));
      expect(answers[5]![0]).toBe(429);
      expect(JSON.parse(answers[5]![1] as string).error.code).toBe('LOGIN_THROTTLED');
    }
    const unknown = await countOf(t.app, sql`SELECT count(*) AS n FROM audit_log WHERE action = 'login.failed' AND actor = 'no_such_user'`);
    expect(unknown).toBe(5);
  });

  it('rate limits login attempts per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username: `ghost${i}`, password: 'x' }, remoteAddress: '10.3.0.1' });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
  });

  it('ignores a forged X-Forwarded-For when no proxy is trusted', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/staff/session',
        payload: { username: `ghost${i}`, password: 'x' },
        remoteAddress: '10.4.0.1',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
  });

  it('staff routes need a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/staff/cases' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  // The door comes before validation: a stranger with a bad request learns no field names.
  it.each([
    ['GET', '/api/staff/cases?limit=lots&status=nonsense', undefined],
    ['GET', '/api/staff/cases/not-a-number', undefined],
    ['GET', '/api/staff/assignees?township=abc', undefined],
    ['GET', '/api/staff/regions', undefined],
    ['POST', '/api/staff/cases/1/events', { type: 'teleport', extra: true }],
    ['POST', '/api/staff/cases/not-a-number/reveal', { reason: 42 }],
    ['POST', '/api/staff/password', { newPassword: 1 }],
    ['POST', '/api/admin/entries', { township: 7 }],
    ['GET', '/api/admin/audit?from=yesterday', undefined],
  ] as const)('anonymous %s %s with a bad request → 401, not 400', async (method, url, payload) => {
    const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String) });
  });

  it('a viewer with a bad write is refused for the role, not told the field names', async () => {
    const res = await viewerA.post(`/api/staff/cases/${caseA}/events`, { type: 'teleport' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('a write without the CSRF header is refused', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${caseA}/events`, headers: { cookie: staffA.cookie }, payload: { type: 'contact', outcome: 'reached' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('a user with a temporary password must change it first', async () => {
    await t.app.repos.users.create({ username: 'newbie', passwordHash: await hashPassword(TEST_PASSWORD), role: 'township_staff', township: townshipA, mustChangePassword: true });
    const s = await login(t.app, 'newbie');
    expect((await s.get('/api/staff/cases')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    for (const [weak, message] of [
      ['newbie-2026', '密码不能和用户名一样，也不能只是在用户名前后加几个字'],
      ['1q2w3e4r5t', '这个密码很常见，容易被别人猜到，请换一个（可以用一句好记的话，比如几个词连在一起）'],
      ['Password2026!', '这个密码很常见，容易被别人猜到，请换一个（可以用一句好记的话，比如几个词连在一起）'],
      ['short', '密码至少需要 10 个字符'],
    ]) {
      const refused = await s.post('/api/staff/password', { currentPassword: TEST_PASSWORD, newPassword: weak });
      expect(refused.statusCode, weak).toBe(400);
      expect(refused.json().error.fields.newPassword).toBe(message);
    }
    const changed = await s.post('/api/staff/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);
    // The old session was replaced: the old cookie no longer works.
    expect((await s.get('/api/staff/me')).statusCode).toBe(401);
    const again = await login(t.app, 'newbie', 'a-brand-new-password');
    expect((await again.get('/api/staff/cases')).statusCode).toBe(200);
  });
});
