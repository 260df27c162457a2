import { addWorkingDays } from '../cases/due';
import type { Dated } from '../screening/parameters';

/**
 * How many working days a resource has to accept a referral before the township is told (dated like the
 * screening parameters, so a county can tighten it from a given day without rewriting history).
 */
export const REFERRAL_ACCEPT_WORKING_DAYS: readonly Dated<number>[] = [
  { value: 3, effectiveFrom: '2025-01-01', source: '县民政局转介办理要求：3 个工作日内接单（演示县取值）' },
];

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The number of working days in force on a China-local day ('YYYY-MM-DD'). */
export function acceptWorkingDaysOn(day: string, history: readonly Dated<number>[] = REFERRAL_ACCEPT_WORKING_DAYS): number {
  let chosen: Dated<number> | undefined;
  for (const entry of history) if (entry.effectiveFrom <= day && (!chosen || entry.effectiveFrom > chosen.effectiveFrom)) chosen = entry;
  if (!chosen) throw new RangeError(`no referral deadline in force on ${day}`);
  return chosen.value;
}

/** When a referral made at `createdAtIso` must have been accepted. */
export function referralAcceptBy(createdAtIso: string, history: readonly Dated<number>[] = REFERRAL_ACCEPT_WORKING_DAYS): string {
  const day = new Date(Date.parse(createdAtIso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
  return addWorkingDays(createdAtIso, acceptWorkingDaysOn(day, history));
}

/** Waiting for an answer past the deadline: the township is told. */
export function isReferralOverdue(status: string, acceptBy: string, nowIso: string): boolean {
  return status === 'planned' && acceptBy < nowIso;
}
