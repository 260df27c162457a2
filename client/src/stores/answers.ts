import { computed } from 'vue';
import { defineStore } from 'pinia';
import type { Answers } from '@shared/questionnaire/index';
import { QUESTIONNAIRE_VERSION } from '@shared/questionnaire/questions';
import { validateAnswers } from '@shared/questionnaire/validate';
import { usePersisted } from '../composables/usePersisted';
import { QUESTION_LIST, answerError } from '../lib/questions';

/** `self`: the resident's own check; `behalf`: a reporter answering for someone else (代填). */
export type Sheet = 'self' | 'behalf';

/** Answers as chosen so far; a value is only present once the person gave it. */
export type Draft = Record<string, unknown>;

type Saved = Record<Sheet, Draft>;

const empty = (): Saved => ({ self: {}, behalf: {} });

function isDraft(value: unknown): value is Draft {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** After a questionnaire change, keep only the answers that are still valid for the new questions. */
function keepStillValid(old: unknown): Saved {
  const saved = empty();
  if (!isDraft(old)) return saved;
  for (const sheet of ['self', 'behalf'] as const) {
    const draft = old[sheet];
    if (!isDraft(draft)) continue;
    for (const question of QUESTION_LIST) {
      if (question.id in draft && answerError(question.id, draft[question.id]) === undefined) saved[sheet][question.id] = draft[question.id];
    }
  }
  return saved;
}

/** Every answer is saved on the phone the moment it is chosen, and survives a reload. */
export const useAnswersStore = defineStore('answers', () => {
  const saved = usePersisted<Saved>('xfm.answers', {
    version: QUESTIONNAIRE_VERSION,
    initial: empty,
    accept: (data): data is Saved => isDraft(data) && isDraft(data.self) && isDraft(data.behalf),
    migrate: keepStillValid,
  });

  function draft(sheet: Sheet): Readonly<Draft> {
    return saved.value[sheet];
  }

  function set(sheet: Sheet, id: string, value: unknown): void {
    if (value === undefined) {
      const { [id]: _dropped, ...rest } = saved.value[sheet];
      saved.value[sheet] = rest;
    } else {
      saved.value[sheet] = { ...saved.value[sheet], [id]: value };
    }
  }

  function clear(sheet: Sheet): void {
    saved.value[sheet] = {};
  }

  /** The first question (1-based) without a valid answer, or undefined when all are answered. */
  function firstUnanswered(sheet: Sheet): number | undefined {
    const index = QUESTION_LIST.findIndex((q) => answerError(q.id, saved.value[sheet][q.id]) !== undefined);
    return index === -1 ? undefined : index + 1;
  }

  /** The complete, validated answers, or undefined while something is missing. */
  function complete(sheet: Sheet): Answers | undefined {
    const result = validateAnswers(saved.value[sheet]);
    return result.ok ? result.answers : undefined;
  }

  const answeredCount = computed(() => ({
    self: Object.keys(saved.value.self).length,
    behalf: Object.keys(saved.value.behalf).length,
  }));

  return { draft, set, clear, firstUnanswered, complete, answeredCount };
});
