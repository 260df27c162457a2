import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../shared/register/cadence';
import { fakeIdNumber } from '../helpers/people';
import { launchBrowser, phoneContext, screenshot, watchErrors } from './support/browser';
import { choosePassword, startRealServer, type RunningServer } from './support/server';

const TEMPORARY = 'lantern-teapot-river-42';
const STAFF_PASSWORD = 'plan-round-password-9';
const TOWNSHIP = '330327100000';

let server: RunningServer;
let browser: Browser;

function sql<T>(run: (db: Database.Database) => T): T {
  const db = new Database(path.join(server.dataDir, 'xingfuma.sqlite'), { fileMustExist: true });
  try {
    return run(db);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startRealServer({ ADMIN_PASSWORD: 'county-admin-password-3' });
  const roster = path.join(server.dataDir, '在册名单.csv');
  fs.writeFileSync(roster, `身份证号,姓名,乡镇代码,类别,纳入日期,风险等级\n${fakeIdNumber('33032719480506871')},陈阿明,${TOWNSHIP},特困,2024-05-01,红\n`);
  const [launched] = await Promise.all([
    launchBrowser(),
    server.admin(['create-user', '--username', 'lx03', '--role', 'township_staff', '--township', TOWNSHIP, '--password-stdin'], `${TEMPORARY}\n`),
    server.admin(['import-register', '--file', roster, '--json']),
  ]);
  browser = launched;
  await choosePassword(server, 'lx03', TEMPORARY, STAFF_PASSWORD);
  // A visit left a health risk open, and the township has a station offering 医疗陪护.
  const now = new Date().toISOString();
  sql((db) => {
    db.prepare(`UPDATE households SET open_risks_json = ?`).run(JSON.stringify({ health: chinaDate(now) }));
    db.prepare(`INSERT INTO resources (kind, name, township, service_types_json) VALUES ('station', '灵溪镇社工站', ?, '["医疗陪护"]')`).run(TOWNSHIP);
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('the household plan on a 375 px phone', () => {
  it('accepts a suggestion, moves it along from the bottom sheet, and adds a wish by hand', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('用户名').fill('lx03');
    await page.getByLabel('密码', { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/staff\/cases$/);
    errors.length = 0; // the sign-in page's session probe answers 401 before login, by design
    const id = sql((db) => db.prepare('SELECT id FROM households').pluck().get()) as number;
    await page.goto(`${server.url}/staff/households/${id}`);
    const plan = page.locator('section', { has: page.getByRole('heading', { name: '帮扶计划（一户一策）' }) });
    await plan.getByText('探访发现健康方面有困难').waitFor();

    await plan.getByRole('button', { name: '采纳', exact: true }).click();
    await plan.getByRole('button', { name: '加入计划' }).click();
    await plan.getByText('计划中').waitFor();
    expect(await plan.getByText('探访发现健康方面有困难').count()).toBe(0);

    await plan.getByRole('button', { name: '改状态' }).click();
    await page.getByRole('button', { name: '开始办' }).click();
    await plan.getByText('正在办').waitFor();

    await plan.getByRole('button', { name: '新增措施' }).click();
    await plan.getByLabel('做什么').selectOption('wish');
    await plan.getByLabel('心愿是什么').fill('想要一台收音机');
    await plan.getByRole('button', { name: '加入计划' }).click();
    await plan.getByText('想要一台收音机').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'household-plan-phone');
    expect(sql((db) => db.prepare('SELECT kind, status FROM plan_measures ORDER BY id').all())).toEqual([
      { kind: 'referral', status: 'under_way' },
      { kind: 'wish', status: 'planned' },
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
