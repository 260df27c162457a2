import { chinaToday as chinaTodayAt } from '../../shared/time';

export { chinaDate } from '../../shared/time';

/**
 * The time stamped on cases, events and audit rows; shared/ code takes `asOf` instead. Session timeouts and
 * login lockouts compare against Date.now() where they are checked.
 */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today's date in China ('YYYY-MM-DD'), for rules and ID birth dates judged by local day. */
export function chinaToday(): string {
  return chinaTodayAt(Date.now());
}
