import { launchBrowser, WECHAT_UA } from '../../tests/e2e/support/browser';

/** First contentful paint of a page in Debian's Chromium on a slow-3G profile (400 kbps, 400 ms RTT). */
export async function firstContentfulPaint(url: string, runs = 3): Promise<number[]> {
  const browser = await launchBrowser();
  const results: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, userAgent: WECHAT_UA });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: (400 * 1000) / 8,
        uploadThroughput: (400 * 1000) / 8,
      });
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      const fcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const found = performance.getEntriesByName('first-contentful-paint')[0];
            if (found) return resolve(found.startTime);
            new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true });
          }),
      );
      results.push(Math.round(fcp));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}
