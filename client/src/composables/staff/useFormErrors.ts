import { computed, ref } from 'vue';
import { ApiError } from '../../api/http';
import { messageOf } from './staffApi';

/**
 * Field errors and a form-level message for one form. The server's field names are mapped to the
 * ids of the inputs, so the summary can move focus to each one.
 */
export function useFormErrors(idOf: (field: string) => string = (field) => field) {
  const fields = ref<Record<string, string>>({});
  const message = ref('');
  const summary = computed(() => Object.entries(fields.value).map(([field, text]) => ({ field: idOf(field), message: text })));

  function clear(): void {
    fields.value = {};
    message.value = '';
  }
  function fromError(error: unknown): void {
    clear();
    if (error instanceof ApiError && Object.keys(error.fields).length) {
      // 'findings/health' and 'findings.health' both name a field inside an object.
      fields.value = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.replace(/^\//, '').replace(/\//g, '.'), v]));
    } else {
      message.value = messageOf(error);
    }
  }
  const of = (field: string): string => fields.value[field] ?? '';

  return { fields, message, summary, clear, fromError, of };
}
