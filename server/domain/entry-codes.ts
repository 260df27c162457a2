import { randomInt } from 'node:crypto';

// Crockford-style: no 0/O/1/I/L/U, so a code read aloud or typed from a poster is unambiguous.
export const ENTRY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ENTRY_CODE_LENGTH = 10;
const PATTERN = new RegExp(`^[${ENTRY_CODE_ALPHABET}]{${ENTRY_CODE_LENGTH}}$`);

/** 30^10 ≈ 5.9e14 codes: printed codes cannot be enumerated by guessing. */
export function generateEntryCode(): string {
  let code = '';
  for (let i = 0; i < ENTRY_CODE_LENGTH; i++) code += ENTRY_CODE_ALPHABET[randomInt(ENTRY_CODE_ALPHABET.length)];
  return code;
}

export function isEntryCodeShape(code: string): boolean {
  return PATTERN.test(code);
}

export function entryUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl}/q/${code}`;
}
