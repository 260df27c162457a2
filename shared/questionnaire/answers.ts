/**
 * The type of a complete set of answers, read off the questionnaire data itself,
 * so a new option in QUESTIONS is a new allowed value everywhere without a second edit.
 */
import type { QUESTIONS } from './questions';

type QuestionList = typeof QUESTIONS;
type AnyQuestion = QuestionList[number];

export type QuestionId = AnyQuestion['id'];

type QuestionById<Id extends QuestionId> = Extract<AnyQuestion, { id: Id }>;

type OptionValueOf<Q> = Q extends { readonly options: readonly (infer O)[] }
  ? O extends { readonly value: infer V }
    ? V
    : never
  : never;

type PeriodValueOf<Q> = Q extends { readonly periods: readonly (infer P)[] }
  ? P extends { readonly value: infer V }
    ? V
    : never
  : never;

/** A money figure given per month or per year; a plain number means per month. */
export interface PeriodAmount<P extends string = 'month' | 'year'> {
  readonly amount: number;
  readonly period: P;
}

type AnswerOf<Q> = Q extends { readonly type: 'single' }
  ? OptionValueOf<Q>
  : Q extends { readonly type: 'multi' }
    ? readonly OptionValueOf<Q>[]
    : Q extends { readonly type: 'boolean' }
      ? boolean
      : Q extends { readonly type: 'number'; readonly periods: readonly unknown[] }
        ? number | PeriodAmount<PeriodValueOf<Q>>
        : Q extends { readonly type: 'number' }
          ? number
          : never;

type RequiredIds = Extract<AnyQuestion, { required: true }>['id'];
type OptionalIds = Exclude<QuestionId, RequiredIds>;

export type Answers = { readonly [Id in RequiredIds]: AnswerOf<QuestionById<Id>> } & {
  readonly [Id in OptionalIds]?: AnswerOf<QuestionById<Id>>;
};

/** The allowed values of one question's answer, e.g. `AnswerValue<'housing'>`. */
export type AnswerValue<Id extends QuestionId> = AnswerOf<QuestionById<Id>>;

/** One option value of a single or multi question, e.g. `OptionValue<'support'>`. */
export type OptionValue<Id extends QuestionId> = OptionValueOf<QuestionById<Id>>;

export type ReceivedHelp = Extract<OptionValue<'support'>, `received_${string}`>;
export type FamilySupport = Exclude<OptionValue<'support'>, ReceivedHelp>;
