import type { CaseStatus } from './status';

/**
 * The staff workflow as data: which step may follow which status, where it leads, and its verb for
 * refusal messages (what the tracking page says is in server/domain/case-workflow.ts). Seed 002's closed loop:
 * 数据预警 → 实地核查 → 信息推送 → 多元救助 → 跟踪反馈.
 */
export const EVENT_TYPES = ['assign', 'contact', 'visit', 'decide', 'refer', 'feedback', 'close', 'reopen', 'level', 'village', 'target_class', 'handle'] as const;
export type CaseEventType = (typeof EVENT_TYPES)[number];

const OPEN: readonly CaseStatus[] = ['new', 'contacting', 'visiting', 'reviewing', 'decided'];

interface Step {
  from: readonly CaseStatus[];
  /** The status after the step; undefined keeps the current one. */
  to?: CaseStatus;
  verb: string;
}

export const WORKFLOW: Record<CaseEventType, Step> = {
  assign: { from: OPEN, verb: '派单' },
  contact: { from: ['new', 'contacting', 'visiting'], to: 'contacting', verb: '电话了解' },
  visit: { from: ['new', 'contacting', 'visiting', 'reviewing'], to: 'visiting', verb: '入户核查' },
  decide: { from: ['contacting', 'visiting', 'reviewing'], to: 'decided', verb: '作出认定' },
  refer: { from: OPEN, verb: '转介' },
  feedback: { from: [...OPEN, 'closed'], verb: '反馈结果' },
  close: { from: ['decided'], to: 'closed', verb: '办结' },
  reopen: { from: ['closed'], to: 'reviewing', verb: '重新办理' },
  level: { from: OPEN, verb: '调整风险等级' },
  village: { from: OPEN, verb: '填写所在村（社区）' },
  target_class: { from: OPEN, verb: '设定对象类别' },
  // 分类处置 of a data warning: after a call or a visit, like a decision; the case then closes as usual.
  handle: { from: ['contacting', 'visiting', 'reviewing'], to: 'decided', verb: '分类处置' },
};

export type TransitionResult = { ok: true; to: CaseStatus } | { ok: false; message: string };

export function transition(status: CaseStatus, type: CaseEventType): TransitionResult {
  const step = WORKFLOW[type];
  if (!step.from.includes(status)) return { ok: false, message: whyNot(status, type) };
  return { ok: true, to: step.to ?? status };
}

function whyNot(status: CaseStatus, type: CaseEventType): string {
  if (status === 'closed') return `案件已办结，不能再${WORKFLOW[type].verb}；如需继续，请先「重新办理」`;
  if (type === 'close') return '请先作出认定，再办结';
  if (type === 'reopen') return '案件还没有办结，不需要重新办理';
  if (type === 'decide') return '请先电话了解或入户核查，再作出认定';
  if (type === 'handle' && status === 'new') return '请先电话了解或入户核查，再分类处置';
  return `当前状态下不能${WORKFLOW[type].verb}`;
}

export const DECISIONS = [
  { value: 'dibao', label: '纳入最低生活保障' },
  { value: 'dibao_edge', label: '纳入低保边缘' },
  { value: 'tekun', label: '纳入特困人员供养' },
  { value: 'temporary', label: '给予临时救助' },
  { value: 'special', label: '给予专项救助（医疗/教育/住房/就业）' },
  { value: 'referral', label: '转介社会力量帮扶' },
  { value: 'monitor', label: '暂不符合，纳入监测' },
] as const;
export type Decision = (typeof DECISIONS)[number]['value'];

export const CONTACT_OUTCOMES = [
  { value: 'reached', label: '已联系上' },
  { value: 'no_answer', label: '无人接听' },
  { value: 'wrong_number', label: '号码有误' },
] as const;

/** Seed 003's six dimensions of a home visit. */
export const VISIT_DIMENSIONS = [
  { value: 'economy', label: '经济状况' },
  { value: 'health', label: '健康状况' },
  { value: 'education', label: '教育情况' },
  { value: 'housing', label: '住房情况' },
  { value: 'employment', label: '就业情况' },
  { value: 'needs', label: '主要需求' },
] as const;

export const REVEAL_REASONS = [
  { value: 'phone_call', label: '电话联系本人' },
  { value: 'home_visit', label: '入户核查' },
  { value: 'verify_identity', label: '核对身份' },
  { value: 'referral', label: '转介需要' },
] as const;
