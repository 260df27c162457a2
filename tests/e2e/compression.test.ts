import type { Browser, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneContext } from './support/browser';
import { useRealStack } from './support/real-stack';
import type { RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let entryCode: string;
useRealStack((stack) => ({ server, browser, entryCode } = stack));

const COMPRESSED = ['br', 'gzip'];

describe('what the phone receives is compressed', () => {
  it('the landing page, its scripts and styles, and the resident pages it warms arrive compressed', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on('response', (response) => void responses.push(response));
    await page.goto(`${server.url}/q/${entryCode}`, { waitUntil: 'load' });
    // The question pages are fetched when the phone is idle after the landing.
    await expect.poll(() => responses.some((r) => /\/assets\/resident-[^/]+\.js$/.test(r.url())), { timeout: 20_000 }).toBe(true);

    const html = responses.find((r) => r.url().endsWith(`/q/${entryCode}`))!;
    expect(COMPRESSED).toContain(await html.headerValue('content-encoding'));
    const assets = responses.filter((r) => /\/assets\/[^/]+\.(?:js|css)$/.test(r.url()));
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect.soft(COMPRESSED, asset.url()).toContain(await asset.headerValue('content-encoding'));
      expect.soft(await asset.headerValue('vary'), asset.url()).toMatch(/accept-encoding/i);
    }
    await context.close();
  });

  it('chooses brotli when the browser offers it, gzip when it offers only gzip, and plain otherwise', async () => {
    const html = await fetch(`${server.url}/q/${entryCode}`).then((r) => r.text());
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    for (const [offer, expected] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      for (const url of [script, `/q/${entryCode}`, '/api/policies', '/sw.js']) {
        const response = await fetch(server.url + url, { headers: { 'accept-encoding': offer } });
        expect.soft(response.headers.get('content-encoding'), `${url} offered ${offer}`).toBe(expected);
      }
    }
  });

  it('large JSON answers are compressed and small ones are sent as they are', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/q/${entryCode}`);
    const [policies] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/policies')), page.evaluate(() => fetch('/api/policies').then((r) => r.text()))]);
    expect(COMPRESSED).toContain(await policies.headerValue('content-encoding'));
    const [health] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/health')), page.evaluate(() => fetch('/api/health').then((r) => r.text()))]);
    expect(await health.headerValue('content-encoding')).toBeNull();
    await context.close();
  });
});
