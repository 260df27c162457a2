import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Every URL path held in the origin's Cache Storage (what a service worker has kept on the phone). */
export function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths.sort();
  });
}

/** Waits until the resident service worker is active and has kept the code's page shell and the resident code. */
export async function waitForOfflineCopy(page: Page, entryCode: string): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(async () => {
      const paths = await cachedPaths(page);
      return paths.includes(`/q/${entryCode}/check`) && paths.some((p) => /^\/assets\/resident-[^/]+\.js$/.test(p));
    }, { timeout: 20_000 })
    .toBe(true);
}
