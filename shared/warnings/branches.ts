/** 分类处置 (2023 国家意见): the four ways staff close a warning. */
export const HANDLING_BRANCHES = [
  { value: 'policy', label: '落实现有救助政策' },
  { value: 'refer', label: '转相关部门办理' },
  { value: 'county', label: '县级统筹（一事一议）' },
  { value: 'exit', label: '核查后不再符合，退出' },
] as const;
export type HandlingBranch = (typeof HANDLING_BRANCHES)[number]['value'];

export const HANDLING_MESSAGES = {
  notAWarning: '只有数据预警的案件需要分类处置',
  // 不再符合 is said only after someone has been to the home (核查 then exit).
  exitNeedsVisit: '认定不再符合之前，请先入户核查',
} as const;

/** Why this branch cannot be chosen yet, or null. */
export function branchRefusal(branch: HandlingBranch, stepsSoFar: readonly string[]): string | null {
  if (branch === 'exit' && !stepsSoFar.includes('visit')) return HANDLING_MESSAGES.exitNeedsVisit;
  return null;
}

/** How long the warning took to be handled, in words: from the case's opening to the branch being chosen. */
export function timeTakenText(hours: number): string {
  if (hours < 24) return `${hours} 小时`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} 天 ${rest} 小时` : `${days} 天`;
}
