/**
 * What the screening result and the visit findings suggest for a household's plan: the policies its cases
 * already matched, and the resources whose service types fit the needs a visit left open. Staff accept a
 * suggestion (it becomes a planned measure) or drop it; neither comes back.
 */
import type { VisitDimension } from '../register/risks';
import type { MeasureKind } from './measures';

/** Which service types answer an open risk in each of the six visit dimensions. */
export const SERVICE_TYPES_FOR_RISK: Readonly<Record<VisitDimension, readonly string[]>> = {
  economy: ['物资帮扶', '就业帮扶'],
  health: ['医疗陪护', '残疾康复', '心理疏导'],
  education: ['助学', '儿童关爱'],
  housing: ['住房改造'],
  employment: ['就业帮扶'],
  needs: ['生活照料', '心理疏导', '法律援助', '物资帮扶'],
};

const DIMENSION_WORDS: Readonly<Record<VisitDimension, string>> = {
  economy: '经济',
  health: '健康',
  education: '教育',
  housing: '住房',
  employment: '就业',
  needs: '主要需求',
};

export interface SuggestionInputs {
  /** The household's cases with the policies their screening matched (newest case first). */
  cases: ReadonlyArray<{ id: number; policies: ReadonlyArray<{ id: string; name: string }> }>;
  /** Dimensions the latest visit left open. */
  openRisks: readonly VisitDimension[];
  /** Active resources serving the household's township or the whole county. */
  resources: ReadonlyArray<{ id: number; name: string; kind: string; serviceTypes: readonly string[] }>;
  /** What the plan already holds. */
  measures: ReadonlyArray<{ policyId: string | null; resourceId: number | null }>;
  /** Keys staff dropped. */
  dropped: readonly string[];
}

export interface Suggestion {
  key: string;
  kind: MeasureKind;
  title: string;
  reason: string;
  policyId: string | null;
  resourceId: number | null;
  caseId: number | null;
}

export function policyKey(policyId: string): string {
  return `policy:${policyId}`;
}
export function resourceKey(resourceId: number): string {
  return `resource:${resourceId}`;
}

export function suggestMeasures(input: SuggestionInputs): Suggestion[] {
  const dropped = new Set(input.dropped);
  const planned = new Set(input.measures.flatMap((m) => [m.policyId ? policyKey(m.policyId) : null, m.resourceId !== null ? resourceKey(m.resourceId) : null]));
  const skip = (key: string) => dropped.has(key) || planned.has(key);

  const policies = new Map<string, Suggestion & { caseIds: number[] }>();
  for (const c of input.cases) {
    for (const p of c.policies) {
      const key = policyKey(p.id);
      if (skip(key)) continue;
      const seen = policies.get(key);
      if (seen) seen.caseIds.push(c.id);
      else policies.set(key, { key, kind: 'policy', title: p.name, reason: '', policyId: p.id, resourceId: null, caseId: c.id, caseIds: [c.id] });
    }
  }
  const fromCases = [...policies.values()].map(({ caseIds, ...s }) => ({ ...s, reason: `预判结果匹配（案件 ${caseIds.map((id) => `#${id}`).join('、')}）` }));

  const fromRisks: Suggestion[] = [];
  for (const r of input.resources) {
    const key = resourceKey(r.id);
    if (skip(key)) continue;
    const fits = input.openRisks.filter((d) => SERVICE_TYPES_FOR_RISK[d].some((t) => r.serviceTypes.includes(t)));
    if (fits.length === 0) continue;
    fromRisks.push({
      key,
      kind: r.kind === 'wish' ? 'wish' : 'referral',
      title: r.name,
      reason: `探访发现${fits.map((d) => DIMENSION_WORDS[d]).join('、')}方面有困难`,
      policyId: null,
      resourceId: r.id,
      caseId: null,
    });
  }
  return [...fromCases, ...fromRisks];
}
