import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneContext, screenshot, watchErrors } from './support/browser';
import { HARDSHIP_STEPS, answer, firstScreenBottoms, questionTitle } from './support/resident';
import { useRealStack } from './support/real-stack';
import type { RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let entryCode: string;
useRealStack((stack) => ({ server, browser, entryCode } = stack));

describe('a resident checks their household by taps and asks for contact', () => {
  it('goes from the landing page through 12 questions, the review and the result to a tracking code', async () => {
    const context = await phoneContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/q/${entryCode}`);
    await page.getByRole('link', { name: '自助测一测' }).click();

    for (const [index, step] of HARDSHIP_STEPS.entries()) {
      const n = index + 1;
      await expect.poll(() => page.locator('.progress-text').textContent()).toMatch(new RegExp(`^\\s*第 ${n} 题，共 12 题`));
      expect(page.url()).toBe(`${server.url}/q/${entryCode}/check/${n}`);
      // The question is the page heading and gets focus on arrival.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      if (n === 1) {
        // 「读给我听」 is offered exactly where the phone can speak.
        const canSpeak = await page.evaluate(() => 'speechSynthesis' in window);
        expect(await page.getByRole('button', { name: '读给我听' }).count()).toBe(canSpeak ? 1 : 0);
        await screenshot(page, 'resident-question-1');
        // Nothing chosen: 「请选一项」, not 「这个选项不对」.
        await page.getByRole('button', { name: '下一题' }).click();
        await expect.poll(() => page.locator('.error-summary').textContent()).toContain('请选一项');
      }
      if (n === 2) {
        // The household-size message gives an example.
        await page.getByRole('button', { name: '下一题' }).click();
        await expect.poll(() => page.locator('.error-summary').textContent()).toContain('例如您和老伴两个人一起过，就填 2');
      }
      if (n === 5) {
        // An amount far above any plausible monthly income is asked about, not refused.
        await page.locator('.number-answer__input').fill('80000');
        await page.getByRole('button', { name: '下一题' }).click();
        await expect.poll(() => page.locator('.van-dialog').textContent()).toContain('您填的是每月 80,000 元，对吗？');
        await screenshot(page, 'resident-question-amount-confirm');
        await page.getByRole('button', { name: '我改一下' }).click();
        await expect.poll(() => page.locator('.van-dialog:visible').count()).toBe(0);
        expect(page.url()).toBe(`${server.url}/q/${entryCode}/check/5`);
      }

      if (n === 3) {
        // 「下一题」 without an answer: an error summary at the top and the message by the field.
        await page.getByRole('button', { name: '下一题' }).click();
        await expect.poll(() => page.locator('.error-summary').textContent()).toContain('请选择家里需要照顾的人');
        expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
        await screenshot(page, 'resident-question-error');
      }
      await answer(page, step);

      if (n === 5) {
        // A reload keeps what was already answered, including this number.
        await page.reload();
        await expect.poll(() => page.locator('.number-answer__input').inputValue()).toBe('800');
        await screenshot(page, 'resident-question-money');
      }
      if (n === 6) {
        // The phone's Back button goes to the previous question, still answered; forward again.
        await page.goBack();
        await expect.poll(() => page.locator('.progress-text').textContent()).toBe('第 5 题，共 12 题');
        expect(await page.locator('.number-answer__input').inputValue()).toBe('800');
        await page.goForward();
        await expect.poll(() => page.locator('.progress-text').textContent()).toBe('第 6 题，共 12 题');
        expect(await page.getByRole('checkbox', { name: '有人得了重病或受了重伤' }).isChecked()).toBe(true);
      }
      await page.getByRole('button', { name: n === 12 ? '填好了，检查一遍' : '下一题' }).click();
    }

    // Review: every answer listed; 「修改」 goes to the question and comes back here.
    await expect.poll(() => questionTitle(page)).toBe('检查一下您的回答');
    expect(await page.locator('.answers-list__row').count()).toBe(12);
    expect(await page.locator('.answers-list').textContent()).toContain('每月 800 元');
    await screenshot(page, 'resident-review');
    await page.getByRole('link', { name: /修改.*共同生活的人数/ }).click();
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('第 2 题，共 12 题');
    await page.getByRole('button', { name: '增加一' }).click();
    await page.getByRole('button', { name: '保存，回到检查页' }).click();
    await expect.poll(() => questionTitle(page)).toBe('检查一下您的回答');
    expect(await page.locator('#row-household_size').textContent()).toContain('3 人');

    // Result: the verdict, its main reason and the contact button on the first screen; details folded below.
    await page.getByRole('button', { name: '没问题，看结果' }).click();
    await expect.poll(() => questionTitle(page)).toBe('您可能符合');
    for (const bottom of await firstScreenBottoms(page)) expect(bottom).toBeLessThanOrEqual(667);
    const summary = (await page.locator('#result-summary').textContent()) ?? '';
    expect(summary).toContain('按本县现行标准计算');
    expect(summary).toContain('每人每月收入约');
    expect(summary).toContain('估算');
    expect(summary).toContain('最终以民政部门核查为准');
    expect(await page.locator('main').textContent()).not.toContain('核对过');
    await page.getByRole('button', { name: /可能用得上的帮助/ }).click();
    await expect.poll(() => page.locator('.outcome').first().isVisible()).toBe(true);
    expect(await page.locator('.result-details').textContent()).toContain('最低生活保障');
    expect(await page.locator('.criteria__item').count()).toBeGreaterThan(0);
    await page.locator('.criteria-box > summary').first().click();
    expect(await page.locator('.criteria-box[open] .criteria__item').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: /相关政策/ }).click();
    await page.locator('.policy__summary').first().click();
    await expect.poll(() => page.locator('.policy[open]').textContent()).toContain('要准备的材料');
    await screenshot(page, 'resident-result');

    // Contact: field errors first, then a tracking code.
    await page.getByRole('button', { name: '请工作人员联系我' }).click();
    await expect.poll(() => questionTitle(page)).toBe('请工作人员联系我');
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('请填写电话号码');
    expect(await page.locator('.error-summary').textContent()).toContain('请勾选同意');
    await page.getByRole('link', { name: '请填写电话号码' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact-phone');
    await page.getByLabel('您的姓名').fill('王秀英');
    await page.getByLabel('联系电话').fill('1380013800');
    await page.locator('label.choice', { hasText: '上午' }).click();
    await page.getByRole('checkbox', { name: /我同意/ }).check();
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.locator('#contact-phone-error').textContent()).toContain('请输入 11 位手机号码');
    await screenshot(page, 'resident-contact-error');
    await page.getByLabel('联系电话').fill('13800138000');
    await page.getByRole('button', { name: '提交' }).click();

    await expect.poll(() => questionTitle(page)).toBe('已经提交了');
    const shown = (await page.locator('.code-card__code').textContent()) ?? '';
    expect(shown).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await page.getByRole('button', { name: '复制查询码' }).click();
    await expect.poll(() => page.locator('.code-card__status').textContent()).toContain('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    await screenshot(page, 'resident-sent');
    // The requestId stays out of the URL (history, referrers, logs); a reload still shows the code.
    expect(new URL(page.url()).pathname).toMatch(/^\/q\/[^/]+\/sent$/);
    await page.reload();
    await expect.poll(() => page.locator('.code-card__code').textContent()).toBe(shown);

    // Tracking: the stages and timeline, and the code is remembered on this phone.
    await page.getByRole('button', { name: '查看办理进度' }).click();
    await expect.poll(() => questionTitle(page)).toContain('已受理');
    expect(await page.locator('.stages__item--current').textContent()).toContain('已受理');
    expect(await page.locator('.timeline__item').count()).toBeGreaterThan(0);
    const trackText = (await page.locator('main').textContent()) ?? '';
    expect(trackText).not.toContain('王秀英');
    expect(trackText).not.toContain('13800138000');
    await screenshot(page, 'resident-track');
    await page.getByRole('link', { name: '查看其他查询码' }).click();
    await expect.poll(() => page.locator('.saved-codes__code').first().textContent()).toBe(shown);
    await screenshot(page, 'resident-track-list');

    expect(errors).toEqual([]);
    await context.close();
  });
});
