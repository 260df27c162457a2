import { computed, ref } from 'vue';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Field errors and a form-level message for one form, resident or staff. Problems are keyed by the form's field
 * names (as the server names them, e.g. "person.phone"); `idOf` maps each onto its input's id, so the error
 * summary links to it and can move focus there.
 */
export function useFormErrors(idOf: (field: string) => string = (field) => field) {
  const fields = ref<Record<string, string>>({});
  const message = ref('');
  /** For <ErrorSummary :errors>: one entry per field, pointing at its input. */
  const summary = computed<FieldError[]>(() => Object.entries(fields.value).map(([field, text]) => ({ field: idOf(field), message: text })));

  function clear(): void {
    fields.value = {};
    message.value = '';
  }
  /** Shows these field problems (a list, or a map by field name) instead of any earlier ones. */
  function show(problems: Readonly<Record<string, string>> | readonly FieldError[]): void {
    clear();
    fields.value = Array.isArray(problems) ? Object.fromEntries(problems.map((p) => [p.field, p.message])) : { ...problems };
  }
  const of = (field: string): string => fields.value[field] ?? '';

  return { fields, message, summary, clear, show, of };
}

export type FormErrors = ReturnType<typeof useFormErrors>;
