import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneContext, screenshot, watchErrors } from './support/browser';
import { HARDSHIP_STEPS, answer, expectNoAxeViolations, questionTitle } from './support/resident';
import { useRealStack } from './support/real-stack';
import type { RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let entryCode: string;
useRealStack((stack) => ({ server, browser, entryCode } = stack));

const STEP_TITLES = ['对方是谁，住在哪里', '对方遇到了什么困难', '您是谁，对方是否同意'];

async function atStep(page: Page, n: number): Promise<void> {
  await expect.poll(() => page.locator('.progress-text').textContent()).toBe(`第 ${n} 步，共 3 步`);
  await expect.poll(() => questionTitle(page)).toBe(STEP_TITLES[n - 1]);
}

async function fillPerson(page: Page): Promise<void> {
  await page.getByLabel('对方的姓名').fill('赵奶奶');
  await page.getByLabel('对方的住址').fill('灵溪镇新城村 3 组 12 号');
}

async function fillSituation(page: Page): Promise<void> {
  await page.locator('label.choice', { hasText: '独居老人' }).click();
  await page.locator('label.choice', { hasText: '重病 / 大额医疗费' }).click();
  await page.getByLabel('具体情况（选填）').fill('一个人住，腿脚不便，上个月住院花了不少钱。');
}

async function fillReporter(page: Page): Promise<void> {
  await page.locator('label.choice', { hasText: '邻居' }).click();
  await page.getByLabel('您的电话（选填）').fill('13600136000');
}

describe('帮别人反映困难', () => {
  it('goes in three short steps, asks for the person’s consent, then gives the reporter a tracking code', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/q/${entryCode}`);
    await page.getByRole('link', { name: '帮别人反映困难' }).click();
    await atStep(page, 1);

    // Each step checks only its own fields, named in the summary, each a link to its field.
    await page.getByRole('button', { name: '下一步' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('请填写对方的姓名');
    expect(await summary.textContent()).toContain('请填写对方的住址');
    expect(await page.locator('.error-summary li').count()).toBe(2);
    // The summary takes focus, so a screen reader reads what to fix first.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await fillPerson(page);
    await page.getByRole('button', { name: '下一步' }).click();
    await atStep(page, 2);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await page.getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => summary.textContent()).toContain('请至少选一种困难情况');
    await page.getByRole('link', { name: '请至少选一种困难情况' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('value'))).toBe('living_alone_elderly');
    await fillSituation(page);

    // What was typed survives a reload, on the step the reporter was on.
    await page.reload();
    await atStep(page, 2);
    expect(await page.getByRole('checkbox', { name: '独居老人' }).isChecked()).toBe(true);
    // Back to step 1 and forward again keeps everything.
    await page.getByRole('button', { name: '上一步' }).click();
    await atStep(page, 1);
    expect(await page.getByLabel('对方的姓名').inputValue()).toBe('赵奶奶');
    await page.getByRole('button', { name: '下一步' }).click();
    await atStep(page, 2);
    await page.getByRole('button', { name: '下一步' }).click();
    await atStep(page, 3);
    await fillReporter(page);

    // Without the consent box nothing is sent.
    let posts = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/reports')) posts += 1;
    });
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => summary.textContent()).toContain('请先征得本人同意');
    expect(await page.locator('.error-summary li').count()).toBe(1);
    expect(posts).toBe(0);
    await screenshot(page, 'report-consent-required');

    await page.getByRole('checkbox', { name: '已征得本人同意' }).check();
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => questionTitle(page)).toBe('已经提交了');
    const sentText = (await page.locator('main').textContent()) ?? '';
    expect(sentText).toContain('谢谢您的热心');
    expect(sentText).toContain('联系被反映的人');
    const shown = (await page.locator('.code-card__code').textContent()) ?? '';
    expect(shown).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(posts).toBe(1);
    await screenshot(page, 'report-sent');

    await page.getByRole('button', { name: '查看办理进度' }).click();
    await expect.poll(() => page.locator('.stages__item--current').textContent()).toContain('已受理');
    const trackText = (await page.locator('main').textContent()) ?? '';
    expect(trackText).not.toContain('赵奶奶');
    // A reporter is told staff contact the person reported, in the same words as everywhere else.
    expect(trackText).toContain('工作人员会在 5 个工作日内联系被反映的人');

    // The form is empty again for the next report.
    await page.goto(`${server.url}/q/${entryCode}/report`);
    await atStep(page, 1);
    expect(await page.getByLabel('对方的姓名').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the reporter answer the 12 questions on the person’s behalf (代填) and sends them along', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/q/${entryCode}/report`);
    await atStep(page, 1);
    await fillPerson(page);
    await page.getByRole('button', { name: '下一步' }).click();
    await atStep(page, 2);
    await fillSituation(page);
    await page.getByRole('link', { name: '帮对方回答 12 个问题' }).click();

    for (const [index, step] of HARDSHIP_STEPS.entries()) {
      const n = index + 1;
      await expect.poll(() => page.locator('.progress-text').textContent()).toMatch(new RegExp(`^\\s*第 ${n} 题，共 12 题`));
      expect(page.url()).toBe(`${server.url}/q/${entryCode}/report/answers/${n}`);
      if (n === 1) {
        expect(await page.locator('.notice').textContent()).toContain('对方家里');
        await screenshot(page, 'report-behalf-question');
      }
      await answer(page, step);
      await page.getByRole('button', { name: n === 12 ? '填好了，检查一遍' : '下一题' }).click();
    }
    await expect.poll(() => questionTitle(page)).toBe('检查一下您的回答');
    await page.getByRole('button', { name: '用这些回答，回到反映表' }).click();
    await atStep(page, 2);
    await expect.poll(() => page.locator('#report-behalf').textContent()).toContain('已经替对方回答了全部 12 个问题');
    // The reporter's own self-check is untouched.
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('xfm.answers') ?? '{}') as { data: { self: object; behalf: object } });
    expect(saved.data.self).toEqual({});
    expect(Object.keys(saved.data.behalf)).toHaveLength(12);

    await page.getByRole('button', { name: '下一步' }).click();
    await atStep(page, 3);
    await fillReporter(page);
    await page.getByRole('checkbox', { name: '已征得本人同意' }).check();
    const request = page.waitForRequest((r) => r.url().endsWith('/api/reports'));
    await page.getByRole('button', { name: '提交' }).click();
    const body = (await request).postDataJSON() as { answers?: Record<string, unknown>; reporter: { relation: string }; person: { situation: string[] } };
    expect(body.answers?.income).toEqual({ amount: 800, period: 'month' });
    expect(body.person.situation).toEqual(['living_alone_elderly', 'serious_illness']);
    expect(body.reporter.relation).toBe('neighbour');
    await expect.poll(() => questionTitle(page)).toBe('已经提交了');
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('xfm.answers') ?? '{}') as { data: { behalf: object } });
    expect(after.data.behalf).toEqual({});
    await context.close();
  });

  it('has no accessibility violations on any step, with and without errors', async () => {
    const context = await phoneContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/q/${entryCode}/report`);
    await atStep(page, 1);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'report-errors');
    await fillPerson(page);
    await page.getByRole('button', { name: '下一步' }).click();
    await atStep(page, 2);
    await expectNoAxeViolations(page);
    await fillSituation(page);
    await page.getByRole('button', { name: '下一步' }).click();
    await atStep(page, 3);
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
