import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, chinaDate, nextVisitDate } from '../../shared/register/cadence';
import { selectRegisterParameters } from '../../shared/register/parameters';
import { fakeIdNumber } from '../helpers/people';
import { phoneContext, screenshot, watchErrors } from './support/browser';
import { arrange, queryRows, queryValue } from './support/database';
import { importRoster, signIn, STACK_PASSWORDS, useStackWithStaff } from './support/real-stack';
import type { RunningServer } from './support/server';

const TOWNSHIP = '330327100000';
const VILLAGE = '330327100201';
const PHONE = '13957708765';

let server: RunningServer;
let browser: Browser;

useStackWithStaff(
  (stack) => ({ server, browser } = stack),
  {
    staff: ['lx02'],
    township: TOWNSHIP,
    alongside: async (started) => {
      await importRoster(started, [
        ['身份证号', '姓名', '乡镇代码', '类别', '纳入日期', '村社区代码', '手机', '风险等级'],
        [fakeIdNumber('33032719480506876'), '陈阿明', TOWNSHIP, '特困', '2024-05-01', VILLAGE, PHONE, '红'],
      ]);
      // A week has passed without a visit: the household is overdue.
      await arrange(started, sql`UPDATE households SET next_visit_on = ${addDays(chinaDate(new Date().toISOString()), -2)}`);
    },
  },
);

describe('a round of visits on a 375 px phone', () => {
  it('worklist → call link → record the visit in place → next visit moves, the open risk is carried', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);

    await signIn(page, server, 'lx02', STACK_PASSWORDS.staff);
    errors.length = 0; // the sign-in page's session probe answers 401 before login, by design
    const summary = page.getByRole('link', { name: /探访：本周 \d+ 户，超期 1 户/ });
    await summary.waitFor();
    await summary.click();

    await page.getByRole('heading', { level: 1, name: '本周探访' }).waitFor();
    await page.getByRole('heading', { name: '渎浦村（1 户）' }).waitFor();
    const card = page.locator('.household-card', { hasText: '陈*明' });
    expect(await card.textContent()).toContain('已超期');
    expect(await page.getByText(PHONE).count()).toBe(0);
    // Nothing sideways on a 375 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await screenshot(page, 'register-worklist-phone');
    // Tap to call: the number is revealed (and audited) and becomes a tel: link.
    await card.getByRole('button', { name: /打电话/ }).click();
    const call = card.getByRole('link', { name: `拨打 ${PHONE}` });
    await call.waitFor();
    expect(await call.getAttribute('href')).toBe(`tel:${PHONE}`);
    expect(await queryRows(server, sql`SELECT actor, detail FROM audit_log WHERE action = 'household.reveal'`)).toEqual([{ actor: 'lx02', detail: '电话联系本人' }]);

    // Record the visit in place, with a health risk.
    await card.getByRole('button', { name: '记录探访' }).click();
    await card.getByLabel('健康状况情况').fill('老人腿脚不便，独自在家');
    await card.locator('input[name="risk-health"]').check();
    await screenshot(page, 'register-visit-form-phone');
    await card.getByRole('button', { name: '保存探访记录' }).click();
    const recorded = card.getByRole('status');
    await recorded.waitFor();
    // The day the visit was recorded as (read back, so a save around China's midnight cannot skew the expectation).
    const today = (await queryValue(server, sql<{ last_visit_on: string }>`SELECT last_visit_on FROM households`))!;
    const next = nextVisitDate(today, 'red', selectRegisterParameters(today).values);
    const [, m, d] = next.split('-').map(Number);
    expect(await recorded.textContent()).toContain(`下次探访：${next.slice(0, 4) === today.slice(0, 4) ? '' : `${next.slice(0, 4)}年`}${m}月${d}日`);
    expect(await recorded.textContent()).toContain('未清零风险 1 项');
    expect(await queryValue(server, sql`SELECT next_visit_on FROM households`)).toBe(next);

    // The household page carries the open risk into the next visit's form.
    await card.getByRole('link', { name: '陈*明' }).click();
    await page.getByRole('heading', { level: 1, name: '陈*明' }).waitFor();
    expect(await page.locator('.s-card', { hasText: '未清零的风险' }).textContent()).toContain('健康状况：老人腿脚不便，独自在家');
    expect(await page.locator('.household-timeline').textContent()).toMatch(/定期探访；未清零风险：健康状况/);
    await page.getByRole('button', { name: '记录探访' }).click();
    expect(await page.getByText('上次未清零：老人腿脚不便，独自在家').count()).toBe(1);
    expect(await page.locator('input[name="risk-health"]').isChecked()).toBe(true);
    await screenshot(page, 'register-household-phone');

    // A re-check that ends support keeps the household followed for two years.
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '复核', exact: true }).click();
    await page.getByLabel('退出（继续监测）').check();
    await page.getByRole('button', { name: '保存复核结果' }).click();
    await page.getByText('监测到', { exact: true }).waitFor();
    expect(await queryRows(server, sql`SELECT category, monitored_until FROM households`)).toEqual([{
      category: 'exited',
      monitored_until: addMonths(today, 24),
    }]);
    expect(await page.locator('.household-timeline').textContent()).toContain('复核：退出保障，继续监测到');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the county previews a roster upload row by row, then imports it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server, 'admin', STACK_PASSWORDS.admin);
    await page.goto(`${server.url}/admin/register`);
    await page.getByRole('heading', { level: 1, name: '在册名单' }).waitFor();
    await page.getByRole('heading', { name: '在册 1 户' }).waitFor();
    expect(await page.locator('table').first().textContent()).toContain('渎浦村');
    const csv = [
      '身份证号,姓名,乡镇代码,类别,纳入日期',
      `${fakeIdNumber('33032719480506877')},林一,${TOWNSHIP},低保,2025-01-01`,
      `${fakeIdNumber('33032719480506878')},林二,330327999000,低保,2025-01-01`,
    ].join('\n');
    await page.getByLabel('选择名单文件').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('heading', { name: '预览（还没有导入）' }).waitFor();
    expect(await page.locator('table').last().textContent()).toContain('本县没有乡镇代码 330327999000');
    expect(await queryValue(server, sql`SELECT count(*) AS n FROM households`)).toBe(1);
    await page.getByRole('button', { name: '导入 1 户' }).click();
    await page.getByRole('heading', { name: '导入完成' }).waitFor();
    await page.getByRole('heading', { name: '在册 2 户' }).waitFor();
    expect(await queryValue(server, sql`SELECT count(*) AS n FROM households`)).toBe(2);
    await context.close();
  });
});
