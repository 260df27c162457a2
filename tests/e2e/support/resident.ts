import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { QUESTIONNAIRE_VERSION } from '../../../shared/questionnaire/questions';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/**
 * How a resident answers one question by taps: option labels to tap, or a number to type. `then` is the
 * second screen of a question in two parts (Q12), reached with 「下一步」.
 */
export type Step = { tap: string[]; then?: string[] } | { type: string } | { button: string };

/**
 * An elderly resident living with an ill spouse on a small income: a household the result page
 * should point to 低保 and 临时救助, so the result has outcomes, criteria and policies to show.
 */
export const HARDSHIP_STEPS: readonly Step[] = [
  { tap: ['户口在本县，人也住在本县'] },
  { type: '2' },
  { tap: ['60 岁以上的老人', '得了重病或常年吃药的慢性病人'] },
  { tap: ['家里没有能干活的人（年纪大、生病、残疾或还在上学）'] },
  { type: '800' },
  { tap: ['有人得了重病或受了重伤'] },
  { tap: ['不到 1 万元'] },
  { tap: ['有一套自己的房子，住着还行'] },
  { tap: ['没有汽车'] },
  { type: '30000' },
  { button: '没有' },
  { tap: ['有子女等家人，但他们自己也困难，帮衬不了'], then: ['还没有享受任何帮助'] },
];

/** The same household as saved answers, for tests that start past the questionnaire. */
export { HARDSHIP_ANSWERS } from '../../fixtures/households';

export async function answer(page: Page, step: Step): Promise<void> {
  if ('tap' in step) {
    for (const label of step.tap) await page.locator('label.choice', { hasText: label }).first().click();
    if (step.then) {
      await page.getByRole('button', { name: '下一步' }).click();
      await expect.poll(() => page.locator('.progress-text').textContent()).toContain('第 2 步');
      for (const label of step.then) await page.locator('label.choice', { hasText: label }).first().click();
    }
  } else if ('type' in step) {
    await page.locator('.number-answer__input').fill(step.type);
  } else {
    await page.getByRole('button', { name: step.button, exact: true }).click();
  }
}

export async function questionTitle(page: Page): Promise<string> {
  return (await page.locator('h1').textContent()) ?? '';
}

/** Puts answers on the phone before the app starts, as if the resident had answered earlier. */
export async function seedAnswers(context: BrowserContext, self: object, behalf: object = {}): Promise<void> {
  await context.addInitScript(
    ([version, data]) => {
      if (!localStorage.getItem('xfm.answers')) localStorage.setItem('xfm.answers', JSON.stringify({ v: version, data }));
    },
    [QUESTIONNAIRE_VERSION, { self, behalf }] as const,
  );
}

/** axe-core against WCAG 2 A/AA; the context needs bypassCSP to take the injected script. */
export async function axeViolations(page: Page): Promise<string[]> {
  // A dialog still fading in has text at partial opacity: judge contrast as the person sees it once it has settled.
  // (Endless ones, such as a spinner, never settle and are left out.)
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  return violations;
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** The requestId of the newest submission kept on the phone. */
export async function lastRequestId(page: Page): Promise<string> {
  return page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('xfm.submissions') ?? '{}') as { data?: Array<{ requestId: string }> };
    return saved.data?.at(-1)?.requestId ?? '';
  });
}

/** Bottom edges (px from the page top) of the result's first-screen parts: verdict, main reason, contact button. */
export async function firstScreenBottoms(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    ['#result-verdict', '.result-summary__reason', '.result-summary__contact'].map((selector) => {
      const box = document.querySelector(selector)?.getBoundingClientRect();
      return box ? box.bottom + window.scrollY : Number.POSITIVE_INFINITY;
    }),
  );
}

/** Replaces the phone's speech with a recorder, so a test can read what 「读给我听」 would say. */
export async function recordSpeech(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    class Utterance {
      lang = '';
      rate = 1;
      voice: unknown = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(public text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: { speak: (u: Utterance) => spoken.push(u.text), cancel: () => undefined, getVoices: () => [] },
    });
  });
}

export async function spokenText(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
}
