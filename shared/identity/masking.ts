/**
 * Masked by default everywhere staff look: 张*明, 3303**********1234, 138****5678.
 * Reveal shows the real value and is audited on the server.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  return `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}`;
}

/** Keeps the village-level part a visitor needs to find the area, hides the house number. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  if (chars.length <= 6) return `${chars.slice(0, 2).join('')}****`;
  return `${chars.slice(0, 6).join('')}****`;
}

/** What a read-only account sees in place of free text until it reveals the case (the reveal is audited). */
export const FREE_TEXT_HIDDEN = '已隐藏，查看完整信息后可见';

// Digits may be typed with spaces or dashes between them; the capture before keeps a longer number whole.
const ID_IN_TEXT = /(^|[^\dA-Za-z])(\d{6}(?:[\s-]?\d){11}[\s-]?[\dXx]|\d{6}(?:[\s-]?\d){9})(?![\dA-Za-z])/g;
const PHONE_IN_TEXT = /(^|\D)((?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}|0\d{2,3}[\s-]?\d{7,8})(?!\d)/g;

/**
 * Free text staff typed (visit findings, notes, reasons) or a reporter wrote can hold an ID number or
 * a phone: those are masked like the fields are (3303**********1234, 138****5678); the rest stays.
 */
export function maskFreeText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (_all, before: string, id: string) => `${before}${maskIdNumber(id.replace(/[\s-]/g, ''))}`)
    .replace(PHONE_IN_TEXT, (_all, before: string, phone: string) => `${before}${maskPhone(phone.replace(/[\s-]/g, '').replace(/^\+?86(?=1)/, ''))}`);
}
