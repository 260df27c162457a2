import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneContext, screenshot, watchErrors } from './support/browser';
import {
  HARDSHIP_ANSWERS,
  expectNoAxeViolations,
  firstScreenBottoms,
  lastRequestId,
  questionTitle,
  recordSpeech,
  seedAnswers,
  spokenText,
} from './support/resident';
import { QUESTIONNAIRE_VERSION } from '../../shared/questionnaire/questions';
import { useRealStack } from './support/real-stack';
import type { RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let entryCode: string;
useRealStack((stack) => ({ server, browser, entryCode } = stack));

async function postRequest(requestId: string): Promise<{ status: number; trackingCode: string }> {
  const response = await fetch(`${server.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requestId, entryCode, answers: HARDSHIP_ANSWERS, person: { name: '李桂兰', phone: '13900139000' }, consent: true }),
  });
  const body = (await response.json()) as { trackingCode: string };
  return { status: response.status, trackingCode: body.trackingCode };
}

describe('on a phone with a weak network', () => {
  it('keeps a request made offline on the phone and sends it exactly once when the network returns', async () => {
    const context = await phoneContext(browser);
    await seedAnswers(context, HARDSHIP_ANSWERS);
    const page = await context.newPage();
    const sent: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/requests') && response.request().method() === 'POST') sent.push(response.status());
    });
    await page.goto(`${server.url}/q/${entryCode}/contact`);
    await expect.poll(() => questionTitle(page)).toBe('请工作人员联系我');
    await page.getByLabel('您的姓名').fill('张阿婆');
    await page.getByLabel('联系电话').fill('0577-64761234');
    await page.getByRole('checkbox', { name: /我同意/ }).check();

    await context.setOffline(true);
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => questionTitle(page)).toBe('已保存在手机上，联网后自动提交');
    expect(await page.locator('main').textContent()).toContain('不会重复提交');
    await screenshot(page, 'resident-offline-queued');
    // Trying again while still offline changes nothing and loses nothing.
    await page.getByRole('button', { name: '现在再试一次' }).click();
    await expect.poll(() => questionTitle(page)).toBe('已保存在手机上，联网后自动提交');

    await context.setOffline(false);
    await expect.poll(() => questionTitle(page), { timeout: 30_000 }).toBe('已经提交了');
    const shown = (await page.locator('.code-card__code').textContent()) ?? '';
    expect(shown).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await page.locator('[role="status"]').first().textContent()).toContain('已经提交成功');
    await screenshot(page, 'resident-offline-sent');

    // The server created one record, although the phone sent it more than once.
    expect(sent.filter((status) => status === 201)).toHaveLength(1);
    const requestId = await lastRequestId(page);
    // The same requestId with someone else's body is refused, and never hands out this resident's code.
    const replay = await postRequest(requestId);
    expect(replay.status).toBe(409);
    expect(replay.trackingCode).toBeUndefined();
    // Nothing left waiting, and the personal data is no longer kept in the queue.
    const stored = await page.evaluate(() => localStorage.getItem('xfm.submissions') ?? '');
    expect(stored).not.toContain('0577-64761234');
    await context.close();
  });

  it('sends what was queued when the app is opened again later', async () => {
    const context = await phoneContext(browser);
    await seedAnswers(context, HARDSHIP_ANSWERS);
    const page = await context.newPage();
    await page.goto(`${server.url}/q/${entryCode}/contact`);
    await page.getByLabel('您的姓名').fill('陈大伯');
    await page.getByLabel('联系电话').fill('13700137000');
    await page.getByRole('checkbox', { name: /我同意/ }).check();
    await context.setOffline(true);
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => questionTitle(page)).toBe('已保存在手机上，联网后自动提交');
    await page.close();

    // Later, back online, the resident opens the 幸福码 again: the queue is sent on start.
    await context.setOffline(false);
    const later = await context.newPage();
    await later.goto(`${server.url}/track`);
    await expect.poll(() => later.locator('.saved-codes__code').count(), { timeout: 15_000 }).toBe(1);
    expect(await later.locator('#waiting-title').count()).toBe(0);
    await context.close();
  });
});

describe('the result', () => {
  it('is worked out on the phone when the network drops after the questions', async () => {
    const context = await phoneContext(browser);
    await seedAnswers(context, HARDSHIP_ANSWERS);
    const page = await context.newPage();
    await page.goto(`${server.url}/q/${entryCode}/check/review`);
    await expect.poll(() => questionTitle(page)).toBe('检查一下您的回答');
    // Give the idle-time prefetch of the next pages a moment, as a resident reading the review would.
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    await page.getByRole('button', { name: '没问题，看结果' }).click();
    await expect.poll(() => questionTitle(page)).toBe('您可能符合');
    await expect.poll(() => page.locator('.status-line').textContent()).toContain('现在没有网络');
    expect(await page.locator('main').textContent()).toContain('最低生活保障');
    await screenshot(page, 'resident-result-offline');
    await context.setOffline(false);
    await page.getByRole('button', { name: '再算一次' }).click();
    await expect.poll(() => page.locator('.status-line').count()).toBe(0);
    expect(await page.locator('#result-summary').textContent()).toContain('按本县现行标准计算');
    await context.close();
  });

  it('says 「暂不符合」 kindly, in the resident own numbers, with help anyone can ask for and the township phone', async () => {
    const context = await phoneContext(browser);
    await seedAnswers(context, UNLIKELY_ANSWERS);
    const page = await context.newPage();
    await page.goto(`${server.url}/q/${entryCode}/result`);
    await expect.poll(() => questionTitle(page)).toBe('暂不符合');
    // 2 people on 20,000 元 a month: 10,000 each, against the county's own lines.
    expect(await page.locator('.result-summary__reason').textContent()).toMatch(/^您家每人每月收入约 10,000 元，高于本地低保标准 [\d,]+ 元/);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const words of ['临时救助', '助联体', '微心愿', '最终以民政部门核查为准']) expect(text).toContain(words);
    // No sentence points at a list that is not there.
    expect(text).not.toContain('上面这些');
    expect(await page.locator('.open-help a[href^="tel:"], .result-details .call-township a[href^="tel:"]').count()).toBe(1);
    // Opened for 暂不符合, and it stays closed once the resident closes it.
    await page.getByRole('button', { name: /不用符合条件/ }).click();
    await expect.poll(() => page.locator('.open-help').isVisible()).toBe(false);
    await page.getByRole('button', { name: /不用符合条件/ }).click();
    await expect.poll(() => page.locator('.open-help').isVisible()).toBe(true);
    await page.getByRole('button', { name: '为什么暂不符合' }).click();
    await expect.poll(() => page.locator('.result-details').textContent()).toContain('超过了每人');
    await page.getByRole('button', { name: '自测没有判断的事' }).click();
    await expect.poll(() => page.locator('.result-details').textContent()).toContain('残疾人两项补贴');
    expect(await page.getByRole('button', { name: '请工作人员联系我' }).isVisible()).toBe(true);
    await screenshot(page, 'resident-result-unlikely');
    await context.close();
  });

  for (const elder of [false, true]) {
    it(`keeps the verdict, its main reason and 「请工作人员联系我」 on the first screen (${elder ? '长辈模式' : 'normal text'})`, async () => {
      for (const answers of [HARDSHIP_ANSWERS, UNLIKELY_ANSWERS]) {
        const context = await phoneContext(browser);
        await seedAnswers(context, answers);
        if (elder) await context.addInitScript(() => localStorage.setItem('xfm.elder', JSON.stringify({ v: '1', data: true })));
        const page = await context.newPage();
        await page.goto(`${server.url}/q/${entryCode}/result`);
        await expect.poll(() => page.locator('.result-summary__reason').count()).toBe(1);
        expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(elder);
        const bottoms = await firstScreenBottoms(page);
        expect(bottoms.every((bottom) => bottom <= 667), `bottoms ${bottoms.join(', ')}`).toBe(true);
        await screenshot(page, `resident-result-first-screen-${elder ? 'elder' : 'normal'}-${answers === UNLIKELY_ANSWERS ? 'unlikely' : 'likely'}`);
        await context.close();
      }
    });
  }

  it('prints a summary without personal data to show at the township office', async () => {
    const context = await phoneContext(browser);
    await seedAnswers(context, HARDSHIP_ANSWERS);
    const page = await context.newPage();
    await page.goto(`${server.url}/q/${entryCode}/result`);
    await expect.poll(() => questionTitle(page)).toBe('您可能符合');
    expect(await page.locator('.print-summary').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-summary').isVisible()).toBe(true);
    expect(await page.locator('.result-summary').isVisible()).toBe(false);
    expect(await page.locator('.app-bar').isVisible()).toBe(false);
    const printed = (await page.locator('.print-summary').textContent()) ?? '';
    for (const words of ['幸福码 · 自测结果', '您可能符合', '最低生活保障', '估算', '按本县现行标准计算', '不含姓名、电话']) expect(printed).toContain(words);
    await context.close();
  });

  it('reads the page own words aloud: the result summary, the landing, contact, sent and tracking pages', async () => {
    const { trackingCode } = await postRequest(randomUUID());
    const context = await phoneContext(browser);
    await recordSpeech(context);
    await seedAnswers(context, HARDSHIP_ANSWERS);
    const page = await context.newPage();
    await page.goto(`${server.url}/q/${entryCode}/result`);
    await expect.poll(() => questionTitle(page)).toBe('您可能符合');
    await page.getByRole('button', { name: '读给我听' }).click();
    const [summary] = await spokenText(page);
    expect(summary).toContain('您可能符合');
    expect(summary).toContain(await page.locator('.result-summary__reason').textContent());
    expect(summary).not.toContain('读给我听');

    for (const [url, words] of [
      [`/q/${entryCode}`, '自助测一测'],
      [`/q/${entryCode}/contact`, '请工作人员联系我'],
      [`/track/${trackingCode}`, '已受理'],
    ] as const) {
      await page.goto(`${server.url}${url}`);
      await page.getByRole('button', { name: '读给我听' }).click();
      await expect.poll(async () => (await spokenText(page)).at(-1) ?? '').toContain(words);
    }
    await context.close();
  });
});

const UNLIKELY_ANSWERS = {
  ...HARDSHIP_ANSWERS,
  special_members: ['none'],
  labour: 'working_stable',
  income: { amount: 20000, period: 'month' },
  income_change: ['none'],
  financial_assets: 'over_200k',
  medical_expense: 0,
  support: ['family_able', 'received_none'],
};

describe('长辈模式 and 重新开始', () => {
  it('one tap makes text and buttons bigger, and the phone remembers it', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/q/${entryCode}`);
    const toggle = page.getByRole('button', { name: /长辈模式/ });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.landing__intro')!).fontSize));
    // Body text at least 40% bigger than the normal 17 px, and the phone number still on the first screen.
    expect(await size()).toBeGreaterThanOrEqual(17 * 1.4);
    const phone = await page.locator('.landing__phone a[href^="tel:"]').boundingBox();
    expect(phone!.y + phone!.height).toBeLessThanOrEqual(667);
    expect(phone!.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'resident-elder-landing');

    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    await page.getByRole('link', { name: '自助测一测' }).click();
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('第 1 题，共 12 题');
    const bodySize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.choice__label')!).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(17 * 1.4);
    const target = await page.locator('label.choice').first().boundingBox();
    expect(target!.height).toBeGreaterThanOrEqual(56);
    const next = await page.getByRole('button', { name: '下一题' }).boundingBox();
    expect(next!.height).toBeGreaterThanOrEqual(56);
    await screenshot(page, 'resident-elder-question');
    // Off again from any page.
    await page.getByRole('button', { name: /长辈模式/ }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('「重新开始」 clears the saved answers only after the resident confirms', async () => {
    const context = await phoneContext(browser);
    await seedAnswers(context, HARDSHIP_ANSWERS);
    const page = await context.newPage();
    await page.goto(`${server.url}/q/${entryCode}/check`);
    await expect.poll(() => questionTitle(page)).toBe('检查一下您的回答');
    await page.goto(`${server.url}/q/${entryCode}/check/4`);
    await page.getByRole('button', { name: '重新开始', exact: true }).click();
    await page.getByRole('button', { name: '不清除' }).click();
    expect(await page.getByRole('radio', { name: /家里没有能干活的人/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: '重新开始', exact: true }).click();
    await screenshot(page, 'resident-restart-dialog');
    await page.getByRole('button', { name: '清除，重新开始' }).click();
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('第 1 题，共 12 题');
    expect(await page.locator('input:checked').count()).toBe(0);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('xfm.answers') ?? '{}') as { data: { self: object } });
    expect(saved.data.self).toEqual({});
    await context.close();
  });
});

