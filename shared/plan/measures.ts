/**
 * 一户一策: one household's plan is a list of measures, each with an owner, a due date and a status.
 * The words here are the ones staff see; the values are stored.
 */
export const MEASURE_KINDS = [
  { value: 'policy', label: '申请政策' },
  { value: 'referral', label: '转介资源' },
  { value: 'visit', label: '定期探访' },
  { value: 'wish', label: '微心愿' },
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number]['value'];

export const MEASURE_STATUSES = [
  { value: 'planned', label: '计划中' },
  { value: 'under_way', label: '正在办' },
  { value: 'done', label: '已办成' },
  { value: 'not_possible', label: '办不成' },
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number]['value'];

/** Done and not possible are final: a new try is a new measure, so the record of what happened stays. */
const NEXT: Record<MeasureStatus, readonly MeasureStatus[]> = {
  planned: ['under_way', 'done', 'not_possible'],
  under_way: ['done', 'not_possible'],
  done: [],
  not_possible: [],
};

export const PLAN_MESSAGES = {
  finished: '这项措施已经结束，不能再改；需要时请新增一项',
  same: '措施已经是这个状态了',
  backwards: '正在办的措施不能退回计划中',
  reasonRequired: '请写一句为什么办不成（2 到 200 个字）',
  titleRequired: '请写清这项措施做什么（2 到 100 个字）',
  personalNumber: '措施和原因里不要写身份证号或电话号码',
  policyUnknown: '请从政策库里选择政策',
  referralUnknown: '请选择这户人家案件上的转介',
  resourceUnknown: '请从本乡镇或全县的资源中选择',
  ownerUnknown: '负责人要是本乡镇的工作人员或县级管理员',
  dueInvalid: '请填写完成期限（今天或以后的日期）',
  duplicate: '计划里已经有这一项了',
  suggestionUnknown: '这条建议已经不在了，请刷新页面',
} as const;

export type MeasureChange = { ok: true } | { ok: false; message: string };

export function measureTransition(from: MeasureStatus, to: MeasureStatus, reason: string | undefined): MeasureChange {
  if (NEXT[from].length === 0) return { ok: false, message: PLAN_MESSAGES.finished };
  if (from === to) return { ok: false, message: PLAN_MESSAGES.same };
  if (!NEXT[from].includes(to)) return { ok: false, message: PLAN_MESSAGES.backwards };
  if (to === 'not_possible' && [...(reason ?? '').trim()].length < 2) return { ok: false, message: PLAN_MESSAGES.reasonRequired };
  return { ok: true };
}

/** Where a measure can go from `from`, in the order staff are offered them; none once it is finished. */
export function nextMeasureStatuses(from: MeasureStatus): readonly MeasureStatus[] {
  return NEXT[from];
}

/** A measure still to be worked on. */
export function measureOpen(status: MeasureStatus): boolean {
  return status === 'planned' || status === 'under_way';
}
