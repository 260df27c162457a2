import { countyOf } from '../../shared/accounts/scope';
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
import type { Store } from '../db/store';
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

async function suggestionsFor(store: Store, row: HouseholdRow, cases: readonly CaseRow[], measures: readonly MeasureRow[]): Promise<Suggestion[]> {
  const { repos } = store;
  return suggestMeasures({
    cases: casePolicies(cases),
    openRisks: Object.keys(JSON.parse(row.open_risks_json) as OpenRisks) as VisitDimension[],
    resources: await repos.resources.activeFor(row.township),
    // Any measure holds its suggestion back, even one that proved impossible: a new try is added by hand.
    measures: measures.map((m) => ({ policyId: m.policy_id, resourceId: m.resource_id })),
    dropped: await repos.plan.droppedKeys(row.id),
  });
}

/** The household's plan as staff see it: measures, what the screening and visits suggest, who may own a measure. */
export async function toHouseholdPlan(store: Store, row: HouseholdRow, cases: readonly CaseRow[], nowIso: string): Promise<HouseholdPlanInfo> {
  const measures = await store.repos.plan.ofHousehold(row.id);
  const today = chinaDate(nowIso);
  return {
    measures: measures.map((m) => toMeasure(m, today)),
    suggestions: await suggestionsFor(store, row, cases, measures),
    owners: await store.repos.plan.owners(row.township),
  };
}

/** Every case about the household (linked or the same person), whatever the caller's scope: the household is in it. */
export async function casesOfHousehold(store: Store, row: HouseholdRow): Promise<CaseRow[]> {
  const ids = await store.repos.households.linkedCaseIds(row.id, row.person_key);
  return Promise.all(ids.map(async (id) => (await store.repos.cases.find(id))!));
}

function checkText(field: string, text: string, nowIso: string): void {
  if (personalNumberIn(text, chinaDate(nowIso))) throw invalid(field, PLAN_MESSAGES.personalNumber);
}

/** Adding measures, moving their status, dropping suggestions. */
export function createPlanWork(store: Store) {
  // The duplicate check reads the household's measures and then adds one: locked by household on PostgreSQL, so
  // two staff adding the same measure at once get one measure and one 409.
  const add = async (tx: Store, row: HouseholdRow, input: PlanMeasureInput, staff: StaffUser, nowIso: string): Promise<number> => {
    const { repos } = tx;
    const today = chinaDate(nowIso);
    if (input.dueAt < today) throw invalid('dueAt', PLAN_MESSAGES.dueInvalid);
    const ownerId = input.ownerId ?? staff.id;
    if (!(await repos.plan.owners(row.township)).some((o) => o.id === ownerId)) throw invalid('ownerId', PLAN_MESSAGES.ownerUnknown);
    await tx.repos.locks.lockKey('household', row.id);
    const cases = await casesOfHousehold(tx, row);
    const measures = await repos.plan.ofHousehold(row.id);

    let kind: MeasureKind = input.kind;
    let title = (input.title ?? '').trim();
    let policyId: string | null = null;
    let resourceId: number | null = null;
    let referralId: number | null = null;
    let caseId: number | null = input.caseId ?? null;
    if (caseId !== null && !cases.some((c) => c.id === caseId)) throw invalid('caseId', PLAN_MESSAGES.referralUnknown);

    if (input.suggestionKey !== undefined) {
      const suggestion = (await suggestionsFor(tx, row, cases, measures)).find((s) => s.key === input.suggestionKey);
      if (!suggestion) throw invalid('suggestionKey', PLAN_MESSAGES.suggestionUnknown);
      ({ kind, title, policyId, resourceId, caseId } = suggestion);
    } else if (kind === 'policy') {
      const policy = input.policyId ? await repos.policyLibrary.find(input.policyId, countyOf(row.township)) : undefined;
      if (!policy) throw invalid('policyId', PLAN_MESSAGES.policyUnknown);
      policyId = policy.policy.id;
      title = policy.policy.name;
    } else if (input.referralId !== undefined) {
      const referral = await repos.referrals.find(input.referralId);
      if (!referral || !cases.some((c) => c.id === referral.case_id)) throw invalid('referralId', PLAN_MESSAGES.referralUnknown);
      referralId = referral.id;
      resourceId = referral.resource_id;
      caseId = referral.case_id;
      title = referral.resource_name;
    } else if (input.resourceId !== undefined) {
      const resource = await repos.resources.find(input.resourceId);
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

    return await repos.plan.create({
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
  };

  const changeStatus = async (tx: Store, row: HouseholdRow, measureId: number, input: PlanStatusInput, nowIso: string): Promise<void> => {
    await tx.repos.locks.lockKey('measure', measureId);
    const measure = await tx.repos.plan.find(measureId);
    if (!measure || measure.household_id !== row.id) throw new AppError('MEASURE_NOT_FOUND', 404);
    const reason = input.reason?.trim() || null;
    const change = measureTransition(measure.status, input.status, reason ?? undefined);
    if (!change.ok) {
      if (change.message === PLAN_MESSAGES.reasonRequired) throw invalid('reason', change.message);
      throw new AppError('INVALID_TRANSITION', 409, change.message);
    }
    if (reason) checkText('reason', reason, nowIso);
    await tx.repos.plan.setStatus(measure.id, input.status, input.status === 'not_possible' ? reason : null, nowIso);
  };

  const drop = async (tx: Store, row: HouseholdRow, key: string, staff: StaffUser, nowIso: string): Promise<void> => {
    await tx.repos.locks.lockKey('household', row.id);
    const offered = await suggestionsFor(tx, row, await casesOfHousehold(tx, row), await tx.repos.plan.ofHousehold(row.id));
    if (!offered.some((s) => s.key === key)) throw invalid('key', PLAN_MESSAGES.suggestionUnknown);
    await tx.repos.plan.drop(row.id, key, `staff:${staff.id}`, nowIso);
  };

  return {
    add: (row: HouseholdRow, input: PlanMeasureInput, staff: StaffUser, nowIso: string): Promise<number> =>
      store.transaction((tx) => add(tx, row, input, staff, nowIso)),
    /** Read and moved in one transaction (the measure locked on PostgreSQL): two answers at once make one move. */
    changeStatus: (row: HouseholdRow, measureId: number, input: PlanStatusInput, nowIso: string): Promise<void> =>
      store.transaction((tx) => changeStatus(tx, row, measureId, input, nowIso)),
    drop: (row: HouseholdRow, key: string, staff: StaffUser, nowIso: string): Promise<void> => store.transaction((tx) => drop(tx, row, key, staff, nowIso)),
  };
}
