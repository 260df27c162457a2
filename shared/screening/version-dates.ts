/**
 * When a new version of the screening parameters may start, and when it may still be taken back.
 * Dates are China dates ('YYYY-MM-DD'), compared as text. A version that has taken effect has
 * already judged residents' self-checks, so it stays; one still waiting can be withdrawn.
 */

/** A problem with a new version's first day, or null. */
export function effectiveFromError(effectiveFrom: string, today: string): string | null {
  if (effectiveFrom < today) return `生效日期不能早于今天（${today}），已经过去的日子不能改用新的参数`;
  return null;
}

/** A day can start one version only: history is never rewritten. */
export function dayTakenError(effectiveFrom: string): string {
  return `${effectiveFrom} 已经有一个版本了，历史版本不能修改，请换一个生效日期`;
}

/** A version may be withdrawn only while it has not yet taken effect. */
export function canWithdrawVersion(effectiveFrom: string, today: string): boolean {
  return effectiveFrom > today;
}

export const WITHDRAW_TOO_LATE = '这个版本已经生效，不能撤回；如需调整，请保存一个新的版本';
