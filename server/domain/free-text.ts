import { FREE_TEXT_HIDDEN, maskFreeText } from '../../shared/identity/masking';

/**
 * Free text inside a timeline step's recorded detail: notes, reasons, who it was referred to, the
 * feedback text, and the six visit findings. Everything else there is a code or a label.
 */
const FREE_TEXT_KEYS = new Set(['note', 'reason', 'to', 'text']);

export type FreeTextView = 'masked' | 'hidden' | 'full';

export function showFreeText(text: string, view: FreeTextView): string {
  if (view === 'full') return text;
  if (view === 'hidden') return FREE_TEXT_HIDDEN;
  return maskFreeText(text);
}

export function showEventDetail(detail: Record<string, unknown> | null, view: FreeTextView): Record<string, unknown> | null {
  if (!detail || view === 'full') return detail;
  return Object.fromEntries(
    Object.entries(detail).map(([key, value]) => {
      if (FREE_TEXT_KEYS.has(key) && typeof value === 'string') return [key, showFreeText(value, view)];
      if (key === 'findings' && value && typeof value === 'object') {
        return [key, Object.fromEntries(Object.entries(value).map(([d, text]) => [d, typeof text === 'string' ? showFreeText(text, view) : text]))];
      }
      return [key, value];
    }),
  );
}

/** Only feedback has typed text as its public line; the other public lines are fixed sentences. */
export function showPublicText(type: string, publicText: string | null, view: FreeTextView): string | null {
  return publicText !== null && type === 'feedback' ? showFreeText(publicText, view) : publicText;
}
