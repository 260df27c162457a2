import { chinaToday as chinaTodayAt } from '../../shared/time';

export { chinaDate } from '../../shared/time';

/** The one place the server reads the clock; shared/ code takes `asOf` instead. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today's date in China ('YYYY-MM-DD'), for rules and ID birth dates judged by local day. */
export function chinaToday(): string {
  return chinaTodayAt(Date.now());
}
