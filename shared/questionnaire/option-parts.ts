import type { OptionGroup, Question, QuestionOption } from './question';

// Kept apart from schema.ts so the phone's question pages don't pull TypeBox in with it.
export interface OptionPart {
  readonly group?: OptionGroup;
  readonly select: 'one' | 'some';
  readonly options: readonly QuestionOption[];
}

/** The options of each part of a multi question; a question without groups is one part. */
export function optionParts(question: Question): OptionPart[] {
  const options = question.options ?? [];
  if (!question.groups) return [{ select: 'some', options }];
  return question.groups.map((group) => ({
    group,
    select: group.select,
    options: options.filter((option) => option.group === group.id),
  }));
}
