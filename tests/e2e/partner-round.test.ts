import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeIdNumber } from '../helpers/people';
import { phoneContext, screenshot, watchErrors } from './support/browser';
import { STACK_PASSWORDS, useStackWithStaff } from './support/real-stack';
import { postRequest } from './support/requests';
import { axeViolations } from './support/resident';
import { choosePassword, type RunningServer } from './support/server';

// The partner account chooses the same password the township staff did.
const PASSWORD = STACK_PASSWORDS.staff;
const PHONE = '13957708765';
const ID_NUMBER = fakeIdNumber('33032719480506123');
const NEED = '独居老人，腿脚不便，需要每周上门陪护两次';

let server: RunningServer;
let browser: Browser;
let entryCode: string;
let township: string;
let trackingCode: string;
let referralId: number;
let shareContact: () => Promise<number>;

/** A signed-in API client for set-up steps the test does not drive through the browser. */
async function apiSession(username: string, password: string) {
  const login = await fetch(`${server.url}/api/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async post(path: string, body: unknown) {
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
    get: async (path: string) => (await (await fetch(`${server.url}${path}`, { headers: { cookie } })).json()) as Record<string, unknown>,
  };
}

useStackWithStaff((stack) => ({ server, browser, entryCode, township } = stack), { staff: ['lx01'] });

beforeAll(async () => {
  const admin = await apiSession('admin', STACK_PASSWORDS.admin);
  const resource = await admin.post('/api/admin/resources', { kind: 'station', name: '渎浦社工站', township, serviceTypes: ['生活照料', '心理疏导'] });
  expect(resource.status).toBe(201);
  await server.admin(['create-user', '--username', 'dp_station', '--role', 'partner', '--resource', String(resource.json.id), '--password-stdin'], `${STACK_PASSWORDS.temporary}\n`);
  await choosePassword(server, 'dp_station', STACK_PASSWORDS.temporary, PASSWORD);

  trackingCode = await postRequest(server, entryCode, { name: '王大伯', phone: PHONE, idNumber: ID_NUMBER });
  const staff = await apiSession('lx01', PASSWORD);
  const caseId = ((await staff.get('/api/staff/cases')).items as Array<{ id: number }>)[0]!.id;
  const referral = await staff.post(`/api/staff/cases/${caseId}/referrals`, { resourceId: resource.json.id, need: NEED });
  expect(referral.status).toBe(201);
  referralId = referral.json.id as number;
  shareContact = async () => (await staff.post(`/api/staff/cases/${caseId}/referrals/${referralId}/contact`, { confirm: true })).status;
});
describe('a partner’s full round on a 375 px phone', () => {
  it('signs in, sees the referral desensitised, accepts, gets the shared phone, completes with a note; the resident reads it', async () => {
    // bypassCSP only so axe-core can be injected (the other browser tests run the app under the real CSP).
    const context = await phoneContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto(`${server.url}/staff`);
    await page.getByLabel('用户名').fill('dp_station');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/partner$/);
    await page.getByRole('heading', { level: 1, name: '渎浦社工站' }).waitFor();
    const card = page.locator(`[data-referral="${referralId}"]`);
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('王*');
    expect(text).toContain(NEED);
    const body = (await page.locator('body').textContent()) ?? '';
    for (const secret of ['王大伯', PHONE, PHONE.slice(-4), ID_NUMBER.slice(-4)]) expect(body).not.toContain(secret);
    // One-handed at 375 px: nothing wider than the screen, the answer buttons big enough for a thumb.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const accept = card.getByRole('button', { name: '接单' });
    expect((await accept.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'partner-list-phone');

    await accept.click();
    await page.getByRole('button', { name: '确定接单' }).click();
    await page.locator('[role="status"]', { hasText: '已接单' }).waitFor();
    await card.getByText('已接单').waitFor();

    // The township shares the phone (audited); the partner sees it after refreshing.
    expect(await shareContact()).toBe(200);
    await page.reload();
    expect(await card.getByRole('link', { name: PHONE }).getAttribute('href')).toBe(`tel:${PHONE}`);

    await card.getByRole('button', { name: '已完成' }).click();
    await page.getByRole('button', { name: '确定已完成' }).click();
    await page.getByRole('alert').filter({ hasText: '请写一句做了什么' }).waitFor();
    await page.getByLabel(/做了什么/).fill('已安排社工每周二、周五上门');
    await screenshot(page, 'partner-complete-sheet-phone');
    await page.getByRole('button', { name: '确定已完成' }).click();
    await page.getByRole('heading', { name: /已结束/ }).waitFor();
    expect(await card.textContent()).toContain('已完成');
    // 401 from 「who am I」 before signing in, 400 from the empty note: expected answers, not faults.
    expect(errors.filter((e) => !/status of 40[01]/.test(e))).toEqual([]);

    // The resident's tracking page says what was done, naming the station and no person.
    const resident = await context.newPage();
    await resident.goto(`${server.url}/track/${trackingCode}`);
    await resident.getByRole('heading', { name: '正在为您做的事' }).waitFor();
    const tracked = (await resident.locator('main').textContent()) ?? '';
    expect(tracked).toContain('渎浦社工站已完成帮扶');
    expect(tracked).toContain('已请渎浦社工站联系您');
    for (const name of ['王大伯', 'dp_station', 'lx01']) expect(tracked).not.toContain(name);
    await screenshot(resident, 'partner-track-phone');
    await context.close();
  });
});
