import { labelOf } from '../../shared/cases/labels';
import { MEASURE_KINDS, MEASURE_STATUSES, measureOpen, measureTransition, PLAN_MESSAGES, type MeasureKind } from '../../shared/plan/measures';
import { suggestMeasures, type Suggestion } from '../../shared/plan/suggestions';
import { personalNumberIn } from '../../shared/referrals/privacy';
import { REFERRAL_STATUSES } from '../../shared/referrals/status';
import { chinaDate } from '../../shared/register/cadence';
import type { OpenRisks, VisitDimension } from '../../shared/register/risks';
import type { HouseholdPlanInfo, PlanMeasureInfo, PlanMeasureInput, PlanStatusInput } from '../../shared/schemas/plan';
import type { ScreeningResult } from '../../shared/screening/result';
import { AppError } from '../app-error';
import type { DB } from '../db/open';
import type { Repositories } from '../repositories';
import type { CaseRow } from '../repositories/cases';
import type { HouseholdRow } from '../repositories/households';
import type { MeasureRow } from '../repositories/plan';
import type { StaffUser } from '../repositories/users';

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', 400, undefined, { [field]: message });

function toMeasure(row: MeasureRow, today: string): PlanMeasureInfo {
  return {
    id: row.id,
    kind: row.kind,
    kindText: labelOf(MEASURE_KINDS, row.kind),
    title: row.title,
    policyId: row.policy_id,
    resourceId: row.resource_id,
    referral:
      row.referral_id !== null && row.referral_status !== null
        ? {
            id: row.referral_id,
            caseId: row.referral_case_id!,
            status: row.referral_status,
            statusText: labelOf(REFERRAL_STATUSES, row.referral_status as (typeof REFERRAL_STATUSES)[number]['value']),
          }
        : null,
    caseId: row.case_id,
    owner: { id: row.owner_id, username: row.owner_username ?? `#${row.owner_id}` },
    dueAt: row.due_on,
    overdue: measureOpen(row.status) && row.due_on < today,
    status: row.status,
    statusText: labelOf(MEASURE_STATUSES, row.status),
    reason: row.reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The cases' matched policies (newest case first), read from each case's stored screening result. */
function casePolicies(cases: readonly CaseRow[]) {
  return [...cases]
    .sort((a, b) => b.id - a.id)
    .map((c) => ({ id: c.id, policies: c.result_json ? ((JSON.parse(c.result_json) as Pick<ScreeningResult, 'policies'>).policies ?? []) : [] }));
}

function suggestionsFor(repos: Repositories, row: HouseholdRow, cases: readonly CaseRow[], measures: readonly MeasureRow[]): Suggestion[] {
  return suggestMeasures({
    cases: casePolicies(cases),
    openRisks: Object.keys(JSON.parse(row.open_risks_json) as OpenRisks) as VisitDimension[],
    resources: repos.resources.list().filter((r) => r.retiredAt === null && (r.township === null || r.township === row.township)),
    // Any measure holds its suggestion back, even one that proved impossible: a new try is added by hand.
    measures: measures.map((m) => ({ policyId: m.policy_id, resourceId: m.resource_id })),
    dropped: repos.plan.droppedKeys(row.id),
  });
}

/** The household's plan as staff see it: measures, what the screening and visits suggest, who may own a measure. */
export function toHouseholdPlan(repos: Repositories, row: HouseholdRow, cases: readonly CaseRow[], nowIso: string): HouseholdPlanInfo {
  const measures = repos.plan.ofHousehold(row.id);
  const today = chinaDate(nowIso);
  return {
    measures: measures.map((m) => toMeasure(m, today)),
    suggestions: suggestionsFor(repos, row, cases, measures),
    owners: repos.plan.owners(row.township),
  };
}

/** Every case about the household (linked or the same person), whatever the caller's scope: the household is in it. */
export function casesOfHousehold(repos: Repositories, row: HouseholdRow): CaseRow[] {
  return repos.households.linkedCaseIds(row.id, row.person_key).map((id) => repos.cases.find(id)!);
}

function checkText(field: string, text: string, nowIso: string): void {
  if (personalNumberIn(text, chinaDate(nowIso))) throw invalid(field, PLAN_MESSAGES.personalNumber);
}

/** Adding measures, moving their status, dropping suggestions. */
export function createPlanWork(db: DB, repos: Repositories) {
  const add = db.transaction((row: HouseholdRow, input: PlanMeasureInput, staff: StaffUser, nowIso: string): number => {
    const today = chinaDate(nowIso);
    if (input.dueAt < today) throw invalid('dueAt', PLAN_MESSAGES.dueInvalid);
    const ownerId = input.ownerId ?? staff.id;
    if (!repos.plan.owners(row.township).some((o) => o.id === ownerId)) throw invalid('ownerId', PLAN_MESSAGES.ownerUnknown);
    const cases = casesOfHousehold(repos, row);
    const measures = repos.plan.ofHousehold(row.id);

    let kind: MeasureKind = input.kind;
    let title = (input.title ?? '').trim();
    let policyId: string | null = null;
    let resourceId: number | null = null;
    let referralId: number | null = null;
    let caseId: number | null = input.caseId ?? null;
    if (caseId !== null && !cases.some((c) => c.id === caseId)) throw invalid('caseId', PLAN_MESSAGES.referralUnknown);

    if (input.suggestionKey !== undefined) {
      const suggestion = suggestionsFor(repos, row, cases, measures).find((s) => s.key === input.suggestionKey);
      if (!suggestion) throw invalid('suggestionKey', PLAN_MESSAGES.suggestionUnknown);
      ({ kind, title, policyId, resourceId, caseId } = suggestion);
    } else if (kind === 'policy') {
      const policy = input.policyId ? repos.policyLibrary.find(input.policyId) : undefined;
      if (!policy) throw invalid('policyId', PLAN_MESSAGES.policyUnknown);
      policyId = policy.policy.id;
      title = policy.policy.name;
    } else if (input.referralId !== undefined) {
      const referral = repos.referrals.find(input.referralId);
      if (!referral || !cases.some((c) => c.id === referral.case_id)) throw invalid('referralId', PLAN_MESSAGES.referralUnknown);
      referralId = referral.id;
      resourceId = referral.resource_id;
      caseId = referral.case_id;
      title = referral.resource_name;
    } else if (input.resourceId !== undefined) {
      const resource = repos.resources.find(input.resourceId);
      if (!resource || resource.retiredAt !== null || (resource.township !== null && resource.township !== row.township)) {
        throw invalid('resourceId', PLAN_MESSAGES.resourceUnknown);
      }
      resourceId = resource.id;
      title = resource.name;
    } else if (kind === 'referral') {
      throw invalid('referralId', PLAN_MESSAGES.referralUnknown);
    } else if (kind === 'visit' && !title) {
      title = '定期探访';
    }
    if ([...title].length < 2 || [...title].length > 100) throw invalid('title', PLAN_MESSAGES.titleRequired);
    checkText('title', title, nowIso);

    const duplicate = measures.some(
      (m) =>
        measureOpen(m.status) &&
        ((policyId !== null && m.policy_id === policyId) ||
          (referralId !== null && m.referral_id === referralId) ||
          (referralId === null && resourceId !== null && m.resource_id === resourceId)),
    );
    if (duplicate) throw new AppError('CONFLICT', 409, PLAN_MESSAGES.duplicate);

    return repos.plan.create({
      householdId: row.id,
      kind,
      title,
      policyId,
      resourceId,
      referralId,
      caseId,
      ownerId,
      dueOn: input.dueAt,
      suggestionKey: input.suggestionKey ?? null,
      createdBy: `staff:${staff.id}`,
      now: nowIso,
    });
  });

  return {
    add: (row: HouseholdRow, input: PlanMeasureInput, staff: StaffUser, nowIso: string): number => add.immediate(row, input, staff, nowIso),
    changeStatus(row: HouseholdRow, measureId: number, input: PlanStatusInput, nowIso: string): void {
      const measure = repos.plan.find(measureId);
      if (!measure || measure.household_id !== row.id) throw new AppError('MEASURE_NOT_FOUND', 404);
      const reason = input.reason?.trim() || null;
      const change = measureTransition(measure.status, input.status, reason ?? undefined);
      if (!change.ok) {
        if (change.message === PLAN_MESSAGES.reasonRequired) throw invalid('reason', change.message);
        throw new AppError('INVALID_TRANSITION', 409, change.message);
      }
      if (reason) checkText('reason', reason, nowIso);
      repos.plan.setStatus(measure.id, input.status, input.status === 'not_possible' ? reason : null, nowIso);
    },
    drop(row: HouseholdRow, key: string, staff: StaffUser, nowIso: string): void {
      const offered = suggestionsFor(repos, row, casesOfHousehold(repos, row), repos.plan.ofHousehold(row.id));
      if (!offered.some((s) => s.key === key)) throw invalid('key', PLAN_MESSAGES.suggestionUnknown);
      repos.plan.drop(row.id, key, `staff:${staff.id}`, nowIso);
    },
  };
}
