/**
 * What a screening tells the resident: the CONTRACT fields of POST /api/screenings plus what the
 * client needs to explain them (three verdicts, criteria with their state, what staff must check).
 */
import type { RiskLevel } from '../cases/risk';
import type { ReceivedHelp } from '../questionnaire/answers';
import type { MonthlyEstimate } from './estimates';
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
  /** An estimated monthly amount, where the rules allow one (低保 补差, 特困 standard). */
  estimate?: MonthlyEstimate;
}

/** Help anyone may ask for, whatever the result: no qualification needed to ask. */
export interface OpenHelp {
  readonly id: 'temporary' | 'station' | 'wish';
  readonly title: string;
  readonly text: string;
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
  /** The one sentence the first screen shows under the verdict, in the resident's own numbers. */
  mainReason: string;
  /** 暂不符合: why not, in the resident's own numbers (empty otherwise). */
  whyNot: string[];
  /** 暂不符合: what the self-check did not judge at all (empty otherwise). */
  notJudged: string[];
  /** 暂不符合: help that needs no qualification (empty otherwise). */
  openHelp: OpenHelp[];
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
  '按您填的情况，暂时看不出符合低保、低保边缘等救助的条件。家里如果突然遇到急事难事，比如看病花了一大笔钱、出了意外、' +
  '一下子断了收入，可以申请临时救助；情况紧急的，乡镇（街道）可以先行救助。有拿不准的地方，随时打电话问问乡镇（街道）民政办。';

/** Said where the result says what it is based on (not 「和县里的系统核对过」, which promised more than it is). */
export const BASIS_TEXT = '按本县现行标准计算';

/** The first-screen reason when 暂不符合 has no figure to point to. */
export const UNLIKELY_MAIN_REASON = '按您填的情况，暂时看不出符合低保、低保边缘等救助的条件';

/** What the 12 questions do not judge at all, so 暂不符合 is never read as 「什么帮助都没有」. */
export const NOT_JUDGED: readonly string[] = [
  '残疾人两项补贴、高龄津贴、养老服务补贴等其他补贴',
  '医疗救助、教育资助、住房救助里要看病历、学籍、房屋情况的部分',
  '家里每个人的具体情况，比如子女有没有能力赡养',
];

export const OPEN_HELP: readonly OpenHelp[] = [
  {
    id: 'temporary',
    title: '临时救助（急难）',
    text: '突然遇到看病花了一大笔钱、出了意外、一下子断了收入等急事，不用先符合低保，也可以申请；情况紧急的，乡镇（街道）可以先行救助。',
  },
  {
    id: 'station',
    title: '助联体服务站',
    text: '村（社区）的助联体服务站有社工和志愿者，可以帮忙办事、上门看望、联系需要的服务。',
  },
  {
    id: 'wish',
    title: '微心愿',
    text: '生活上有一件具体的小难处，比如缺一台取暖器、想找人陪同看病，可以登记微心愿，由爱心人士认领。',
  },
];