describe('tap targets', () => {
  it('makes 修改, 回去修改回答 and inline phone numbers at least 44×44 px', async () => {
    const context = await phoneContext(browser);
    await seedAnswers(context, HARDSHIP_ANSWERS);
    const page = await context.newPage();
    const smallest = (selector: string) =>
      page.evaluate((s) => {
        const boxes = Array.from(document.querySelectorAll(s), (el) => el.getBoundingClientRect());
        return boxes.length ? Math.min(...boxes.map((b) => Math.min(b.width, b.height))) : 0;
      }, selector);

    await page.goto(`${server.url}/q/${entryCode}/check/review`);
    await expect.poll(() => questionTitle(page)).toBe('检查一下您的回答');
    expect(await page.locator('.answers-list__change a').count()).toBe(12);
    expect(await smallest('.answers-list__change a')).toBeGreaterThanOrEqual(44);
    expect(await smallest('main a[href^="tel:"]')).toBeGreaterThanOrEqual(44);

    await page.goto(`${server.url}/q/${entryCode}/result`);
    await expect.poll(() => questionTitle(page)).toBe('您可能符合');
    expect(await smallest('.result-page__secondary a')).toBeGreaterThanOrEqual(44);
    expect(await smallest('main a[href^="tel:"]')).toBeGreaterThanOrEqual(44);
    await context.close();
  });
});

