import { describe, expect, it } from 'vitest';
import type { Answers } from '../questionnaire/answers';
import { DEMO_COUNTY_PARAMETERS } from './demo-county-parameters';
import { screen } from './engine';
import { dibaoTopUp, TEKUN_SUPPORT_MULTIPLE, tekunSupport } from './estimates';
import { householdFacts } from './facts';
import { limitsFrom } from './limits';
import { selectParameters } from './parameters';

const AS_OF = '2024-03-01'; // 低保标准 1,130 元
const limits = limitsFrom(selectParameters(DEMO_COUNTY_PARAMETERS, AS_OF).values);

const BASE: Answers = {
  residence: 'local',
  household_size: 3,
  special_members: ['none'],
  labour: 'working_unstable',
  income: 1500,
  income_change: ['none'],
  financial_assets: 'under_10k',
  housing: 'own_one',
  vehicle: 'none',
  medical_expense: 0,
  education_expense: 0,
  support: ['family_able', 'received_none'],
};

function facts(income: Answers['income'], size = 3) {
  return householdFacts({ ...BASE, income, household_size: size });
}

describe('低保 补差: standard × people − income', () => {
  it.each([
    [1500, 3 * 1130 - 1500],
    [0, 3 * 1130],
    [3 * 1130 - 1, 1],
  ])('3 people on %d 元 a month get about %d 元', (income, monthly) => {
    expect(dibaoTopUp(facts(income), limits)?.monthly).toBe(monthly);
  });

  it('gives no amount at or over the standard', () => {
    expect(dibaoTopUp(facts(3 * 1130), limits)).toBeUndefined();
    expect(dibaoTopUp(facts(3 * 1130 + 1), limits)).toBeUndefined();
  });

  it('reads a yearly income per month, and says how it was worked out', () => {
    const estimate = dibaoTopUp(facts({ amount: 18_000, period: 'year' }), limits)!;
    expect(estimate.monthly).toBe(3390 - 1500);
    expect(estimate.text).toBe('估算：低保每月约 1,890 元');
    expect(estimate.basis).toContain('1,130 元 × 3 口人');
    expect(estimate.basis).toContain('每月收入约 1,500 元');
  });
});

describe('特困 basic living standard', () => {
  it('is the standard times the multiple, labelled as an estimate', () => {
    const estimate = tekunSupport(limits);
    expect(estimate.monthly).toBe(Math.round(1130 * TEKUN_SUPPORT_MULTIPLE));
    expect(estimate.text).toMatch(/^估算：/);
  });
});

describe('estimates in a screening result', () => {
  it('are attached to 低保 when it is shown', () => {
    const result = screen({ ...BASE, income: 2400 }, DEMO_COUNTY_PARAMETERS, AS_OF);
    const dibao = result.outcomes.find((o) => o.id === 'dibao');
    expect(dibao?.estimate?.monthly).toBe(3390 - 2400);
  });

  it('are absent where the rules give no amount', () => {
    const result = screen({ ...BASE, income: 2400 }, DEMO_COUNTY_PARAMETERS, AS_OF);
    for (const outcome of result.outcomes.filter((o) => o.id !== 'dibao' && o.id !== 'tekun')) expect(outcome.estimate).toBeUndefined();
  });
});
