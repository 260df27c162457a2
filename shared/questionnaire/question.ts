/**
 * The shape of one self-check question, as served by GET /api/questionnaire.
 * The CONTRACT fields come first; the rest are additions the client may use to render and explain.
 */

export const QUESTION_TOPICS = [
  'residence',
  'household_size',
  'special_members',
  'labour',
  'income',
  'income_change',
  'financial_assets',
  'housing',
  'vehicle',
  'medical_expense',
  'education_expense',
  'support',
] as const;

export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

export type QuestionType = 'single' | 'multi' | 'number' | 'boolean';

export interface QuestionOption {
  readonly value: string;
  readonly label: string;
  /** For multi questions split into parts (see `groups`): the part this option belongs to. */
  readonly group?: string;
  /** A 「没有 / 都没有」 answer: it cannot be chosen together with another option of its part. */
  readonly exclusive?: boolean;
}

/** One part of a multi question; `one` means exactly one option of the part, `some` at least one. */
export interface OptionGroup {
  readonly id: string;
  readonly title: string;
  /** A few words naming the part, for error messages. */
  readonly shortTitle: string;
  readonly select: 'one' | 'some';
}

/** How a money figure was given: people think of pensions monthly and of farm income yearly. */
export interface PeriodOption {
  readonly value: 'month' | 'year';
  readonly label: string;
}

export interface Question {
  readonly id: string;
  readonly topic: QuestionTopic;
  readonly title: string;
  /** A few words naming the answer, for error messages and the 「检查您的回答」 page. */
  readonly shortTitle: string;
  readonly help?: string;
  readonly type: QuestionType;
  readonly options?: readonly QuestionOption[];
  readonly groups?: readonly OptionGroup[];
  readonly min?: number;
  readonly max?: number;
  /** Whole numbers only (people, not money). */
  readonly integer?: boolean;
  readonly unit?: string;
  /**
   * When present the answer may be a plain number (read as per month) or `{amount, period}`.
   * The client shows these as a 「每月 / 每年」 switch.
   */
  readonly periods?: readonly PeriodOption[];
  /** A worked example, added to the message when the answer is missing or out of range. */
  readonly example?: string;
  /** Label of a button that answers 0, so 「没有」 is a real answer and 0 is never prefilled. */
  readonly zeroLabel?: string;
  readonly required: boolean;
}
