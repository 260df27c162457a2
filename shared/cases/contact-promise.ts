/**
 * The one promise about when staff will call, worded from the first-contact deadline (due.ts) so the
 * result page, the sent page, the tracking page and the case timeline never say different things.
 * Pages that do not know the risk level (and the timeline, to match them) promise the longest deadline:
 * urgent cases are called sooner, never later.
 */
import { FIRST_CONTACT_WORKING_DAYS } from './due';
import type { RiskLevel } from './risk';

/** Who staff will contact: the resident who asked, or the person someone reported. */
export type PromiseAbout = 'requester' | 'reported';

/** Working days until the first contact; without a level, the longest deadline (a promise we can keep). */
export function contactDays(level?: RiskLevel): number {
  return level ? FIRST_CONTACT_WORKING_DAYS[level] : Math.max(...Object.values(FIRST_CONTACT_WORKING_DAYS));
}

/** 「工作人员会在 5 个工作日内联系您」 / 「… 内联系被反映的人」 */
export function contactPromise(about: PromiseAbout, level?: RiskLevel): string {
  const within = `工作人员会在 ${contactDays(level)} 个工作日内`;
  return about === 'requester' ? `${within}打电话联系您` : `${within}联系被反映的人，了解情况`;
}
