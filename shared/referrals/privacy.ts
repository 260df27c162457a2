import { checkIdNumber, normalizeIdNumber } from '../identity/id-number';
import { isLandline, isMobile, normalizePhone } from '../identity/phone';

/** Runs of digits as people type them: with spaces, dashes or brackets in between, an ID may end in X. */
const DIGIT_RUN = /\+?[\d(（][\d\s\-－()（）]{5,}[\dXx]/g;

/**
 * Whether a text written for a partner (a referral's need, a partner's note) contains an ID number or a phone
 * number. Recognised with the same validators the forms use; any 15- or 18-character ID-shaped run counts too,
 * because a mistyped ID number is still someone's ID number.
 */
export function personalNumberIn(text: string, asOf: string): 'id' | 'phone' | null {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const run = match[0];
    const id = normalizeIdNumber(run.replace(/[()（）]/g, ''));
    if (checkIdNumber(id, asOf) === null || /^\d{17}[\dX]$/.test(id) || /^\d{15}$/.test(id)) return 'id';
    const phone = normalizePhone(run);
    if (isMobile(phone) || isLandline(phone) || /^1\d{10}$/.test(phone)) return 'phone';
    // A run with an ID or a mobile inside it (for example glued to another number).
    const digits = run.replace(/\D/g, '');
    if (/1[3-9]\d{9}/.test(digits)) return 'phone';
  }
  return null;
}

export const PERSONAL_NUMBER_MESSAGES = {
  need: '需求说明里不要写身份证号或电话号码。对方接单后，由乡镇决定是否提供联系方式',
  note: '备注里不要写身份证号或电话号码',
} as const;
