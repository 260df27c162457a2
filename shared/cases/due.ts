import { addDays, chinaDate, chinaDayStart } from '../time';
import { isWorkingDay } from './china-holidays';
import type { RiskLevel } from './risk';

/** First contact within N working days, by risk level (red is urgent). */
export const FIRST_CONTACT_WORKING_DAYS: Record<RiskLevel, number> = { red: 1, yellow: 3, blue: 5, none: 5 };

/** Next home visit by risk level (seed 003's 定期探访): red weekly, yellow monthly, blue quarterly. */
export const REVISIT_DAYS: Record<RiskLevel, number> = { red: 7, yellow: 30, blue: 90, none: 90 };

/**
 * `days` working days after an instant, counted on China's calendar (weekends, public holidays and
 * make-up working days from china-holidays.ts), at the same time of day.
 */
export function addWorkingDays(fromIso: string, days: number): string {
  // Step through China calendar days, then put back the time of day.
  let day = chinaDate(fromIso);
  const timeOfDay = Date.parse(fromIso) - Date.parse(chinaDayStart(day));
  let left = days;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return new Date(Date.parse(chinaDayStart(day)) + timeOfDay).toISOString();
}

export function firstContactDue(createdAtIso: string, level: RiskLevel): string {
  return addWorkingDays(createdAtIso, FIRST_CONTACT_WORKING_DAYS[level]);
}

/**
 * Once someone has been reached, the deadline moves to the next step: a decision within 20 working
 * days (the 低保 review period is 30 days in most counties), then feedback and closing within 5.
 */
export const NEXT_STEP_WORKING_DAYS = { decide: 20, close: 5 } as const;

export function nextDeadline(step: 'contact' | 'visit' | 'decide' | 'reopen', nowIso: string): string | null {
  if (step === 'decide') return addWorkingDays(nowIso, NEXT_STEP_WORKING_DAYS.close);
  return addWorkingDays(nowIso, NEXT_STEP_WORKING_DAYS.decide);
}

/**
 * The queue counts overdue cases only up to this many: counting every one meant walking the whole
 * overdue index on each page, and past this point the exact figure changes nothing for staff
 * (the statistics page has exact numbers).
 */
export const OVERDUE_COUNT_CAP = 1000;

/** "12 件" or, at the cap, "1000 件以上". */
export function overdueCountText(n: number): string {
  return n >= OVERDUE_COUNT_CAP ? `${OVERDUE_COUNT_CAP} 件以上` : `${n} 件`;
}

/**
 * What the current deadline is for, in staff words. Before anyone is reached it is the first contact;
 * after a reached call, a visit or a reopening it is the decision; after the decision, feedback and
 * closing. `reached` is unknown on a queue card (no timeline there), so a call in progress says 办理期限.
 */
export function dueLabel(status: string, reached?: boolean): string {
  if (status === 'new') return '联系期限';
  if (status === 'contacting') return reached === undefined ? '办理期限' : reached ? '认定期限' : '联系期限';
  if (status === 'visiting' || status === 'reviewing') return '认定期限';
  if (status === 'decided') return '反馈办结期限';
  return '办理期限';
}
