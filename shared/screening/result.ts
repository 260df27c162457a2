/**
 * What a screening tells the resident: the CONTRACT fields of POST /api/screenings plus what the
 * client needs to explain them (three verdicts, criteria with their state, what staff must check).
 */
import type { RiskLevel } from '../cases/risk';
import type { ReceivedHelp } from '../questionnaire/answers';
import type { OutcomeId } from './outcomes';

export type Level = RiskLevel;
export type Verdict = 'likely' | 'check' | 'unlikely';
export type OutcomeStatus = 'likely' | 'check';
export type CriterionState = 'met' | 'not_met' | 'check';
/** Seed 004's three target classes. */
export type TargetClass = 'missing' | 'insufficient' | 'warning';

export interface Criterion {
  readonly text: string;
  readonly state: CriterionState;
}

/** Something the questions cannot settle, and who can. */
export interface CannotJudge {
  readonly text: string;
  readonly askWhom: string;
}

export interface ScreeningOutcome {
  id: OutcomeId;
  title: string;
  status: OutcomeStatus;
  statusText: string;
  reasons: string[];
  /** Ids of the rules behind `reasons`, in the same order. */
  reasonIds: string[];
  criteria: Criterion[];
  /** e.g. 「满足 5 项中的 4 项，还有 1 项需要工作人员核实」 */
  summary: string;
}

export interface MatchedPolicy {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  readonly summary: string;
}

export interface ReceivingNow {
  readonly id: ReceivedHelp;
  readonly label: string;
}

export interface ScreeningResult {
  suspected: boolean;
  level: Level;
  outcomes: ScreeningOutcome[];
  policies: MatchedPolicy[];
  rulesVersion: string;
  verdict: Verdict;
  verdictText: string;
  targetClass: TargetClass | null;
  targetClassLabel: string | null;
  alreadyReceiving: ReceivingNow[];
  cannotJudge: CannotJudge[];
  /** Where to turn when nothing matched: never a dead end. The phone number is added by the server. */
  fallback: string | null;
  disclaimer: string;
}

export const VERDICT_TEXT: { readonly [V in Verdict]: string } = {
  likely: '您可能符合',
  check: '需要进一步了解',
  unlikely: '暂不符合',
};

export const OUTCOME_STATUS_TEXT: { readonly [S in OutcomeStatus]: string } = {
  likely: '可能符合',
  check: '需要进一步了解',
};

export const TARGET_CLASS_LABEL: { readonly [C in TargetClass]: string } = {
  missing: '救助缺失',
  insufficient: '救助不充分',
  warning: '救助预警',
};

export const DISCLAIMER = '最终以民政部门核查为准';

export const FALLBACK_TEXT =
  '按您填的情况，暂时看不出符合上面这些帮助的条件。家里如果突然遇到急事难事，比如看病花了一大笔钱、出了意外、' +
  '一下子断了收入，可以申请临时救助；情况紧急的，乡镇（街道）可以先行救助。有拿不准的地方，随时打电话问问乡镇（街道）民政办。';
