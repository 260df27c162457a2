import { normalizeIdNumber } from '../identity/id-number';

/**
 * What staff typed into the queue's search box, read as one kind of search: a full ID number (found by its
 * blind index), the last 4 digits of a phone or ID (a full mobile counts by its last 4), or a name (matched
 * by its first character, all a masked name keeps). Other digit strings are refused with a hint.
 */
export type QueueSearch =
  | { kind: 'none' }
  | { kind: 'idNumber'; idNumber: string }
  | { kind: 'lastDigits'; digits: string }
  | { kind: 'name'; firstCharacter: string }
  | { kind: 'invalid'; message: string };

export const QUEUE_SEARCH_HINT = '请输入手机号或身份证号的后 4 位，或完整的 18 位身份证号';

export function parseQueueSearch(raw: string | undefined): QueueSearch {
  const typed = (raw ?? '').normalize('NFC').trim();
  const compact = typed.replace(/[\s-]/g, '');
  if (/^\d{17}[\dXx]$/.test(compact)) return { kind: 'idNumber', idNumber: normalizeIdNumber(compact) };
  if (/^\d{4}$/.test(compact)) return { kind: 'lastDigits', digits: compact };
  if (/^1\d{10}$/.test(compact)) return { kind: 'lastDigits', digits: compact.slice(-4) };
  if (/^\d+[Xx]?$/.test(compact)) return { kind: 'invalid', message: QUEUE_SEARCH_HINT };
  if (!typed) return { kind: 'none' };
  return { kind: 'name', firstCharacter: [...typed][0]! };
}
