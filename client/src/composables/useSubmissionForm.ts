import { ref } from 'vue';
import type { SubmissionBody, SubmissionKind } from '../stores/submissions';
import { useFormErrors, type FieldError } from './useFormErrors';
import { useOfflineQueue } from './useOfflineQueue';

/**
 * What the contact and report forms share: their errors (useFormErrors, keyed by the inputs' ids; the page's
 * <ErrorSummary autofocus> takes focus when they change, as on the staff forms), and a submit that goes through
 * the phone's queue and maps the server's field keys (e.g. "person.phone") onto the form's ids.
 */
export function useSubmissionForm<K extends SubmissionKind>(kind: K, fieldIds: Readonly<Record<string, string>>, fallbackField: string) {
  const queue = useOfflineQueue();
  const errors = useFormErrors();
  const submitting = ref(false);

  /**
   * Shows `problems` if there are any; otherwise queues the body and, once the submission is kept, runs
   * `kept` (clear the draft, move on) while the form still counts as submitting, so a second tap during
   * the navigation is ignored.
   */
  async function send(problems: FieldError[], body: () => SubmissionBody<K>, kept: () => Promise<unknown>): Promise<void> {
    if (submitting.value) return;
    if (problems.length) {
      errors.show(problems);
      return;
    }
    errors.clear();
    submitting.value = true;
    try {
      const submission = await queue.submit(kind, body());
      if (submission.state !== 'failed') {
        await kept();
        return;
      }
      const fields = Object.entries(submission.problem?.fields ?? {}).map(([key, message]) => ({ field: fieldIds[key] ?? fallbackField, message }));
      if (fields.length) errors.show(fields);
      else errors.message.value = submission.problem?.message ?? '没能提交，请稍后再试';
    } finally {
      submitting.value = false;
    }
  }

  return { errors, submitting, send };
}
