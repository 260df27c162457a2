/**
 * The day a home visit happened. A visit is often written up back at the office days later, so the
 * record carries the visit's own day — never a future day, and not so long ago that it is surely a typo.
 */
export const VISIT_BACKDATE_MAX_DAYS = 90;

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayNumber(day: string): number | null {
  if (!ISO_DAY.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  // Date.parse rolls 2025-02-30 over to March; a real day prints back the same.
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day ? null : ms / DAY_MS;
}

/** A problem with `visitedAt` in Chinese, or null; `today` is the China date ('YYYY-MM-DD'). */
export function visitDateError(visitedAt: string, today: string): string | null {
  const day = dayNumber(visitedAt);
  const now = dayNumber(today);
  if (day === null || now === null) return '入户日期不对，请重新选择';
  if (day > now) return '入户日期不能晚于今天';
  if (now - day > VISIT_BACKDATE_MAX_DAYS) return `入户日期不能早于 ${VISIT_BACKDATE_MAX_DAYS} 天前，请核对`;
  return null;
}

/** The earliest day the visit form offers. */
export function earliestVisitDate(today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - VISIT_BACKDATE_MAX_DAYS * DAY_MS).toISOString().slice(0, 10);
}
