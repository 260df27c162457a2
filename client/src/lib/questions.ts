import type { Question, QuestionId } from '@shared/questionnaire/index';
import { QUESTIONS } from '@shared/questionnaire/questions';
import { validateAnswers } from '@shared/questionnaire/validate';

/** The questionnaire as plain Question objects, in order (1-based numbers in URLs). */
export const QUESTION_LIST: readonly Question[] = QUESTIONS;
export const QUESTION_COUNT = QUESTION_LIST.length;

export function questionAt(n: number): Question | undefined {
  return Number.isInteger(n) ? QUESTION_LIST[n - 1] : undefined;
}

/** The shared validator's message for one answer (undefined when it is fine). */
export function answerError(id: QuestionId | string, value: unknown): string | undefined {
  const result = validateAnswers({ [id]: value });
  return result.ok ? undefined : result.fields[id];
}
