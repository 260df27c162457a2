import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneContext, watchErrors } from './support/browser';
import { HARDSHIP_ANSWERS, expectNoAxeViolations } from './support/resident';
import { useRealStack } from './support/real-stack';
import { cachedPaths, waitForOfflineCopy } from './support/service-worker';
import type { RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let entryCode: string;
useRealStack((stack) => ({ server, browser, entryCode } = stack));

const assetPath = (url: string) => new URL(url).pathname;

describe('the resident pages keep an offline copy, and nothing personal', () => {
  it('after one visit, a deep link to a question and a reload open with no network', async () => {
    const context = await phoneContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/q/${entryCode}`);
    await waitForOfflineCopy(page, entryCode);

    await context.setOffline(true);
    const deepLink = await page.goto(`${server.url}/q/${entryCode}/check/1`);
    expect(deepLink?.fromServiceWorker()).toBe(true);
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('第 1 题，共 12 题');
    await page.reload();
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('第 1 题，共 12 题');
    await expectNoAxeViolations(page);

    // The landing too, in a new tab, still offline.
    const again = await context.newPage();
    const errors = watchErrors(again);
    await again.goto(`${server.url}/q/${entryCode}`);
    await expect.poll(() => again.getByRole('link', { name: '自助测一测' }).isVisible()).toBe(true);
    expect(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await context.close();
  });

  it('never keeps an API answer, a staff or admin page, or their code', async () => {
    const created = await fetch(`${server.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requestId: randomUUID(), entryCode, answers: HARDSHIP_ANSWERS, person: { name: '李桂兰', phone: '13900139000' }, consent: true }),
    });
    const { trackingCode } = (await created.json()) as { trackingCode: string };

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const residentAssets = new Set<string>();
    page.on('request', (r) => void (r.url().includes('/assets/') && residentAssets.add(assetPath(r.url()))));
    await page.goto(`${server.url}/q/${entryCode}`);
    await waitForOfflineCopy(page, entryCode);
    // Now the page is under the worker: everything it asks for goes through it.
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const answers = await page.evaluate(async (code) => {
      const statuses = [];
      for (const url of [`/api/track/${code}`, '/api/staff/me', '/api/admin/users', '/api/policies', '/api/questionnaire']) statuses.push((await fetch(url)).status);
      return statuses;
    }, trackingCode);
    expect(answers[0]).toBe(200);

    // Staff and admin pages in the same browser are not under the worker at all.
    const staffPage = await context.newPage();
    const staffAssets = new Set<string>();
    staffPage.on('request', (r) => void (r.url().includes('/assets/') && staffAssets.add(assetPath(r.url()))));
    for (const url of ['/staff', '/admin']) {
      await staffPage.goto(`${server.url}${url}`);
      await expect.poll(() => staffPage.getByRole('button', { name: /登录/ }).isVisible()).toBe(true);
      expect(await staffPage.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    }
    const staffOnly = [...staffAssets].filter((a) => !residentAssets.has(a));
    expect(staffOnly.length).toBeGreaterThan(0);

    const cached = await cachedPaths(page);
    expect(cached).toContain(`/q/${entryCode}/check`);
    expect(cached.filter((p) => p.startsWith('/api/'))).toEqual([]);
    expect(cached.filter((p) => /^\/(?:staff|admin|track)\b/.test(p))).toEqual([]);
    expect(cached.filter((p) => staffOnly.includes(p))).toEqual([]);
    await context.close();
  });

  it('where a WebView has no service worker, the landing, a tap and a deep link work as before', async () => {
    const context = await phoneContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/q/${entryCode}`);
    await page.getByRole('link', { name: '自助测一测' }).click();
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('第 1 题，共 12 题');
    await page.goto(`${server.url}/q/${entryCode}/check/1`);
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('第 1 题，共 12 题');
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves the worker script for revalidation on every visit, allowed by the page policy', async () => {
    const response = await fetch(`${server.url}/sw.js`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const body = await response.text();
    expect(body).toMatch(/const PRECACHE = \[/);
    expect(body).not.toMatch(/skipWaiting\(/);
    const page = await fetch(`${server.url}/q/${entryCode}`);
    expect(page.headers.get('content-security-policy')).toMatch(/worker-src 'self'/);
  });
});
