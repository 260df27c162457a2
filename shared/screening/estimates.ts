/**
 * An estimated monthly amount, where the rules allow one: 低保 pays the gap between the local standard
 * and the household's income (补差); 特困 pays at least its basic living standard. Always an estimate:
 * staff count income by the county's own rules, which the 12 questions cannot.
 */
import type { HouseholdFacts } from './facts';
import type { Limits } from './limits';
import type { OutcomeId } from './outcomes';
import { formatMoney } from './templates';

/**
 * 特困人员基本生活标准 is set by each province at no less than 1.3 times the local 低保标准
 * (民政部《特困人员认定办法》配套口径, 各省多取 1.3 倍); the estimate uses that floor.
 */
export const TEKUN_SUPPORT_MULTIPLE = 1.3;

export interface MonthlyEstimate {
  readonly outcomeId: OutcomeId;
  /** 元 per month, rounded to whole 元. */
  readonly monthly: number;
  /** 「估算：每月约 1,630 元」 */
  readonly text: string;
  /** How it was worked out, in the resident's own numbers. */
  readonly basis: string;
}

/** 低保 补差: standard × people − household income, per month; undefined when there is no gap. */
export function dibaoTopUp(facts: HouseholdFacts, limits: Limits): MonthlyEstimate | undefined {
  const standardTotal = limits.dibaoLine * facts.householdSize;
  const income = facts.incomeYearly / 12;
  const monthly = Math.round(standardTotal - income);
  if (!(monthly > 0)) return undefined;
  return {
    outcomeId: 'dibao',
    monthly,
    text: `估算：低保每月约 ${formatMoney(monthly)} 元`,
    basis:
      `按本地低保标准每人每月 ${formatMoney(limits.dibaoLine)} 元 × ${facts.householdSize} 口人，` +
      `减去您家每月收入约 ${formatMoney(income)} 元算出；实际金额以民政部门核定为准`,
  };
}

/** 特困 basic living support, per person per month. */
export function tekunSupport(limits: Limits): MonthlyEstimate {
  const monthly = Math.round(limits.dibaoLine * TEKUN_SUPPORT_MULTIPLE);
  return {
    outcomeId: 'tekun',
    monthly,
    text: `估算：特困供养每人每月约 ${formatMoney(monthly)} 元起`,
    basis: `特困人员基本生活标准不低于本地低保标准 ${formatMoney(limits.dibaoLine)} 元的 ${TEKUN_SUPPORT_MULTIPLE} 倍；实际金额以民政部门核定为准`,
  };
}

/** The estimate for one outcome shown in a result, if its rules allow one. */
export function estimateFor(outcomeId: OutcomeId, facts: HouseholdFacts, limits: Limits): MonthlyEstimate | undefined {
  if (outcomeId === 'dibao') return dibaoTopUp(facts, limits);
  if (outcomeId === 'tekun') return tekunSupport(limits);
  return undefined;
}
