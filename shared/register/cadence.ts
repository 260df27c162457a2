/**
 * When a household is next visited and re-checked, on China's working calendar. Pure: every date
 * is a China date (YYYY-MM-DD) and "today" is passed in.
 */
import { isWorkingDay } from '../cases/china-holidays';
import type { RegisterCategory, RegisterLevel } from './categories';
import type { RegisterParameterValues, Span } from './parameters';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China date of an instant (ISO timestamp). */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole months later, clamped to the month's last day (01-31 + 1 month → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

export function addSpan(date: string, span: Span): string {
  return 'months' in span ? addMonths(date, span.months) : addDays(date, span.days);
}

/**
 * The next visit falls on a working day: the last one on or before the date the cadence gives, so a
 * red household is never seen less often than weekly because of a holiday — unless that would be the
 * visit day itself or earlier (a week of holidays), then the first working day after.
 */
export function nextVisitDate(visitedOn: string, level: RegisterLevel, values: Pick<RegisterParameterValues, 'visitCadence'>): string {
  const nominal = addSpan(visitedOn, values.visitCadence[level]);
  for (let day = nominal; day > visitedOn; day = addDays(day, -1)) if (isWorkingDay(day)) return day;
  let day = addDays(nominal, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The next re-check (复核), or null for a category without one. Exited households: the end of monitoring. */
export function reviewDueDate(
  since: string,
  category: RegisterCategory,
  unstable: boolean,
  values: Pick<RegisterParameterValues, 'reviewMonths' | 'unstableDibaoReviewMonths' | 'exitedMonitoringMonths'>,
): string | null {
  if (category === 'exited') return addMonths(since, values.exitedMonitoringMonths);
  const months = category === 'dibao' && unstable ? values.unstableDibaoReviewMonths : values.reviewMonths[category];
  return months === null ? null : addMonths(since, months);
}

/** Sunday of the week `today` is in (China weeks run Monday to Sunday). */
export function endOfWeek(today: string): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, weekday === 0 ? 0 : 7 - weekday);
}

export type VisitDue = 'overdue' | 'this_week' | 'later' | 'none';

/** How a household stands on the worklist today. */
export function visitDue(nextVisitOn: string | null, today: string): VisitDue {
  if (!nextVisitOn) return 'none';
  if (nextVisitOn < today) return 'overdue';
  return nextVisitOn <= endOfWeek(today) ? 'this_week' : 'later';
}

/**
 * The first re-check on or after `today`, counting whole periods from `since`: a roster says when a
 * household joined, not when it was last re-checked.
 */
export function upcomingReviewDate(
  since: string,
  category: RegisterCategory,
  unstable: boolean,
  values: Pick<RegisterParameterValues, 'reviewMonths' | 'unstableDibaoReviewMonths' | 'exitedMonitoringMonths'>,
  today: string,
): string | null {
  let due = reviewDueDate(since, category, unstable, values);
  if (category === 'exited') return due;
  while (due !== null && due < today) due = reviewDueDate(due, category, unstable, values);
  return due;
}
