/**
 * Mainland resident ID numbers (GB 11643-1999): 17 digits + a check character (0-9 or X),
 * with a birth date in positions 7–14. Pure: the caller passes `asOf` instead of reading the clock.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'birth_date' | 'check_digit';

export function normalizeIdNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/x$/, 'X');
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function checkIdNumber(raw: string, asOf: string): IdNumberProblem | null {
  const id = normalizeIdNumber(raw);
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const valid = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  const today = new Date(`${asOf}T00:00:00Z`);
  if (!valid || year < 1900 || birth > today) return 'birth_date';
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return null;
}

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  length: '身份证号码应为 18 位，请核对',
  characters: '身份证号码只能是数字，最后一位可以是 X',
  birth_date: '身份证号码里的出生日期不对，请核对',
  check_digit: '身份证号码有一位不对，请对照身份证再核对一遍',
};

export function idNumberError(raw: string, asOf: string): string | null {
  const problem = checkIdNumber(raw, asOf);
  return problem ? ID_NUMBER_MESSAGES[problem] : null;
}
