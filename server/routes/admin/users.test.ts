import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threeRoles, townshipsOf, type AdminClient } from '../../../tests/helpers/admin';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';

let t: TestApp;
let admin: AdminClient;
let staff: AdminClient;
let viewer: AdminClient;
let townshipA: string;
let townshipB: string;

beforeAll(async () => {
  t = await buildTestApp();
  [townshipA, townshipB] = (await townshipsOf(t.app)).map((r) => r.code) as [string, string];
  ({ admin, staff, viewer } = await threeRoles(t.app, townshipA));
});
afterAll(() => t.close());

const audits = async (target: string) => (await t.app.repos.audit.forTarget(target)).map((a) => a.action);
const loginAs = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username, password }, remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.1` });

describe('staff accounts', () => {
  it.each([
    ['GET', '/api/admin/users'],
    ['POST', '/api/admin/users'],
    ['PATCH', '/api/admin/users/1'],
    ['POST', '/api/admin/users/1/disable'],
    ['POST', '/api/admin/users/1/enable'],
    ['POST', '/api/admin/users/1/reset-password'],
  ] as const)('%s %s: township staff and viewers get 403', async (method, url) => {
    const payload = url === '/api/admin/users' ? { username: 'someone', role: 'viewer' } : method === 'PATCH' ? { role: 'viewer' } : undefined;
    for (const who of [staff, viewer]) {
      const res = method === 'GET' ? await who.get(url) : await who.send(method, url, payload);
      expect(res.statusCode).toBe(403);
    }
  });

  it('lists accounts with role and township names', async () => {
    const res = await admin.get('/api/admin/users');
    expect(res.statusCode).toBe(200);
    const township = (res.json().items as Array<{ username: string; role: string; township: { name: string } | null }>).find((a) => a.username === 'township')!;
    expect(township.role).toBe('township_staff');
    expect(township.township?.name).toMatch(/镇|街道/);
  });

  it('creates an account with a temporary password shown once; first login must change it; audited', async () => {
    const res = await admin.post('/api/admin/users', { username: 'lingxi_wang', role: 'township_staff', township: townshipA });
    expect(res.statusCode).toBe(201);
    const { account, temporaryPassword } = res.json();
    expect(account).toMatchObject({ username: 'lingxi_wang', role: 'township_staff', mustChangePassword: true, disabled: false });
    expect(temporaryPassword).toHaveLength(16);
    expect((await admin.get('/api/admin/users')).body).not.toContain(temporaryPassword);
    const login = await loginAs('lingxi_wang', temporaryPassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    expect(await audits(`user:${account.id}`)).toContain('user.create');
  });

  it('refuses a duplicate username, a township staff without township, and an unknown township', async () => {
    const dup = await admin.post('/api/admin/users', { username: 'TOWNSHIP', role: 'viewer' });
    // A clear 409 with the message on the username field, not the generic form error.
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('USERNAME_TAKEN');
    expect(dup.json().error.fields.username).toContain('已经有人用了');
    const noTownship = await admin.post('/api/admin/users', { username: 'no_town', role: 'township_staff' });
    expect(noTownship.json().error.fields.township).toBeTruthy();
    const unknown = await admin.post('/api/admin/users', { username: 'no_town', role: 'township_staff', township: '330327999000' });
    expect(unknown.json().error.fields.township).toBe('没有这个乡镇（街道）');
    const badName = await admin.post('/api/admin/users', { username: '王 五', role: 'viewer' });
    expect(badName.statusCode).toBe(400);
  });

  it('changes role and township, ends the account sessions, audits from → to', async () => {
    const { account } = (await admin.post('/api/admin/users', { username: 'mover', role: 'township_staff', township: townshipA })).json();
    const res = await admin.send('PATCH', `/api/admin/users/${account.id}`, { role: 'township_staff', township: townshipB });
    expect(res.statusCode).toBe(200);
    expect(res.json().township.code).toBe(townshipB);
    const toAdmin = await admin.send('PATCH', `/api/admin/users/${account.id}`, { role: 'county_admin', township: townshipB });
    expect(toAdmin.json()).toMatchObject({ role: 'county_admin', township: null });
    expect((await audits(`user:${account.id}`)).filter((a) => a === 'user.update')).toHaveLength(2);
    const detail = (await t.app.repos.audit.forTarget(`user:${account.id}`)).find((a) => a.action === 'user.update')!.detail!;
    expect(JSON.parse(detail)).toEqual({ from: { role: 'township_staff', township: townshipA }, to: { role: 'township_staff', township: townshipB } });
  });

  it('disables an account: its session ends and it cannot log in; enabling restores it', async () => {
    const { account, temporaryPassword } = (await admin.post('/api/admin/users', { username: 'leaver', role: 'viewer', township: null })).json();
    const session = await loginAs('leaver', temporaryPassword);
    const cookie = `xfm_sid=${session.cookies.find((c) => c.name === 'xfm_sid')!.value}`;
    const off = await admin.post(`/api/admin/users/${account.id}/disable`, {});
    expect(off.json().disabled).toBe(true);
    expect((await t.app.inject({ url: '/api/staff/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await loginAs('leaver', temporaryPassword)).statusCode).toBe(401);
    const on = await admin.post(`/api/admin/users/${account.id}/enable`, {});
    expect(on.json().disabled).toBe(false);
    expect((await loginAs('leaver', temporaryPassword)).statusCode).toBe(200);
    expect(await audits(`user:${account.id}`)).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('an admin cannot disable their own account', async () => {
    const me = (await admin.get('/api/staff/me')).json().user.id as number;
    const res = await admin.post(`/api/admin/users/${me}/disable`, {});
    expect(res.statusCode).toBe(409);
  });

  it('resets a password: a new temporary one, must be changed, the old one stops working', async () => {
    const { account, temporaryPassword: first } = (await admin.post('/api/admin/users', { username: 'forgetful', role: 'viewer' })).json();
    const res = await admin.post(`/api/admin/users/${account.id}/reset-password`, {});
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect(temporaryPassword).not.toBe(first);
    expect((await loginAs('forgetful', first)).statusCode).toBe(401);
    const login = await loginAs('forgetful', temporaryPassword);
    expect(login.json().user.mustChangePassword).toBe(true);
    expect(await audits(`user:${account.id}`)).toContain('user.reset_password');
  });

  it('unknown account → 404', async () => {
    expect((await admin.post('/api/admin/users/99999/reset-password', {})).statusCode).toBe(404);
  });
});
