import { idNumberError } from '@shared/identity/id-number';
import { nameError as sharedNameError } from '@shared/identity/name';
import { phoneError } from '@shared/identity/phone';
import { chinaToday } from '@shared/time';
import { schemaFieldErrors } from '@shared/validation/check';

/**
 * Field checks for the contact and report forms: the person rules come from shared/identity, limits and
 * their messages from the same TypeBox schema the server validates the body with.
 */
export function nameError(raw: string, missing?: string): string | undefined {
  return sharedNameError(raw, missing) ?? undefined;
}

export function requiredPhoneError(raw: string): string | undefined {
  return phoneError(raw) ?? undefined;
}

export function optionalPhoneError(raw: string): string | undefined {
  return raw.trim() ? (phoneError(raw) ?? undefined) : undefined;
}

export function optionalIdNumberError(raw: string): string | undefined {
  return raw.trim() ? (idNumberError(raw.trim(), chinaToday(Date.now())) ?? undefined) : undefined;
}

/** The schema's messages for `body`, keyed by the form's field ids (fields the form does not show are left to the server). */
export function schemaErrors(schema: unknown, body: unknown, fieldIds: Readonly<Record<string, string>>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, message] of Object.entries(schemaFieldErrors(schema, body))) {
    const id = fieldIds[key];
    if (id && !errors[id]) errors[id] = message;
  }
  return errors;
}

/** Only the fields that have a message, in form order, for the error summary. */
export function collectErrors(checks: ReadonlyArray<[field: string, message: string | undefined]>): Array<{ field: string; message: string }> {
  return checks.filter((c): c is [string, string] => c[1] !== undefined).map(([field, message]) => ({ field, message }));
}
