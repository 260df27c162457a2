import { nextDeadline, REVISIT_DAYS } from '../../shared/cases/due';
import { moreSevere } from '../../shared/cases/risk';
import type { CaseStatus } from '../../shared/cases/status';
import { CONTACT_OUTCOMES, DECISIONS, transition } from '../../shared/cases/workflow';
import type { CaseEventInput } from '../../shared/schemas/staff-cases';
import { labelOf } from '../../shared/cases/labels';
import { visitDateError } from '../../shared/cases/visit-date';
import { TARGET_CLASS_LABEL, type TargetClass } from '../../shared/screening/result';
import { branchRefusal, HANDLING_BRANCHES, HANDLING_MESSAGES, timeTakenText } from '../../shared/warnings/branches';
import { AppError } from '../app-error';
import type { Store } from '../db/store';
import type { CaseRow } from '../repositories/cases';
import type { StaffUser } from '../repositories/users';
import { chinaDate } from './clock';
import type { Vault } from './crypto';
import { enrolFromDecision } from './register';

const DAY_MS = 86_400_000;

/** What the resident's and reporter's tracking pages say about a step (null: staff only). */
function publicText(input: CaseEventInput): string | null {
  switch (input.type) {
    case 'contact':
      return input.outcome === 'reached' ? '工作人员已和您电话联系，了解了情况' : null;
    case 'visit':
      return '工作人员已上门了解情况';
    case 'decide':
      return '审核已有结果，工作人员会把结果告诉您';
    case 'refer':
      return '已请相关部门或社会力量一起帮助';
    case 'feedback':
      return input.text;
    case 'close':
      return '已办结';
    case 'reopen':
      return '已重新办理';
    default:
      return null;
  }
}

/**
 * Everything except the type and free text the tracking page shows: kept encrypted in the timeline.
 * Codes are stored with their names, so the timeline reads 派往 灵溪镇, not a 12-digit code.
 */
function detailOf(input: CaseEventInput, names: { township?: string; village?: string; hoursTaken?: number }): Record<string, unknown> | null {
  const { type: _type, ...rest } = input;
  if (input.type === 'contact') return { ...rest, outcomeLabel: labelOf(CONTACT_OUTCOMES, input.outcome) };
  if (input.type === 'decide') return { ...rest, decisionLabel: labelOf(DECISIONS, input.decision) };
  if (input.type === 'assign' && input.township) return { ...rest, townshipName: names.township };
  if (input.type === 'village') return { ...rest, villageName: names.village };
  if (input.type === 'target_class') return { ...rest, targetClassLabel: TARGET_CLASS_LABEL[input.targetClass as TargetClass] };
  if (input.type === 'handle') return { ...rest, branchLabel: labelOf(HANDLING_BRANCHES, input.branch), hoursTaken: names.hoursTaken, timeTaken: timeTakenText(names.hoursTaken ?? 0) };
  return Object.keys(rest).length ? rest : null;
}

/** The visit's own day (today when not given), checked: not in the future, not absurdly long ago. */
function visitDay(input: CaseEventInput, now: string): string | null {
  if (input.type !== 'visit') return null;
  const today = chinaDate(now);
  const day = input.visitedAt ?? today;
  const problem = visitDateError(day, today);
  if (problem) throw new AppError('VALIDATION_FAILED', 400, undefined, { visitedAt: problem });
  return day;
}

/**
 * Records one workflow step in one transaction; an impossible step is a 409 with a reason in Chinese.
 * The step reads the case again inside the transaction (locked by its id on PostgreSQL), so two staff stepping
 * the same case at once get one transition and one 409, never both.
 */
