/**
 * The kinds of help a screening can point to (CONTRACT outcome ids), in the order results list them,
 * which is also the order the engine evaluates them: later rules may ask about earlier outcomes.
 */

export const OUTCOME_IDS = [
  'tekun',
  'dibao',
  'dibao_edge',
  'rigid_expense',
  'temporary',
  'medical',
  'education',
  'housing',
  'employment',
] as const;

export type OutcomeId = (typeof OUTCOME_IDS)[number];

export interface OutcomeDefinition {
  readonly id: OutcomeId;
  readonly title: string;
  /** `all`: every criterion must hold (an entitlement); `any`: one situation is enough (a trigger). */
  readonly combine: 'all' | 'any';
  /** Risk level when this outcome is likely; an outcome needing a check is always blue. */
  readonly likelyLevel: 'red' | 'yellow';
  /** Not shown when one of these is likely: a 低保 household is not also pointed to 低边. */
  readonly supersededBy: readonly OutcomeId[];
}

export const OUTCOMES: readonly OutcomeDefinition[] = [
  { id: 'tekun', title: '特困人员救助供养', combine: 'all', likelyLevel: 'red', supersededBy: [] },
  { id: 'dibao', title: '最低生活保障', combine: 'all', likelyLevel: 'red', supersededBy: ['tekun'] },
  { id: 'dibao_edge', title: '低保边缘家庭', combine: 'all', likelyLevel: 'yellow', supersededBy: ['tekun', 'dibao'] },
  {
    id: 'rigid_expense',
    title: '刚性支出困难/支出型贫困',
    combine: 'all',
    likelyLevel: 'yellow',
    supersededBy: ['tekun', 'dibao'],
  },
  { id: 'temporary', title: '临时救助', combine: 'any', likelyLevel: 'yellow', supersededBy: [] },
  { id: 'medical', title: '医疗救助', combine: 'any', likelyLevel: 'yellow', supersededBy: [] },
  { id: 'education', title: '教育救助', combine: 'any', likelyLevel: 'yellow', supersededBy: [] },
  { id: 'housing', title: '住房救助', combine: 'any', likelyLevel: 'yellow', supersededBy: [] },
  { id: 'employment', title: '就业救助', combine: 'all', likelyLevel: 'yellow', supersededBy: [] },
];

/** Outcomes that mark a household as being in basic hardship; specialised aid builds on them. */
export const BASIC_OUTCOMES: readonly OutcomeId[] = ['tekun', 'dibao', 'dibao_edge', 'rigid_expense'];
