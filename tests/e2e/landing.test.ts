import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneContext, screenshot, watchErrors } from './support/browser';
import { useRealStack } from './support/real-stack';
import { activeEntryCodes, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
useRealStack((stack) => ({ server, browser } = stack));

describe('scanning a 幸福码 on a phone', () => {
  it('opens the landing page with the township name and the three doors', async () => {
    const [entry] = await activeEntryCodes(server);
    const regions = JSON.parse(await server.admin(['regions', '--json'])) as Array<{ code: string; name: string }>;
    const township = regions.find((r) => r.code === entry!.township)!.name;

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const response = await page.goto(`${server.url}/q/${entry!.code}`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.locator('.landing__place').textContent()).toContain(township);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('幸福码');
    expect(await page.getByRole('link', { name: '自助测一测' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '帮别人反映困难' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '查询进度' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.landing__intro')!).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    await screenshot(page, 'landing');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the township name before JavaScript runs (server-rendered shell)', async () => {
    const [entry] = await activeEntryCodes(server);
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 667 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/q/${entry!.code}`);
    expect(await page.locator('.landing__place').textContent()).toMatch(/镇/);
    await context.close();
  });

  it("serves Vue's production build, even when the tests built it", async () => {
    // Vitest runs with NODE_ENV=test; a development build of Vue is much heavier for a slow phone.
    const [entry] = await activeEntryCodes(server);
    const html = await (await fetch(`${server.url}/q/${entry!.code}`)).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(1);
    for (const script of scripts) expect(await (await fetch(`${server.url}${script}`)).text()).not.toContain('[Vue warn]');
  });

  it('an unknown code shows a friendly page, never a blank screen', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/q/NOSUCHCODE`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('没有找到这个幸福码');
    await screenshot(page, 'landing-unknown');
    await context.close();
  });
});
