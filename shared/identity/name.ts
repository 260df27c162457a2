/** A person's name as residents type it: required, at most 30 characters (minority names can be long). */
export const NAME_MAX_LENGTH = 30;

export const NAME_HIDDEN_CHARACTER_MESSAGE = '姓名里有看不见的特殊符号（可能是复制粘贴带进来的），请删掉后重新输入';

/**
 * Characters no name contains and that make one name look like another or reorder the text around it:
 * control characters, zero-width characters and joiners, and bidirectional marks, embeddings, overrides
 * and isolates (the "Trojan Source" characters). The middle dot of minority names (·) stays allowed.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;

/** A UTF-16 surrogate without its partner: not a character at all (checked by hand, old browsers lack isWellFormed). */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/** The stored form of a name: NFC (one code point sequence per look), trimmed, single spaces. */
export function normalizeName(raw: string): string {
  const text = hasLoneSurrogate(raw) ? raw : raw.normalize('NFC');
  return text.trim().replace(/[ \u3000]+/g, ' ');
}

export function nameError(raw: string, missing = '请填写姓名'): string | null {
  if (hasLoneSurrogate(raw) || HIDDEN.test(raw)) return NAME_HIDDEN_CHARACTER_MESSAGE;
  const name = normalizeName(raw);
  if (!name) return missing;
  if ([...name].length > NAME_MAX_LENGTH) return `姓名请控制在 ${NAME_MAX_LENGTH} 个字以内`;
  return null;
}
