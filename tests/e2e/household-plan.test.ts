import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../shared/register/cadence';
import { fakeIdNumber } from '../helpers/people';
import { phoneContext, screenshot, watchErrors } from './support/browser';
import { arrange, queryRows, queryValue } from './support/database';
import { importRoster, signIn, STACK_PASSWORDS, useStackWithStaff } from './support/real-stack';
import type { RunningServer } from './support/server';

const TOWNSHIP = '330327100000';

let server: RunningServer;
let browser: Browser;

useStackWithStaff(
  (stack) => ({ server, browser } = stack),
  {
    staff: ['lx03'],
    township: TOWNSHIP,
    alongside: async (started) => {
      await importRoster(started, [
        ['身份证号', '姓名', '乡镇代码', '类别', '纳入日期', '风险等级'],
        [fakeIdNumber('33032719480506871'), '陈阿明', TOWNSHIP, '特困', '2024-05-01', '红'],
      ]);
      // A visit left a health risk open, and the township has a station offering 医疗陪护.
      await arrange(
        started,
        sql`UPDATE households SET open_risks_json = ${JSON.stringify({ health: chinaDate(new Date().toISOString()) })}`,
        sql`INSERT INTO resources (kind, name, township, service_types_json) VALUES ('station', '灵溪镇社工站', ${TOWNSHIP}, '["医疗陪护"]')`,
      );
    },
  },
);

describe('the household plan on a 375 px phone', () => {
  it('accepts a suggestion, moves it along from the bottom sheet, and adds a wish by hand', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, server, 'lx03', STACK_PASSWORDS.staff);
    errors.length = 0; // the sign-in page's session probe answers 401 before login, by design
    const id = await queryValue(server, sql<{ id: number }>`SELECT id FROM households`);
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
    expect(await queryRows(server, sql`SELECT kind, status FROM plan_measures ORDER BY id`)).toEqual([
      { kind: 'referral', status: 'under_way' },
      { kind: 'wish', status: 'planned' },
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
