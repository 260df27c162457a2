import { idNumberCheckChar } from '../../shared/identity/id-number';

/** A well-formed but invented ID number (valid GB 11643 check character). */
export function fakeIdNumber(first17 = '33032719560307123'): string {
  return first17 + idNumberCheckChar(first17);
}
