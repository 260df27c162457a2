import { labelOf } from '../../shared/cases/labels';
import { DECISIONS } from '../../shared/cases/workflow';
import type { HelpFiguresInfo } from '../../shared/schemas/admin-reports';
import { TARGET_CLASS_LABEL, type TargetClass } from '../../shared/screening/result';
import type { Store } from '../db/store';
import type { StatsRange } from '../repositories/admin-stats';
import type { Vault } from './crypto';

type Resource = HelpFiguresInfo['byResource'][number];
type Policy = HelpFiguresInfo['byPolicy'][number];

/**
 * What 政策找人 reports to the district each quarter: the people found by target class, the decisions made,
 * the policies applied for through household plans, and each resource's referrals and how they ended.
 * Every class and decision is listed, with 0 where none, so quarters line up in a spreadsheet.
 */
export async function helpStats({ repos }: Store, vault: Vault, range: StatsRange, place?: string): Promise<HelpFiguresInfo> {
  // A township or a county code (#16); null: everywhere.
  const scope = place ?? null;
  const classes = new Map((await repos.adminStats.targetClasses(range, scope)).map((r) => [r.target_class ?? 'none', r.n]));
  const byTargetClass = [
    ...(Object.keys(TARGET_CLASS_LABEL) as TargetClass[]).map((value) => ({ value, label: TARGET_CLASS_LABEL[value], count: classes.get(value) ?? 0 })),
    { value: 'none', label: '未判断类别', count: classes.get('none') ?? 0 },
  ];

  const decided = new Map<string, number>();
  for (const detail of await repos.adminStats.decisionDetails(range, scope)) {
    const decision = detail ? vault.decrypt<{ decision?: string }>(detail).decision : undefined;
    if (decision) decided.set(decision, (decided.get(decision) ?? 0) + 1);
  }
  const byDecision = DECISIONS.map((d) => ({ value: d.value, label: labelOf(DECISIONS, d.value), count: decided.get(d.value) ?? 0 }));

  const policies = new Map<string, Policy>();
  for (const row of await repos.adminStats.policyMeasures(range, scope)) {
    const p = policies.get(row.policy_id) ?? { policyId: row.policy_id, name: row.name, measures: 0, open: 0, done: 0, notPossible: 0 };
    p.measures += row.n;
    if (row.status === 'done') p.done += row.n;
    else if (row.status === 'not_possible') p.notPossible += row.n;
    else p.open += row.n;
    policies.set(row.policy_id, p);
  }

  const resources = new Map<number, Resource>();
  for (const row of await repos.adminStats.referralsByResource(range, scope)) {
    const r = resources.get(row.resource_id) ?? { resourceId: row.resource_id, name: row.name, kind: row.kind, referrals: 0, waiting: 0, accepted: 0, declined: 0, completed: 0 };
    r.referrals += row.n;
    if (row.status === 'planned') r.waiting += row.n;
    else if (row.status === 'accepted' || row.status === 'declined' || row.status === 'completed') r[row.status] += row.n;
    resources.set(row.resource_id, r);
  }

  return { byTargetClass, byDecision, byPolicy: [...policies.values()], byResource: [...resources.values()] };
}
