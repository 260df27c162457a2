import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from '../../tests/e2e/support/browser';
import { HARDSHIP_STEPS, answer } from '../../tests/e2e/support/resident';

/** Chrome DevTools' "Slow 3G" preset: 2,000 ms round trip, 50 kB/s each way. */
export const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 };

/** What a phone received, by Chromium's own count (Network.loadingFinished encodedDataLength). */
export interface Traffic {
  bytes: number;
  requests: number;
  /** Bytes the resident service worker fetched for itself (install, refreshing a kept page). */
  workerBytes: number;
}

export interface PhoneFigures {
  landingFcp: number[];
  landingBytes: number[];
  landingRequests: number[];
  deepLink: number[];
  deepLinkRequests: number[];
  tapToQuestion: number[];
  /** Until the tapped screen changed at all: the pending notice or the question itself. */
  tapFeedback: number[];
  repeatFcp: number[];
  pathBytes: number;
  pathWorkerBytes: number;
}

// Marks, on the page's own clock (performance.now(), the clock paint timings use), when each screen first
// showed and when the resident tapped.
const MARKS = `(() => {
  const seen = (window.__xfmSeen = {});
  const screens = { question: '.progress-text', pending: '.nav-pending' };
  // Only what shows after a tap counts: the pending notice can flash while the app starts.
  const look = () => {
    if (!('tap' in seen)) return;
    for (const [name, selector] of Object.entries(screens)) if (!(name in seen) && document.querySelector(selector)) seen[name] = performance.now();
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
  addEventListener('pointerdown', () => { if (!('tap' in seen)) seen.tap = performance.now(); }, true);
  // A deep link has no tap: its question counts from the start of the page.
  if (location.pathname.includes('/check/')) seen.tap = 0;
})();`;

async function newPhone(browser: Browser, options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BrowserContext> {
  const context = await phoneContext(browser, { serviceWorkers: options.serviceWorkers ?? 'allow' });
  await context.addInitScript(MARKS);
  return context;
}

/** A tab on the Slow-3G link, counting what it receives. */
async function slowTab(context: BrowserContext, throttle = true): Promise<{ page: Page; traffic: Traffic }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const traffic: Traffic = { bytes: 0, requests: 0, workerBytes: 0 };
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!event.request.url.startsWith('data:')) traffic.requests++;
  });
  cdp.on('Network.loadingFinished', (event) => void (traffic.bytes += event.encodedDataLength));
  // The service worker is its own target: its requests are counted from the context's events.
  context.on('requestfinished', (request) => {
    if (!request.serviceWorker()) return;
    void request.sizes().then((sizes) => (traffic.workerBytes += sizes.responseBodySize + sizes.responseHeadersSize));
  });
  await cdp.send('Network.enable');
  if (throttle) await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  return { page, traffic };
}

const firstContentfulPaint = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const found = performance.getEntriesByName('first-contentful-paint')[0];
        if (found) return resolve(found.startTime);
        new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true });
      }),
  );

const seen = (page: Page) => page.evaluate(() => (window as unknown as { __xfmSeen: Record<string, number> }).__xfmSeen);

/** Waits until the resident service worker has kept the code's page shell, as a returning phone would have it. */
async function offlineCopyReady(page: Page, entryCode: string): Promise<void> {
  await page.evaluate(async (code) => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 300; i++) {
      for (const name of await caches.keys()) if (await (await caches.open(name)).match(`/q/${code}/check`)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the service worker kept no page shell');
  }, entryCode);
}

/**
 * The resident's phone in Debian's Chromium at 375×667 on DevTools' Slow 3G: first visit to the
 * landing, a tap on 自助测一测, a repeat visit, a deep link to a question, and the bytes of the whole
 * scan → result → contact path. Each timed figure is measured `runs` times in fresh browser profiles.
 */
export async function measurePhone(baseUrl: string, entryCode: string, runs = 3): Promise<PhoneFigures> {
  const landing = `${baseUrl}/q/${entryCode}`;
  const figures: PhoneFigures = {
    landingFcp: [],
    landingBytes: [],
    landingRequests: [],
    deepLink: [],
    deepLinkRequests: [],
    tapToQuestion: [],
    tapFeedback: [],
    repeatFcp: [],
    pathBytes: 0,
    pathWorkerBytes: 0,
  };
  const browser = await launchBrowser();
  try {
    for (let run = 0; run < runs; run++) {
      // First visit: paint, bytes until the page has loaded, then a tap once the phone has gone quiet.
      const context = await newPhone(browser);
      const first = await slowTab(context);
      await first.page.goto(landing, { waitUntil: 'load', timeout: 120_000 });
      figures.landingBytes.push(first.traffic.bytes);
      figures.landingRequests.push(first.traffic.requests);
      figures.landingFcp.push(await firstContentfulPaint(first.page));
      await first.page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
      await first.page.getByRole('link', { name: '自助测一测' }).click();
      await first.page.locator('.progress-text').waitFor({ timeout: 60_000 });
      const marks = await seen(first.page);
      figures.tapToQuestion.push(marks.question! - marks.tap!);
      figures.tapFeedback.push(Math.min(marks.question!, (marks.pending ?? Infinity) + 80) - marks.tap!);

      // Repeat visit: the same phone comes back later; the service worker has the page.
      await offlineCopyReady(first.page, entryCode);
      await first.page.close();
      const repeat = await slowTab(context);
      await repeat.page.goto(landing, { waitUntil: 'load', timeout: 120_000 });
      figures.repeatFcp.push(await firstContentfulPaint(repeat.page));
      await context.close();

      // A deep link (a reload half-way, or a link someone shared) on a phone that has never been here.
      const deepContext = await newPhone(browser);
      const deep = await slowTab(deepContext);
      await deep.page.goto(`${landing}/check/1`, { timeout: 120_000 });
      await deep.page.locator('.progress-text').waitFor({ timeout: 120_000 });
      figures.deepLink.push((await seen(deep.page)).question!);
      figures.deepLinkRequests.push(deep.traffic.requests);
      await deepContext.close();
    }

    // Bytes do not depend on the link's speed: the whole path runs unthrottled, counted the same way.
    const context = await newPhone(browser);
    const tab = await slowTab(context, false);
    await tab.page.goto(landing, { waitUntil: 'load' });
    await tab.page.waitForLoadState('networkidle');
    await tab.page.getByRole('link', { name: '自助测一测' }).click();
    for (const [index, step] of HARDSHIP_STEPS.entries()) {
      await tab.page.locator('.progress-text', { hasText: `第 ${index + 1} 题` }).waitFor();
      await answer(tab.page, step);
      await tab.page.getByRole('button', { name: index === HARDSHIP_STEPS.length - 1 ? '填好了，检查一遍' : '下一题' }).click();
    }
    await tab.page.getByRole('button', { name: '没问题，看结果' }).click();
    await tab.page.waitForURL(/\/result$/);
    await tab.page.getByText('请工作人员联系我', { exact: true }).first().click();
    await tab.page.waitForURL(/\/contact$/);
    await tab.page.getByLabel('联系电话').waitFor();
    await tab.page.waitForLoadState('networkidle');
    figures.pathBytes = tab.traffic.bytes;
    figures.pathWorkerBytes = tab.traffic.workerBytes;
    await context.close();
  } finally {
    await browser.close();
  }
  return figures;
}
