/**
 * Phone numbers residents actually give: an 11-digit mainland mobile (1[3-9]…), or a landline
 * with its area code (0577-64761234, 057764761234). Spaces and dashes are tolerated.
 */
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s\-()（）]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

export function isMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

export function isLandline(phone: string): boolean {
  // Area codes are 010, 02X, or 0 + 3 digits; local numbers have 7 or 8 digits.
  return /^0(10|2\d|[3-9]\d{2})[2-9]\d{6,7}$/.test(phone);
}

export function phoneError(raw: string): string | null {
  const phone = normalizePhone(raw);
  if (phone === '') return '请填写电话号码';
  if (isMobile(phone) || isLandline(phone)) return null;
  if (/^1\d*$/.test(phone)) return '请输入 11 位手机号码';
  if (/^0\d*$/.test(phone)) return '固定电话请带上区号，例如 0577-64761234';
  return '请输入 11 位手机号码，或带区号的固定电话';
}
