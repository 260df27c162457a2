import { nextTick, ref } from 'vue';
import type { SubmissionBody, SubmissionKind } from '../stores/submissions';
import { useOfflineQueue } from './useOfflineQueue';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * What the contact and report forms share: field errors with a focused summary, and a submit that goes
 * through the phone's queue and maps the server's field keys (e.g. "person.phone") onto the form's ids.
 */
export function useSubmissionForm<K extends SubmissionKind>(kind: K, fieldIds: Readonly<Record<string, string>>, fallbackField: string) {
  const queue = useOfflineQueue();
  const errors = ref<FieldError[]>([]);
  const formProblem = ref<string>();
  const submitting = ref(false);
  /** Bound to the page's <ErrorSummary ref="summary">. */
  const summary = ref<{ focus(): void } | null>(null);
  const errorOf = (field: string) => errors.value.find((e) => e.field === field)?.message;

  async function showErrors(list: FieldError[]): Promise<void> {
    errors.value = list;
    await nextTick();
    summary.value?.focus();
  }

  /**
   * Shows `problems` if there are any; otherwise queues the body and, once the submission is kept, runs
   * `kept` (clear the draft, move on) while the form still counts as submitting, so a second tap during
   * the navigation is ignored.
   */
  async function send(problems: FieldError[], body: () => SubmissionBody<K>, kept: () => Promise<unknown>): Promise<void> {
    if (submitting.value) return;
    formProblem.value = undefined;
    if (problems.length) {
      await showErrors(problems);
      return;
    }
    errors.value = [];
    submitting.value = true;
    try {
      const submission = await queue.submit(kind, body());
      if (submission.state !== 'failed') {
        await kept();
        return;
      }
      const fields = Object.entries(submission.problem?.fields ?? {}).map(([key, message]) => ({ field: fieldIds[key] ?? fallbackField, message }));
      if (fields.length) await showErrors(fields);
      else formProblem.value = submission.problem?.message ?? '没能提交，请稍后再试';
    } finally {
      submitting.value = false;
    }
  }

  return { errors, errorOf, formProblem, submitting, summary, send };
}
