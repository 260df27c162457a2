import { describe, expect, it } from 'vitest';
import { implausibleAmountQuestion, PLAUSIBLE_MONTHLY_INCOME_MAX } from './plausible';

describe('amounts far above any plausible monthly income', () => {
  it.each([
    [PLAUSIBLE_MONTHLY_INCOME_MAX, undefined],
    [{ amount: PLAUSIBLE_MONTHLY_INCOME_MAX, period: 'month' }, undefined],
    [{ amount: PLAUSIBLE_MONTHLY_INCOME_MAX * 12, period: 'year' }, undefined],
    [PLAUSIBLE_MONTHLY_INCOME_MAX + 1, '您填的是每月 50,001 元，对吗？'],
    [{ amount: 80_000, period: 'month' }, '您填的是每月 80,000 元，对吗？'],
    [{ amount: 700_000, period: 'year' }, '您填的是每年 700,000 元，对吗？'],
  ])('income %j → %s', (value, question) => {
    expect(implausibleAmountQuestion('income', value)).toBe(question);
  });

  it('asks only about the monthly income, and never about a missing or malformed answer', () => {
    expect(implausibleAmountQuestion('medical_expense', 200_000)).toBeUndefined();
    expect(implausibleAmountQuestion('income', undefined)).toBeUndefined();
    expect(implausibleAmountQuestion('income', { amount: 90_000 })).toBeUndefined();
  });
});
