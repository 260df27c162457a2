import { VISIT_DIMENSIONS } from '@shared/cases/workflow';
import { addDays, chinaDate, endOfWeek } from '@shared/register/cadence';
import { categoryLabel } from '@shared/register/categories';
import type { HouseholdDetailInfo, HouseholdListInfo, HouseholdReviewInput, HouseholdVisitInput } from '@shared/schemas/households';
import { staffApi } from './staffApi';

export type Findings = HouseholdVisitInput['findings'];
export type Dimension = (typeof VISIT_DIMENSIONS)[number]['value'];

/** Today in China, as the server counts visit dates. */
export const todayInChina = (): string => chinaDate(new Date().toISOString());

/** Days from today to Sunday: the worklist's "due this week" (overdue included). */
export function daysToWeekEnd(today = todayInChina()): number {
  return Math.round((Date.parse(endOfWeek(today)) - Date.parse(today)) / 86_400_000);
}

export function listHouseholds(query: Record<string, string>): Promise<HouseholdListInfo> {
  return staffApi<HouseholdListInfo>(`/api/staff/households?${new URLSearchParams(query).toString()}`);
}

export const getHousehold = (id: number | string) => staffApi<HouseholdDetailInfo>(`/api/staff/households/${id}`);

export const recordVisit = (id: number | string, body: HouseholdVisitInput) =>
  staffApi<HouseholdDetailInfo>(`/api/staff/households/${id}/visits`, { method: 'POST', body });

export const recordReview = (id: number | string, body: HouseholdReviewInput) =>
  staffApi<HouseholdDetailInfo>(`/api/staff/households/${id}/reviews`, { method: 'POST', body });

/** The full phone for a call: the server writes an audit row before answering. */
export async function phoneForCall(id: number | string): Promise<string | null> {
  const res = await staffApi<{ person: { phone: string | null } }>(`/api/staff/households/${id}/reveal`, { method: 'POST', body: { reason: 'phone_call' } });
  return res.person.phone;
}

/** A blank visit sheet; a risk still open from an earlier visit starts ticked, so clearing it is a choice. */
export function blankFindings(openRisks: readonly string[] = []): Findings {
  return Object.fromEntries(VISIT_DIMENSIONS.map((d) => [d.value, { text: '', risk: openRisks.includes(d.value) }])) as Findings;
}

/** 12月7日, or 2027年1月4日 in another year. */
export function formatDay(date: string | null, today = todayInChina()): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${String(y) === today.slice(0, 4) ? '' : `${y}年`}${m}月${d}日`;
}

export const STANDING_LABEL: Record<string, string> = { overdue: '已超期', this_week: '本周要去', later: '未到期', ended: '监测期已满' };
export const dimensionLabel = (d: string) => VISIT_DIMENSIONS.find((x) => x.value === d)?.label ?? d;
export { addDays, categoryLabel, VISIT_DIMENSIONS };
