/**
 * 跟踪回访至清零: a dimension flagged as a risk on a visit stays open, with the day it was first
 * flagged, until a later visit records that dimension without the flag.
 */
import { VISIT_DIMENSIONS } from '../cases/workflow';

export type VisitDimension = (typeof VISIT_DIMENSIONS)[number]['value'];
export type Findings = Record<VisitDimension, { text: string; risk: boolean }>;
/** Open risks: dimension → the China date it was first flagged. */
export type OpenRisks = Partial<Record<VisitDimension, string>>;

export interface RiskChange {
  open: OpenRisks;
  raised: VisitDimension[];
  cleared: VisitDimension[];
}

export function carryRisks(before: OpenRisks, findings: Findings, visitedOn: string): RiskChange {
  const open: OpenRisks = {};
  const raised: VisitDimension[] = [];
  const cleared: VisitDimension[] = [];
  for (const { value: dimension } of VISIT_DIMENSIONS) {
    const since = before[dimension];
    if (findings[dimension].risk) {
      open[dimension] = since ?? visitedOn;
      if (!since) raised.push(dimension);
    } else if (since) cleared.push(dimension);
  }
  return { open, raised, cleared };
}

/** What the retention period leaves of a visit's findings: which dimensions were risks, none of the words. */
export function redactedFindings(findings: Findings, marker: string): Findings {
  return Object.fromEntries(VISIT_DIMENSIONS.map(({ value }) => [value, { text: findings[value]?.text ? marker : '', risk: findings[value]?.risk ?? false }])) as Findings;
}
