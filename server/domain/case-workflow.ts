import { nextDeadline, REVISIT_DAYS } from '../../shared/cases/due';
import { moreSevere } from '../../shared/cases/risk';
import type { CaseStatus } from '../../shared/cases/status';
import { CONTACT_OUTCOMES, DECISIONS, transition } from '../../shared/cases/workflow';
import type { CaseEventInput } from '../../shared/schemas/staff-cases';
import { labelOf } from '../../shared/cases/labels';
import { AppError } from '../app-error';
import type { DB } from '../db/open';
import type { Repositories } from '../repositories';
import type { CaseRow } from '../repositories/cases';
import type { StaffUser } from '../repositories/users';
import type { Vault } from './crypto';
import { enrolFromDecision } from './register';

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

/** Everything except the type and free text the tracking page shows: kept encrypted in the timeline. */
function detailOf(input: CaseEventInput): Record<string, unknown> | null {
  const { type: _type, ...rest } = input;
  if (input.type === 'contact') return { ...rest, outcomeLabel: labelOf(CONTACT_OUTCOMES, input.outcome) };
  if (input.type === 'decide') return { ...rest, decisionLabel: labelOf(DECISIONS, input.decision) };
  return Object.keys(rest).length ? rest : null;
}

/** Records one workflow step in one transaction; an impossible step is a 409 with a reason in Chinese. */
export function createCaseWorkflow(db: DB, repos: Repositories, vault: Vault) {
  const apply = db.transaction((row: CaseRow, input: CaseEventInput, staff: StaffUser, now: string) => {
    const current = repos.cases.find(row.id)!;
    const result = transition(current.status as CaseStatus, input.type);
    if (!result.ok) throw new AppError('INVALID_TRANSITION', 409, result.message);

    if (input.type === 'assign') {
      if (input.township && staff.role !== 'county_admin') throw new AppError('FORBIDDEN', 403, '只有县级管理员可以派单到其他乡镇');
      const township = input.township ?? current.township;
      if (!repos.regions.findTownship(township)) throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '没有这个乡镇（街道）' });
      if (input.assigneeId !== undefined) {
        const assignee = repos.users.findById(input.assigneeId);
        if (!assignee || assignee.disabled || assignee.role !== 'township_staff' || assignee.township !== township) {
          throw new AppError('VALIDATION_FAILED', 400, undefined, { assigneeId: '请选择该乡镇的工作人员' });
        }
      }
      repos.cases.assign(current.id, township, input.assigneeId ?? null, now);
    }
    if (input.type === 'level') repos.cases.setLevel(current.id, input.level, input.reason, now);
    if (input.type === 'visit') {
      const days = REVISIT_DAYS[moreSevere(current.level, 'none')];
      repos.cases.setNextVisit(current.id, new Date(Date.parse(now) + days * 86_400_000).toISOString());
    }
    // The deadline follows the work: first contact, then a decision, then feedback and closing.
    const reached = input.type === 'contact' ? input.outcome === 'reached' : ['visit', 'decide', 'reopen'].includes(input.type);
    if (reached) {
      const due = nextDeadline(input.type as 'contact' | 'visit' | 'decide' | 'reopen', now);
      if (due && (input.type !== 'visit' || current.status === 'new' || current.status === 'contacting')) repos.cases.setDue(current.id, due);
    }
    // Help granted or 纳入监测: the household joins (or stays in) the register, so it is followed after the case closes.
    if (input.type === 'decide') enrolFromDecision(repos, current, input.decision, `staff:${staff.id}`, now);
    repos.cases.setStatus(current.id, result.to, now);
    repos.cases.appendEvent({
      caseId: current.id,
      at: now,
      type: input.type,
      actor: `staff:${staff.id}`,
      publicText: publicText(input),
      detailEnc: detailOf(input) ? vault.encrypt(detailOf(input)) : null,
    });
  });
  return {
    apply: (row: CaseRow, input: CaseEventInput, staff: StaffUser, now: string): void => apply.immediate(row, input, staff, now),
  };
}
