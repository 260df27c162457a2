/** Tracking codes: 12 unambiguous characters (30^12 ≈ 5×10^17), shown as XXXX-XXXX-XXXX. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_LENGTH = 12;

export function normalizeTrackingCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}

export function isTrackingCode(code: string): boolean {
  return code.length === TRACKING_LENGTH && [...code].every((c) => TRACKING_ALPHABET.includes(c));
}

export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
