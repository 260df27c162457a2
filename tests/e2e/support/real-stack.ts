import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { activeEntryCodes, startRealServer, type RunningServer } from './server';

export interface RealStack {
  server: RunningServer;
  browser: Browser;
  /** The first active 幸福码 of the demo county. */
  entryCode: string;
}

/**
 * One real server on a fresh DATA_DIR and one Debian Chromium for the whole test file, torn down
 * (data folder included) afterwards. `ready` hands them to the file's own variables.
 */
export function useRealStack(ready: (stack: RealStack) => void, env: Record<string, string> = {}): void {
  // Filled step by step, so a failed browser launch still stops the server that already started.
  const stack: Partial<RealStack> = {};
  beforeAll(async () => {
    stack.server = await startRealServer(env);
    stack.browser = await launchBrowser();
    stack.entryCode = (await activeEntryCodes(stack.server))[0]!.code;
    ready(stack as RealStack);
  });
  afterAll(async () => {
    await stack.browser?.close();
    await stack.server?.stop();
    if (stack.server) fs.rmSync(stack.server.dataDir, { recursive: true, force: true });
  });
}
