/**
 * The stages staff work through (seed 002's closed loop), with the words the tracking page shows.
 * 已受理 → 电话了解 → 入户核查 → 审核 → 有结果 → 已办结.
 */
export const CASE_STATUSES = ['new', 'contacting', 'visiting', 'reviewing', 'decided', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_TEXT: Record<CaseStatus, string> = {
  new: '已受理，工作人员会尽快联系您',
  contacting: '工作人员正在电话了解情况',
  visiting: '工作人员正在上门了解情况（入户核查）',
  reviewing: '正在审核',
  decided: '已有结果',
  closed: '已办结',
};

export const STATUS_LABEL: Record<CaseStatus, string> = {
  new: '待联系',
  contacting: '电话了解',
  visiting: '入户核查',
  reviewing: '审核中',
  decided: '已认定',
  closed: '已办结',
};

/** The four steps the tracking page draws: 已受理 → 电话了解/入户核查 → 审核 → 有结果/已办结. */
export const TRACK_STAGES = ['已受理', '电话了解 / 入户核查', '审核', '有结果 / 已办结'] as const;

/**
 * Which step is in progress (index into TRACK_STAGES). 已办结 is past the last step, so every step shows
 * done and none is still in progress.
 */
export function trackStage(status: string): number {
  const stage: Record<string, number> = { new: 0, contacting: 1, visiting: 1, reviewing: 2, decided: 3, closed: TRACK_STAGES.length };
  return stage[status] ?? 0;
}
