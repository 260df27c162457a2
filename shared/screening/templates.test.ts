import { describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';
import { householdFacts } from './facts';
import { DEMO_COUNTY_PARAMETERS } from './demo-county-parameters';
import { limitsFrom } from './limits';
import { selectParameters } from './parameters';
import { compileTemplate, fillWithLimits, formatMoney, formatPercent } from './templates';

const limits = limitsFrom(selectParameters(DEMO_COUNTY_PARAMETERS, '2024-03-01').values);

describe('reason templates', () => {
  it.each([
    [0, '0'],
    [-20, '0'],
    [849.6, '850'],
    [1130, '1,130'],
    [27_120, '27,120'],
    [1_000_000, '1,000,000'],
    [Number.POSITIVE_INFINITY, '很多'],
  ])('formatMoney(%d) = %s', (amount, text) => {
    expect(formatMoney(amount)).toBe(text);
  });

  it('formats shares as percentages, and a cost with no income at all as 100% 以上', () => {
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.8333)).toBe('83%');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('100% 以上');
  });

  it('fills household facts and local figures', () => {
    const facts = householdFacts({ ...HARDSHIP_ANSWERS, income: { amount: 24_000, period: 'year' }, income_change: ['job_loss', 'death'] });
    const fill = compileTemplate('每人约 {incomePerPersonMonthly} 元，标准 {dibaoLine} 元，最近{eventPhrase}', limits);
    expect(fill(facts)).toBe('每人约 1,000 元，标准 1,130 元，最近有人失业或停工、主要挣钱的人去世了');
    expect(compileTemplate('没有数字', limits)(facts)).toBe('没有数字');
  });

  it('refuses unknown slots, and facts where only figures are allowed', () => {
    expect(() => compileTemplate('{nope}', limits)).toThrow(/unknown slot/);
    expect(() => fillWithLimits('{incomeYearly}', limits)).toThrow(/unknown slot/);
    expect(fillWithLimits('低保标准的 {edgeMultiple} 倍（{edgeLine} 元）', limits)).toBe('低保标准的 1.5 倍（1,695 元）');
  });
});
