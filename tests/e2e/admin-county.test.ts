import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneContext, screenshot, watchErrors } from './support/browser';
import { signIn, STACK_PASSWORDS, submitSignIn, useStackWithStaff } from './support/real-stack';
import { choosePassword, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;

useStackWithStaff((stack) => ({ server, browser } = stack), { staff: [] });

describe('county administration on a desktop PC', () => {
  it('batch-creates a village doorplate codes, prints their posters, and a printed code opens the landing page on a phone', async () => {
    const regions = JSON.parse(await server.admin(['regions', '--json'])) as Array<{ code: string; name: string; level: string; parent: string | null }>;
    const township = regions.find((r) => r.level === 'township')!;
    const village = regions.find((r) => r.level === 'village' && r.parent === township.code)!;

    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await desktop.newPage();
    await signIn(page, server, 'admin', STACK_PASSWORDS.admin);
    // Watched from here: the login page's own 「who am I?」 401 is expected.
    const errors = watchErrors(page);

    await page.goto(`${server.url}/admin/entries`);
    await page.getByRole('heading', { level: 1, name: '幸福码管理' }).waitFor();
    await page.locator('#batch-township').selectOption(township.code);
    await page.locator('#batch-village').selectOption(village.code);
    await page.getByLabel('门牌号（每行一个）').fill(`${village.name} 1 号\n${village.name} 2 号\n\n${village.name} 3 号`);
    await page.getByRole('button', { name: '生成 3 个' }).click();
    await page.getByText('已生成 3 个幸福码。').waitFor();
    await screenshot(page, 'admin-entries-desktop');

    await page.getByRole('button', { name: '打印所选海报（3）' }).click();
    await page.waitForURL(/\/admin\/entries\/print\?codes=/);
    await expect.poll(() => page.locator('.poster').count()).toBe(3);
    await expect.poll(() => page.locator('.poster__qr').evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).naturalWidth > 0)), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('.poster__township').first().textContent()).toBe(township.name);
    expect(await page.locator('.poster__place').first().textContent()).toContain(`${village.name} 1 号`);
    const code = (await page.locator('.poster__code').first().textContent())!.replace('幸福码', '').trim();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'admin-posters-print');
    await page.emulateMedia({ media: 'screen' });

    const png = await page.request.get(`${server.url}/api/admin/entries/${code}/qr.png`);
    expect(png.status()).toBe(200);
    const image = PNG.sync.read(await png.body());
    const url = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
    expect(url).toMatch(new RegExp(`/q/${code}$`));

    // Statistics: the funnel is drawn by ECharts over a table that keeps the numbers readable.
    await page.goto(`${server.url}/admin/stats`);
    await page.getByRole('heading', { level: 2, name: /从扫码到认定/ }).waitFor();
    await expect.poll(() => page.locator('.stats-chart canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('table').first().getByRole('rowheader').count()).toBeGreaterThan(2);
    // 政策找人's figures: every target class is listed, with 0 where none.
    await page.getByRole('heading', { level: 2, name: /政策找人/ }).waitFor();
    expect(await page.locator('table', { hasText: '新案件按对象类别' }).getByRole('rowheader').allTextContents()).toEqual(['救助缺失', '救助不充分', '救助预警', '未判断类别']);
    await screenshot(page, 'admin-stats-desktop');
    expect(errors).toEqual([]);
    await desktop.close();

    const phone = await phoneContext(browser);
    const resident = await phone.newPage();
    const response = await resident.goto(url!);
    expect(response?.status()).toBe(200);
    await expect.poll(() => resident.locator('.landing__place').textContent()).toContain(township.name);
    await phone.close();
  });

  it('a province admin lands on the statistics, and sees statistics and the masked ledgers only (#16)', async () => {
    await server.admin(['create-user', '--username', 'zj_sheng', '--role', 'province_admin', '--password-stdin'], `${STACK_PASSWORDS.temporary}\n`);
    await choosePassword(server, 'zj_sheng', STACK_PASSWORDS.temporary, STACK_PASSWORDS.staff);
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await desktop.newPage();
    await submitSignIn(page, server, 'zj_sheng', STACK_PASSWORDS.staff);
    await page.waitForURL(/\/admin\/stats$/);
    const errors = watchErrors(page);
    await page.getByRole('heading', { level: 2, name: /从扫码到认定/ }).waitFor();
    expect(await page.locator('.adm-nav a').allTextContents()).toEqual(['统计', '台账']);
    expect(await page.locator('.staff-bar').textContent()).toContain('全省');

    await page.goto(`${server.url}/admin/ledger`);
    await page.getByRole('link', { name: '下载在册名单台账（CSV）' }).waitFor();
    expect(await page.getByRole('heading', { name: '完整信息台账' }).count()).toBe(0);
    // The workbench and the county's other pages send it back to the statistics.
    for (const path of ['/staff/cases', '/admin/users']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForURL(/\/admin\/stats$/);
    }
    expect(errors).toEqual([]);
    await desktop.close();
  });
});
