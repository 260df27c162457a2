import { randomInt } from 'node:crypto';
import { TRACKING_ALPHABET, TRACKING_LENGTH } from '../../shared/cases/tracking-code';

export function generateTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_LENGTH; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}
