import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeIdNumber } from '../helpers/people';
import { phoneContext, screenshot, watchErrors, WECHAT_UA } from './support/browser';
import { queryRows, queryValue } from './support/database';
import { STACK_PASSWORDS, submitSignIn, useStackWithStaff } from './support/real-stack';
import { postRequest } from './support/requests';
import { axeViolations } from './support/resident';
import type { RunningServer } from './support/server';

const ADMIN_PASSWORD = STACK_PASSWORDS.admin;
const STAFF_PASSWORD = STACK_PASSWORDS.staff;
const PHONE = '13957704321';
const ID_NUMBER = fakeIdNumber('33032719520304432');
const FEEDBACK = '您家已纳入最低生活保障，每月补助从下个月起发放。有疑问请打乡镇民政办电话。';

let server: RunningServer;
let browser: Browser;
let entryCode: string;
let township: string;
let trackingCode: string;
let viewerTemporaryPassword: string;

useStackWithStaff((stack) => ({ server, browser, entryCode, township } = stack), {
  staff: ['lx01'],
  // A read-only account whose password the county reset: its owner must choose a new one at first login.
  alongside: async (started, staffTownship) => {
    await started.admin(['create-user', '--username', 'ck01', '--role', 'viewer', '--township', staffTownship, '--password-stdin'], `${STACK_PASSWORDS.temporary}\n`);
    const reset = await started.admin(['reset-password', '--username', 'ck01', '--json']);
    viewerTemporaryPassword = (JSON.parse(reset) as { temporaryPassword: string }).temporaryPassword;
  },
});

beforeAll(async () => {
  trackingCode = await postRequest(server, entryCode, { name: '王小明', phone: PHONE, idNumber: ID_NUMBER, address: '城关镇幸福村三组 18 号' });
});

const logIn = (page: Page, username: string, password: string) => submitSignIn(page, server, username, password);

/** Opens a workflow step from the 「办理」 card and waits for its form. */
async function startStep(page: Page, button: string, title: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('heading', { name: title }).waitFor();
}

async function saved(page: Page, step: string): Promise<void> {
  await page.locator('[role="status"]', { hasText: step }).waitFor({ state: 'attached' });
  await page.locator('.event-form').waitFor({ state: 'detached' });
}

