import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../shared/register/cadence';
import { fakeIdNumber } from '../helpers/people';
import { phoneContext, watchErrors } from './support/browser';
import { queryRows } from './support/database';
import { signIn, STACK_PASSWORDS, useStackWithStaff } from './support/real-stack';
import { axeViolations } from './support/resident';
import type { RunningServer } from './support/server';

const STAFF_PASSWORD = STACK_PASSWORDS.staff;
const ADMIN_PASSWORD = STACK_PASSWORDS.admin;
const TOWNSHIP = '330327100000';

let server: RunningServer;
let browser: Browser;

useStackWithStaff((stack) => ({ server, browser } = stack), { staff: ['lx03'], township: TOWNSHIP });

const logIn = (page: Page, username: string, password: string) => signIn(page, server, username, password);

async function step(page: Page, button: string, title: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('heading', { name: title }).waitFor();
}

async function saved(page: Page, what: string): Promise<void> {
  await page.locator('[role="status"]', { hasText: what }).waitFor({ state: 'attached' });
  await page.locator('.event-form').waitFor({ state: 'detached' });
}

describe('数据预警: county import → township queue → visit → branch', () => {
  it('the county uploads a death list; the township finds the warning, visits, and chooses a branch', async () => {
    // bypassCSP only so axe-core can be injected into the county's pages.
    const county = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', bypassCSP: true });
    const admin = await county.newPage();
    await logIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.goto(`${server.url}/admin/signals`);
    await admin.getByRole('heading', { level: 1, name: '数据预警导入' }).waitFor();
    await admin.getByLabel('数据来源').selectOption('death');
    const template = admin.getByRole('link', { name: /下载死亡人员模板/ });
    expect(decodeURIComponent((await template.getAttribute('href')) ?? '')).toContain('身份证号,姓名,区划代码,死亡日期,年龄');

    const died = addDays(chinaDate(new Date().toISOString()), -20);
    const csv = ['身份证号,姓名,区划代码,死亡日期,年龄', `${fakeIdNumber('33032719860101015')},郑阿明,${TOWNSHIP},${died},40`, `,无号,${TOWNSHIP},${died},40`].join('\r\n');
    await admin.getByLabel('选择部门名单文件并导入').setInputFiles({ name: '死亡.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    // The import runs in the background: the page follows it (a progress bar while it runs), then shows the result.
    await admin.getByRole('heading', { name: '导入完成' }).waitFor();
    expect(await admin.getByRole('progressbar').count()).toBe(0);
    expect(await admin.locator('section[aria-live]').textContent()).toContain('新发出预警 1 条');
    expect(await admin.locator('section[aria-live] table').textContent()).toContain('没有填身份证号');
    expect(await admin.getByRole('link', { name: '下载错误报告（CSV）' }).getAttribute('href')).toMatch(/^\/api\/admin\/signals\/imports\/\d+\/errors\.csv$/);
    expect(await admin.getByRole('table').filter({ hasText: '死亡.csv' }).textContent()).toContain('新预警 1 条');
    expect(await axeViolations(admin)).toEqual([]);

    const phone = await phoneContext(browser);
    const page = await phone.newPage();
    const errors = watchErrors(page);
    await logIn(page, 'lx03', STAFF_PASSWORD);
    errors.length = 0; // the sign-in page's session probe answers 401 before login, by design
    await page.goto(`${server.url}/staff/cases?source=warning`);
    const card = page.locator('.case-card', { hasText: '郑*明' });
    await card.waitFor();
    await card.click();
    await page.getByRole('heading', { level: 1, name: '郑*明' }).waitFor();
    expect(await page.locator('.timeline').textContent()).toContain('死亡数据');

    await step(page, '记录电话了解', '记录电话了解');
    await page.getByLabel('已联系上').check();
    await page.getByRole('button', { name: '保存' }).click();
    await saved(page, '已记录：电话了解');

    await step(page, '记录入户核查', '记录入户核查');
    await page.getByLabel('经济状况').fill('丈夫去世，家里没有其他劳动力');
    await page.getByLabel('主要需求').fill('生活费用');
    await page.getByRole('button', { name: '保存' }).click();
    await saved(page, '已记录：入户核查');

    await step(page, '分类处置', '分类处置（数据预警）');
    await page.getByLabel('落实现有救助政策').check();
    await page.getByLabel('核查发现').fill('符合低保条件，已落实');
    await page.getByRole('button', { name: '保存' }).click();
    await saved(page, '已记录：分类处置');
    expect(await page.locator('.timeline').textContent()).toContain('落实现有救助政策');
    expect(await queryRows(server, sql`SELECT source, status, township FROM cases`)).toEqual([{ source: 'warning', status: 'decided', township: TOWNSHIP }]);
    expect(errors).toEqual([]);
    await phone.close();

    // The county's statistics count the warning, its source and the branch chosen.
    await admin.goto(`${server.url}/admin/stats`);
    const bySource = admin.locator('table', { has: admin.locator('caption', { hasText: '预警按数据来源' }) });
    await bySource.waitFor();
    expect(await bySource.locator('tr', { hasText: '死亡人员' }).textContent()).toContain('1');
    const byBranch = admin.locator('table', { has: admin.locator('caption', { hasText: '分类处置方式' }) });
    expect(await byBranch.locator('tr', { hasText: '落实现有救助政策' }).textContent()).toContain('1');
    expect(await axeViolations(admin)).toEqual([]);
    await county.close();
  });
});
