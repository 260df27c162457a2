import { nextMeasureStatuses } from '@shared/plan/measures';
import { addDays } from '@shared/register/cadence';
import type { HouseholdPlanInfo, PlanMeasureInput, PlanStatusInput } from '@shared/schemas/plan';
import { staffApi } from './staffApi';
import { todayInChina } from './useHouseholds';

export type Measure = HouseholdPlanInfo['measures'][number];
export type Suggestion = HouseholdPlanInfo['suggestions'][number];

const planUrl = (householdId: number) => `/api/staff/households/${householdId}/plan`;

export const addMeasure = (householdId: number, body: PlanMeasureInput) =>
  staffApi<HouseholdPlanInfo>(planUrl(householdId), { method: 'POST', body });

export const changeMeasureStatus = (householdId: number, measureId: number, body: PlanStatusInput) =>
  staffApi<HouseholdPlanInfo>(`${planUrl(householdId)}/${measureId}/status`, { method: 'POST', body });

export const dropSuggestion = (householdId: number, key: string) =>
  staffApi<HouseholdPlanInfo>(`${planUrl(householdId)}/dropped`, { method: 'POST', body: { key } });

/** The policy library of the household's county (#16): the one a measure's policy is checked against. */
export const listPolicies = (county: string) => staffApi<{ policies: Array<{ id: string; name: string }> }>(`/api/policies?county=${county}`);

/** The due date a new measure starts with: two weeks from today, which staff may change. */
export const defaultDueDate = (): string => addDays(todayInChina(), 14);

// The sheet's words for each step; which steps there are is shared/plan/measures.ts's rule.
const STEP_NAME: Record<PlanStatusInput['status'], string> = { planned: '计划中', under_way: '开始办', done: '已办成', not_possible: '办不成…' };

/** The steps a measure can take from where it stands, as the sheet offers them. */
export function nextSteps(status: Measure['status']): Array<{ status: PlanStatusInput['status']; name: string }> {
  return nextMeasureStatuses(status).map((next) => ({ status: next, name: STEP_NAME[next] }));
}
