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

  /** Shows `problems` if there are any; otherwise queues the body. True once the submission is kept. */
  async function send(problems: FieldError[], body: () => SubmissionBody<K>): Promise<boolean> {
    if (submitting.value) return false;
    formProblem.value = undefined;
    if (problems.length) {
      await showErrors(problems);
      return false;
    }
    errors.value = [];
    submitting.value = true;
    try {
      const submission = await queue.submit(kind, body());
      if (submission.state !== 'failed') return true;
      const fields = Object.entries(submission.problem?.fields ?? {}).map(([key, message]) => ({ field: fieldIds[key] ?? fallbackField, message }));
      if (fields.length) await showErrors(fields);
      else formProblem.value = submission.problem?.message ?? '没能提交，请稍后再试';
      return false;
    } finally {
      submitting.value = false;
    }
  }

  return { errors, errorOf, formProblem, submitting, summary, send };
}