export function createCaseWorkflow(store: Store, vault: Vault) {
  const apply = async (tx: Store, row: CaseRow, input: CaseEventInput, staff: StaffUser, now: string): Promise<void> => {
    const { repos } = tx;
    await tx.repos.locks.lockKey('case', row.id);
    const current = (await repos.cases.find(row.id))!;
    const result = transition(current.status as CaseStatus, input.type);
    if (!result.ok) throw new AppError('INVALID_TRANSITION', 409, result.message);
    const names: { township?: string; village?: string; hoursTaken?: number } = {};
    const visitedAt = visitDay(input, now);
    // A visit written up later counts from the day it happened: same time of day, that many days back.
    const reachedAt = visitedAt ? new Date(Date.parse(now) - (Date.parse(chinaDate(now)) - Date.parse(visitedAt))).toISOString() : now;

    if (input.type === 'assign') {
      if (input.township && staff.role !== 'county_admin') throw new AppError('FORBIDDEN', 403, '只有县级管理员可以派单到其他乡镇');
      const township = input.township ?? current.township;
      if (!(await repos.regions.findTownship(township))) throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '没有这个乡镇（街道）' });
      if (input.assigneeId !== undefined) {
        const assignee = await repos.users.findById(input.assigneeId);
        if (!assignee || assignee.disabled || assignee.role !== 'township_staff' || assignee.township !== township) {
          throw new AppError('VALIDATION_FAILED', 400, undefined, { assigneeId: '请选择该乡镇的工作人员' });
        }
      }
      await repos.cases.assign(current.id, township, input.assigneeId ?? null, now);
      names.township = (await repos.regions.find(township))?.name;
    }
    if (input.type === 'village') {
      const village = await repos.regions.findVillageIn(current.township, input.village);
      if (!village) throw new AppError('VALIDATION_FAILED', 400, undefined, { village: '请选择本乡镇（街道）的村（社区）' });
      await repos.cases.setVillage(current.id, village.code, now);
      names.village = village.name;
    }
    if (input.type === 'target_class') await repos.cases.setTargetClass(current.id, input.targetClass, now);
    if (input.type === 'handle') {
      if (current.source !== 'warning') throw new AppError('INVALID_TRANSITION', 409, HANDLING_MESSAGES.notAWarning);
      const refusal = branchRefusal(input.branch, (await repos.cases.eventsOf(current.id)).map((e) => e.type));
      if (refusal) throw new AppError('INVALID_TRANSITION', 409, refusal);
      names.hoursTaken = Math.max(0, Math.round((Date.parse(now) - Date.parse(current.created_at)) / 3_600_000));
      // 一事一议: the county takes it up; the case is marked for the county's queue.
      if (input.branch === 'county') await repos.cases.escalate(current.id, now);
    }
    if (input.type === 'level') await repos.cases.setLevel(current.id, input.level, input.reason, now);
    if (input.type === 'visit') {
      const days = REVISIT_DAYS[moreSevere(current.level, 'none')];
      await repos.cases.setNextVisit(current.id, new Date(Date.parse(reachedAt) + days * DAY_MS).toISOString());
    }
    // The deadline follows the work: first contact, then a decision, then feedback and closing.
    const reached = input.type === 'contact' ? input.outcome === 'reached' : ['visit', 'decide', 'reopen'].includes(input.type);
    if (reached) {
      const due = nextDeadline(input.type as 'contact' | 'visit' | 'decide' | 'reopen', reachedAt);
      if (due && (input.type !== 'visit' || current.status === 'new' || current.status === 'contacting')) await repos.cases.setDue(current.id, due);
    }
    // Help granted or 纳入监测: the household joins (or stays in) the register, so it is followed after the case closes.
    if (input.type === 'decide') await enrolFromDecision(tx, current, input.decision, `staff:${staff.id}`, now);
    await repos.cases.setStatus(current.id, result.to, now);
    const recorded = input.type === 'visit' ? { ...input, visitedAt } : input;
    const detail = detailOf(recorded as CaseEventInput, names);
    await repos.cases.appendEvent({
      caseId: current.id,
      at: now,
      type: input.type,
      actor: `staff:${staff.id}`,
      publicText: publicText(input),
      detailEnc: detail ? vault.encrypt(detail) : null,
    });
  };

  /**
   * 合并: two open cases of the same person in one township become the older one. The newer case's
   * submissions (and so its tracking codes) move over, its timeline is copied, and it is closed as merged.
   */
  const merge = async (tx: Store, aId: number, bId: number, staff: StaffUser, now: string): Promise<number> => {
    const { repos } = tx;
    // Ascending ids: two merges over the same pair lock in the same order and never wait on each other.
    const locks = tx.repos.locks;
    await locks.lockKey('case', Math.min(aId, bId));
    await locks.lockKey('case', Math.max(aId, bId));
    const [older, newer] = [(await repos.cases.find(Math.min(aId, bId)))!, (await repos.cases.find(Math.max(aId, bId)))!];
    if (older.id === newer.id) throw new AppError('VALIDATION_FAILED', 400, undefined, { otherId: '不能和自己合并' });
    if (older.township !== newer.township) throw new AppError('VALIDATION_FAILED', 400, undefined, { otherId: '只能合并同一个乡镇（街道）的案件' });
    if (older.closed_at || newer.closed_at) throw new AppError('INVALID_TRANSITION', 409, '已办结的案件不能合并；如需合并，请先「重新办理」');
    await repos.cases.mergeInto(older, newer, now);
    await repos.cases.raiseLevel(older.id, moreSevere(older.level, newer.level), newer.due_at);
    if (!older.answers_json && newer.answers_json && newer.result_json && newer.rules_version) {
      await repos.cases.fillAnswers(older.id, { answersJson: newer.answers_json, resultJson: newer.result_json, rulesVersion: newer.rules_version, targetClass: newer.target_class });
    }
    const actor = `staff:${staff.id}`;
    await repos.cases.appendEvent({ caseId: older.id, at: now, type: 'merge', actor, detailEnc: vault.encrypt({ from: newer.id }) });
    await repos.cases.appendEvent({ caseId: newer.id, at: now, type: 'merged_into', actor, detailEnc: vault.encrypt({ into: older.id }) });
    await repos.cases.setStatus(newer.id, 'closed', now);
    return older.id;
  };

  return {
    apply: (row: CaseRow, input: CaseEventInput, staff: StaffUser, now: string): Promise<void> => store.transaction((tx) => apply(tx, row, input, staff, now)),
    /** Returns the id of the case that remains (the older one). */
    merge: (aId: number, bId: number, staff: StaffUser, now: string): Promise<number> => store.transaction((tx) => merge(tx, aId, bId, staff, now)),
  };
}
