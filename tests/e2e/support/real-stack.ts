import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { writeCsv } from '../../helpers/csv-fixtures';
import { launchBrowser } from './browser';
import { activeEntryCodes, choosePassword, startRealServer, type RunningServer } from './server';

export interface RealStack {
  server: RunningServer;
  browser: Browser;
  /** The first active 幸福码 of the demo county. */
  entryCode: string;
  /** Its township (灵溪镇 in the demo county), or the one the staff stack was asked for. */
  township: string;
}

/**
 * One real server on a fresh DATA_DIR and one Debian Chromium for the whole test file, torn down
 * (data folder included) afterwards. `ready` hands them to the file's own variables.
 */
export function useRealStack(ready: (stack: RealStack) => void, env: Record<string, string> = {}): void {
  useStack(env, async (_server, township) => township, ready);
}

/** Passwords set by the CLI or ADMIN_PASSWORD are temporary; the stack's accounts have each chosen their own. */
export const STACK_PASSWORDS = {
  /** What `ADMIN_PASSWORD` and `create-user --password-stdin` set: for more accounts a test creates itself. */
  temporary: 'county-admin-password-1',
  /** The county admin `admin`'s own. */
  admin: 'county-admin-chosen-1',
  /** Every township staff account's own. */
  staff: 'township-staff-chosen-1',
} as const;

export interface StaffStackOptions {
  /** Usernames of township staff accounts created in the stack's township. */
  staff: readonly string[];
  /** The staff's township, for tests whose data names one; by default the first 幸福码's. */
  township?: string;
  /**
   * More set-up on the fresh server (an import, another account). Each admin command is its own slow process,
   * so this runs alongside the accounts and the browser launch.
   */
  alongside?: (server: RunningServer, township: string) => Promise<void>;
}

/**
 * The real stack with the county admin `admin` and township staff accounts, all past their first-login password
 * change (passwords in STACK_PASSWORDS). `stack.township` is the staff's township.
 */
export function useStackWithStaff(ready: (stack: RealStack) => void, options: StaffStackOptions): void {
  useStack({ ADMIN_PASSWORD: STACK_PASSWORDS.temporary }, async (server, entryTownship) => {
    const township = options.township ?? entryTownship;
    await Promise.all([
      choosePassword(server, 'admin', STACK_PASSWORDS.temporary, STACK_PASSWORDS.admin),
      ...options.staff.map(async (username) => {
        await server.admin(['create-user', '--username', username, '--role', 'township_staff', '--township', township, '--password-stdin'], `${STACK_PASSWORDS.temporary}\n`);
        await choosePassword(server, username, STACK_PASSWORDS.temporary, STACK_PASSWORDS.staff);
      }),
      options.alongside?.(server, township),
    ]);
    return township;
  }, ready);
}

/** Fills in and sends the staff sign-in form, for tests about what happens next (a wrong password, a first login). */
export async function submitSignIn(page: Page, server: RunningServer, username: string, password: string): Promise<void> {
  await page.goto(`${server.url}/staff`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Signs in on the staff page and waits for the queue, where every staff and admin account lands. */
export async function signIn(page: Page, server: RunningServer, username: string, password: string): Promise<void> {
  await submitSignIn(page, server, username, password);
  await page.waitForURL(/\/staff\/cases$/);
}

/** `setUp` runs on the fresh server, given the first 幸福码's township, and answers the stack's township. */
function useStack(env: Record<string, string>, setUp: (server: RunningServer, township: string) => Promise<string>, ready: (stack: RealStack) => void): void {
  // Filled step by step, so a failed browser launch or set-up still stops what already started.
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const started = (server = await startRealServer(env));
    const [launched, { entryCode, township }] = await Promise.all([
      launchBrowser().then((b) => (browser = b)),
      activeEntryCodes(started).then(async ([first]) => ({ entryCode: first!.code, township: await setUp(started, first!.township) })),
    ]);
    ready({ server: started, browser: launched, entryCode, township });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });
}

/** Loads register households (a header row, then one row each) with `import-register`, as the county would. */
export async function importRoster(server: RunningServer, rows: ReadonlyArray<ReadonlyArray<string>>): Promise<void> {
  await server.admin(['import-register', '--file', writeCsv(server.dataDir, '在册名单.csv', rows), '--json']);
}
