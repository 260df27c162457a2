/**
 * Amounts that are allowed but almost surely a slip (a yearly figure typed as monthly, an extra zero).
 * The client asks 「您填的是每月 … 元，对吗？」 before going on; it never blocks the answer.
 */
import { formatMoney } from '../screening/templates';
import type { PeriodAmount } from './answers';

/** A household's income above this per month is far beyond any plausible one for people asking for help. */
export const PLAUSIBLE_MONTHLY_INCOME_MAX = 50_000;

/** The question to ask before going on, or undefined when the amount is plausible. */
export function implausibleAmountQuestion(questionId: string, value: unknown): string | undefined {
  if (questionId !== 'income') return undefined;
  const given: PeriodAmount | undefined =
    typeof value === 'number' ? { amount: value, period: 'month' } : isPeriodAmount(value) ? value : undefined;
  if (!given) return undefined;
  const monthly = given.period === 'year' ? given.amount / 12 : given.amount;
  if (!(monthly > PLAUSIBLE_MONTHLY_INCOME_MAX)) return undefined;
  return `您填的是${given.period === 'year' ? '每年' : '每月'} ${formatMoney(given.amount)} 元，对吗？`;
}

function isPeriodAmount(value: unknown): value is PeriodAmount {
  const v = value as Partial<PeriodAmount> | null;
  return typeof v === 'object' && v !== null && typeof v.amount === 'number' && (v.period === 'month' || v.period === 'year');
}
