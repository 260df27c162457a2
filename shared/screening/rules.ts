/**
 * Every screening rule, as data: `{id, outcome, criterion, when, reason}`.
 * `criterion` is what the client lists under an outcome; `reason` is said to the resident when the
 * rule holds, filled with their numbers; `checkReason` when it is close or uncertain; `notMetReason`
 * when it does not hold and the result is 暂不符合.
 * Slots: household facts (see templates.ts FACT_SLOTS) and limits (limits.ts), e.g. {dibaoLine}.
 * Changing what a rule decides is a new RULES_VERSION. The rules themselves are in rules-basic.ts and
 * rules-special.ts; pieces they share in rule-parts.ts.
 */
import type { Condition } from './conditions';
import type { OutcomeId } from './outcomes';
import type { CannotJudge } from './result';
import { BASIC_RULES } from './rules-basic';
import { SPECIAL_RULES } from './rules-special';

export const RULES_VERSION = '1.0';

export interface Rule {
  /** `<outcome>.<what it checks>`; stable, tests and case records refer to it. */
  readonly id: string;
  readonly outcome: OutcomeId;
  readonly criterion: string;
  readonly when: Condition;
  readonly reason: string;
  readonly checkReason?: string;
  /** Said when the rule does not hold and nothing was found (暂不符合), in the resident's numbers. */
  readonly notMetReason?: string;
  /** What staff must find out when this rule is only a check. */
  readonly cannotJudge?: CannotJudge;
  /** Its reason leads the result's first screen when its outcome comes first (the income test, usually). */
  readonly headline?: boolean;
  /** When it holds the case is red whatever else holds (no roof tonight). */
  readonly urgent?: boolean;
}

/** All rules, grouped by outcome in OUTCOMES order. */
export const RULES: readonly Rule[] = [...BASIC_RULES, ...SPECIAL_RULES];