describe('answers saved by an older version of the questionnaire', () => {
  it('keeps the answers that are still valid and asks again for the rest', async () => {
    const context = await phoneContext(browser);
    await context.addInitScript(() => {
      const old = { self: { residence: 'local', household_size: 99, housing: 'castle', retired_question: 'x' }, behalf: {} };
      if (!localStorage.getItem('xfm.answers')) localStorage.setItem('xfm.answers', JSON.stringify({ v: '0.9', data: old }));
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/q/${entryCode}/check`);
    // 「自助测一测」 resumes at the first question without a valid answer.
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('第 2 题，共 12 题');
    expect(page.url()).toBe(`${server.url}/q/${entryCode}/check/2`);
    expect(await page.locator('.number-answer__input').inputValue()).toBe('');
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('xfm.answers') ?? '{}') as { v: string; data: { self: object } });
    expect(saved.v).toBe(QUESTIONNAIRE_VERSION);
    expect(saved.data.self).toEqual({ residence: 'local' });
    await context.close();
  });
});

describe('accessibility (axe-core, WCAG 2 A/AA)', () => {
  it('has no violations on the landing page, a question, the result, the contact form and the tracking pages', async () => {
    const { trackingCode } = await postRequest(randomUUID());
    const context = await phoneContext(browser, { bypassCSP: true });
    await seedAnswers(context, { residence: 'local', household_size: 2, special_members: ['elderly'], labour: 'none_able', income: { amount: 800, period: 'month' } });
    const page = await context.newPage();

    await page.goto(`${server.url}/q/${entryCode}`);
    await expect.poll(() => page.locator('.landing__place').textContent()).toBeTruthy();
    await expectNoAxeViolations(page);

    for (const n of [3, 5, 12]) {
      await page.goto(`${server.url}/q/${entryCode}/check/${n}`);
      await expect.poll(() => page.locator('.progress-text').textContent()).toMatch(new RegExp(`^\\s*第 ${n} 题，共 12 题`));
      if (n === 12) {
        await page.getByRole('button', { name: '下一步' }).click();
        await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
      }
      await expectNoAxeViolations(page);
    }
    // Q12's second screen, and the question about an implausible amount.
    await page.locator('label.choice').first().click();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => page.locator('.progress-text').textContent()).toContain('第 2 步');
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}/q/${entryCode}/check/5`);
    await page.locator('.number-answer__input').fill('900000');
    await page.getByRole('button', { name: '下一题' }).click();
    await expect.poll(() => page.locator('.van-dialog').textContent()).toContain('对吗');
    await expectNoAxeViolations(page);

    await page.evaluate((answers) => localStorage.setItem('xfm.answers', JSON.stringify({ v: '1.0', data: { self: answers, behalf: {} } })), HARDSHIP_ANSWERS);
    await page.goto(`${server.url}/q/${entryCode}/check/review`);
    await expect.poll(() => questionTitle(page)).toBe('检查一下您的回答');
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/q/${entryCode}/result`);
    await expect.poll(() => questionTitle(page)).toBe('您可能符合');
    await expectNoAxeViolations(page);
    for (const section of [/可能用得上的帮助/, /相关政策/, /自测没有判断的事/]) await page.getByRole('button', { name: section }).click();
    await page.locator('.policy__summary').first().click();
    await page.locator('.criteria-box > summary').first().click();
    await expectNoAxeViolations(page);

    await page.evaluate((answers) => localStorage.setItem('xfm.answers', JSON.stringify({ v: '1.0', data: { self: answers, behalf: {} } })), UNLIKELY_ANSWERS);
    await page.goto(`${server.url}/q/${entryCode}/result`);
    await expect.poll(() => questionTitle(page)).toBe('暂不符合');
    for (const section of [/为什么暂不符合/, /自测没有判断的事/]) await page.getByRole('button', { name: section }).click();
    await expectNoAxeViolations(page);
    await page.evaluate(() => localStorage.setItem('xfm.elder', JSON.stringify({ v: '1', data: true })));
    await page.reload();
    await expect.poll(() => questionTitle(page)).toBe('暂不符合');
    await expectNoAxeViolations(page);
    await page.evaluate(() => localStorage.removeItem('xfm.elder'));

    await page.goto(`${server.url}/q/${entryCode}/contact`);
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/track/${trackingCode}`);
    await expect.poll(() => questionTitle(page)).toContain('已受理');
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/track`);
    await expect.poll(() => page.locator('.saved-codes__code').count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/q/NOSUCHCODE`);
    await expect.poll(() => questionTitle(page)).toBe('没有找到这个幸福码');
    await expect.poll(() => page.getByRole('button', { name: /长辈模式/ }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await context.close();
  });
});

describe('the tracking page', () => {
  it('explains a mistyped or unknown code in plain words', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/track`);
    expect(await page.locator('.empty').textContent()).toContain('还没有保存查询码');
    await page.getByLabel('查询码', { exact: true }).fill('ABC');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('查询码是 12 位，您输入了 3 位');
    await screenshot(page, 'resident-track-error');
    await page.getByLabel('查询码', { exact: true }).fill('abcd efgh jkmn');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => questionTitle(page)).toBe('没有找到这个查询码');
    expect(page.url()).toBe(`${server.url}/track/ABCDEFGHJKMN`);
    await context.close();
  });
});