/** Waits for sheets, toasts and transitions to finish, so screenshots show the page at rest. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().length === 0 && !document.querySelector('.van-toast:not([style*="display: none"])'));
}

describe('the staff workbench on a phone, from queue to the resident’s tracking page', () => {
  it('logs in, finds the case, reveals with a reason, records contact, visit, decision and feedback', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);

    // A wrong password gets a plain Chinese message and no way in.
    await logIn(page, 'lx01', 'not-the-password');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('用户名或密码不对');
    errors.length = 0; // the 401 itself is logged by the browser as a failed resource

    await logIn(page, 'lx01', STAFF_PASSWORD);
    await page.waitForURL(/\/staff\/cases$/);
    await page.getByRole('heading', { name: '待办案件' }).waitFor();
    const card = page.locator('.case-card', { hasText: '王*明' });
    await card.waitFor();
    expect(await card.textContent()).toMatch(/红色|黄色|蓝色|未分级/);
    expect(await page.getByText(PHONE).count()).toBe(0);
    await screenshot(page, 'staff-queue-phone');

    // Search by the phone number's last four digits.
    await page.getByLabel('搜索案件').fill('4321');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.waitForURL(/q=4321/);
    await expect.poll(() => page.locator('.case-card').count()).toBe(1);
    await card.click();

    await page.getByRole('heading', { level: 1, name: '王*明' }).waitFor();
    expect(await page.getByText(`${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(-4)}`).count()).toBe(1);
    expect(await page.getByText('139****4321').count()).toBe(1);
    expect(await page.getByText('规则版本').count()).toBe(1);

    // Reveal: choose a reason, see the real data and that it was recorded.
    await page.getByRole('button', { name: '查看完整信息' }).click();
    await page.getByRole('button', { name: '入户核查', exact: true }).click();
    await page.getByText('本次查看已记录').waitFor();
    await settled(page);
    expect(await page.getByRole('link', { name: PHONE }).getAttribute('href')).toBe(`tel:${PHONE}`);
    expect(await page.getByText(ID_NUMBER).count()).toBe(1);
    await screenshot(page, 'staff-case-revealed-phone');
    const audit = await queryRows(server, sql<{ actor: string; detail: string }>`SELECT actor, detail FROM audit_log WHERE action = 'case.reveal'`);
    expect(audit).toEqual([expect.objectContaining({ actor: 'lx01', detail: '入户核查' })]);
    await page.getByRole('button', { name: '隐藏完整信息' }).click();
    expect(await page.getByText(ID_NUMBER).count()).toBe(0);

    // Contact: the form refuses to save without an outcome, then records it.
    await startStep(page, '记录电话了解', '记录电话了解');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('link', { name: '请选择联系结果' }).waitFor();
    await page.getByLabel('已联系上').check();
    await page.getByRole('button', { name: '保存' }).click();
    await saved(page, '已记录：电话了解');

    await startStep(page, '记录入户核查', '记录入户核查');
    await page.getByLabel('经济状况').fill('无固定收入，靠亲戚接济');
    await page.getByLabel('健康状况').fill('本人慢性病，需长期服药');
    await page.getByLabel('主要需求').fill('医疗费用');
    await screenshot(page, 'staff-visit-form-phone');
    await page.getByRole('button', { name: '保存' }).click();
    await saved(page, '已记录：入户核查');

    await startStep(page, '作出认定', '作出认定');
    await page.getByLabel('纳入最低生活保障').check();
    await page.getByRole('button', { name: '保存' }).click();
    await saved(page, '已记录：作出认定');

    await startStep(page, '反馈给群众', '给群众反馈结果');
    expect(await page.getByText('原样显示在群众的查询页面上').count()).toBe(1);
    await page.getByLabel('给群众的反馈').fill(FEEDBACK);
    await page.getByRole('button', { name: '发送反馈' }).click();
    await saved(page, '反馈已发送');

    const timeline = (await page.locator('.timeline').textContent()) ?? '';
    for (const step of ['收到本人求助', '电话了解', '已联系上', '入户核查', '无固定收入', '作出认定', '纳入最低生活保障', '反馈结果', FEEDBACK]) {
      expect(timeline).toContain(step);
    }
    expect(timeline).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    await settled(page);
    await screenshot(page, 'staff-case-phone');

    // The session ends (cookie gone): the next call lands on the login page with a reason.
    await context.clearCookies();
    await page.getByRole('link', { name: '返回案件列表' }).click();
    await page.waitForURL(/\/staff\?redirect=/);
    await page.getByText('请先登录').waitFor();
    // 401s are the expected answers to 「who am I」 before login and after the cookie went.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await context.close();

    // The resident's tracking page shows the feedback, and none of the staff's findings.
    const resident = await phoneContext(browser);
    const track = await resident.newPage();
    await track.goto(`${server.url}/track/${trackingCode}`);
    await track.getByText(FEEDBACK).first().waitFor();
    expect(await track.getByText('无固定收入').count()).toBe(0);
    await resident.close();
  });

  it('shows the county admin a denser table on a 1280 px office screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL(/\/staff\/cases$/);
    await page.getByRole('navigation', { name: '按办理状态查看' }).getByRole('link', { name: /全部/ }).click();
    await page.waitForURL(/status=all/);
    const row = page.locator('.queue-table tbody tr', { hasText: '王*明' });
    await row.waitFor();
    expect(await page.getByRole('columnheader', { name: '风险' }).count()).toBe(1);
    expect(await page.getByLabel('乡镇（街道）').count()).toBe(1);
    await settled(page);
    await screenshot(page, 'staff-queue-desktop');
    await row.getByRole('link', { name: '王*明' }).click();
    await page.getByRole('heading', { level: 1, name: '王*明' }).waitFor();
    expect(await page.getByRole('button', { name: '派单' }).count()).toBe(1);
    await screenshot(page, 'staff-case-desktop');

    // The county gives the case to a named colleague of that township, picked from a list.
    await startStep(page, '派单', '派单');
    // Every township of the county is offered (the region tree), though the list only holds cases of one.
    await expect.poll(() => page.getByLabel('派往乡镇（街道）').locator('option').allTextContents()).toEqual(['灵溪镇', '钱库镇', '金乡镇', '马站镇']);
    const assignee = page.getByLabel('负责人');
    await assignee.locator('option', { hasText: 'lx01' }).waitFor({ state: 'attached' });
    await assignee.selectOption({ label: 'lx01' });
    await page.getByRole('button', { name: '确认派单' }).click();
    await saved(page, '已记录');
    expect(await page.locator('dt', { hasText: '负责人' }).locator('xpath=following-sibling::dd[1]').textContent()).toBe('lx01');
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await context.close();
  });

  it('makes a viewer with a temporary password choose a new one, then shows cases read-only (and passes axe)', async () => {
    const temporaryPassword = viewerTemporaryPassword;
    // bypassCSP only so axe-core can be injected; the app itself runs under the real CSP in the other tests.
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, userAgent: WECHAT_UA, locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto(`${server.url}/staff`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await logIn(page, 'ck01', temporaryPassword);
    await page.waitForURL(/\/staff\/password/);
    await page.getByText('第一次登录').waitFor();
    await page.getByLabel('现在的密码').fill(temporaryPassword);
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByRole('link', { name: '密码至少需要 10 个字符' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('新密码', { exact: true }).fill('a-viewer-chose-this');
    await page.getByLabel('再填一次新密码').fill('a-viewer-chose-this');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.waitForURL(/\/staff\/cases$/);

    await page.locator('.case-card', { hasText: '王*明' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.case-card', { hasText: '王*明' }).click();
    await page.getByRole('heading', { level: 1, name: '王*明' }).waitFor();
    await page.getByText('只读账号').first().waitFor();
    expect(await page.getByRole('heading', { name: '办理', exact: true }).count()).toBe(0);
    // Free text (the visit findings) is hidden from a read-only account until an audited reveal.
    const hiddenTimeline = (await page.locator('.timeline').textContent()) ?? '';
    expect(hiddenTimeline).toContain('已隐藏，查看完整信息后可见');
    expect(hiddenTimeline).not.toContain('无固定收入');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '查看完整信息' }).click();
    await page.getByRole('button', { name: '核对身份', exact: true }).click();
    await page.getByText('本次查看已记录').waitFor();
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('无固定收入');
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await context.close();
  });

  it('keeps a half-written visit through a reload, asks before discarding, shows the offline error by the save button', async () => {
    const code = await postRequest(server, entryCode, { name: '赵桂芬', phone: '13957709876', address: '某村五组 3 号' });
    const caseId = await queryValue(server, sql<{ case_id: number }>`SELECT case_id FROM submissions WHERE tracking_code = ${code}`);
    const villages = (await queryRows(server, sql<{ name: string }>`SELECT name FROM regions WHERE level = 'village' AND parent = ${township} ORDER BY code`)).map((v) => v.name);
    const twoDaysAgo = new Date(Date.now() + 8 * 3600_000 - 2 * 86_400_000).toISOString().slice(0, 10);

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, 'lx01', STAFF_PASSWORD);
    await page.waitForURL(/\/staff\/cases$/);
    // The village filter lists the township's villages from the region tree, not only those seen in the list.
    await expect.poll(() => page.locator('#filter-village option').allTextContents()).toEqual(['全部', ...villages]);

    await page.goto(`${server.url}/staff/cases/${caseId}`);
    await page.getByRole('heading', { level: 1, name: '赵*芬' }).waitFor();
    await startStep(page, '记录入户核查', '记录入户核查');
    await page.getByLabel('入户日期').fill(twoDaysAgo);
    await page.getByLabel('经济状况').fill('靠打零工，收入不稳定');
    await page.getByLabel('健康状况').fill('丈夫中风卧床');

    // A reload loses nothing: the step says it has a draft and the form comes back filled in.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '赵*芬' }).waitFor();
    await startStep(page, '记录入户核查（有草稿）', '记录入户核查');
    await page.getByText('已恢复上次没有保存的内容').waitFor();
    expect(await page.getByLabel('健康状况').inputValue()).toBe('丈夫中风卧床');
    expect(await page.getByLabel('入户日期').inputValue()).toBe(twoDaysAgo);

    // A tap outside the sheet asks first; 继续填写 keeps everything.
    await page.locator('.van-overlay').first().click({ position: { x: 10, y: 10 } });
    await page.getByText('放弃填写的内容？').waitFor();
    await page.getByRole('button', { name: '继续填写' }).click();
    await page.getByText('放弃填写的内容？').waitFor({ state: 'hidden' });
    expect(await page.getByLabel('经济状况').inputValue()).toBe('靠打零工，收入不稳定');

    // Offline: the reason is right by the save button, and the draft stays.
    await context.setOffline(true);
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('#ev-save-error').textContent()).toContain('没有连上网络');
    await context.setOffline(false);
    await page.getByRole('button', { name: '保存' }).click();
    await saved(page, '已记录：入户核查');
    const [year, month, day] = twoDaysAgo.split('-').map(Number);
    expect(await page.locator('.timeline').textContent()).toContain(`入户日期${year}年${month}月${day}日`);
    expect(await page.locator('.staff-case dt', { hasText: '认定期限' }).count()).toBe(1);

    // Saved: no draft left behind on the device.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '赵*芬' }).waitFor();
    expect(await page.getByRole('button', { name: /有草稿/ }).count()).toBe(0);

    // A case from a township-wide code is given its village from the region tree.
    await startStep(page, '填写村（社区）', '填写村（社区）');
    await page.getByLabel('所在村（社区）').selectOption({ label: villages[0]! });
    await page.getByRole('button', { name: '保存' }).click();
    await saved(page, '已记录');
    expect(await page.locator('.timeline').textContent()).toContain(`村（社区）${villages[0]}`);

    // Signing out on a shared phone asks about unsaved writing, and takes it off the phone.
    await startStep(page, '记录入户核查', '记录入户核查');
    await page.getByLabel('经济状况').fill('儿子寄钱回来');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '赵*芬' }).waitFor();
    await page.getByRole('button', { name: '退出', exact: true }).click();
    await page.getByText('有 1 份写了一半、还没保存的记录').waitFor();
    await page.getByRole('button', { name: '先不退出' }).click();
    await page.getByRole('button', { name: /有草稿/ }).waitFor();
    await page.getByRole('button', { name: '退出', exact: true }).click();
    await page.getByRole('button', { name: '删除并退出' }).click();
    await page.waitForURL(/\/staff$/);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('xfm.staff.draft.')))).toEqual([]);
    expect(errors.filter((e) => !/status of 401|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
    await context.close();
  });
});
