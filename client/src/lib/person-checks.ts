import { idNumberError } from '@shared/identity/id-number';
import { nameError as sharedNameError } from '@shared/identity/name';
import { phoneError } from '@shared/identity/phone';
import { chinaToday } from '@shared/time';

/** Field checks for the contact and report forms; the rules themselves come from shared/identity. */
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

export function maxLengthError(raw: string, max: number, message: string): string | undefined {
  return [...raw.trim()].length > max ? message : undefined;
}

/** Only the fields that have a message, in form order, for the error summary. */
export function collectErrors(checks: ReadonlyArray<[field: string, message: string | undefined]>): Array<{ field: string; message: string }> {
  return checks.filter((c): c is [string, string] => c[1] !== undefined).map(([field, message]) => ({ field, message }));
}
