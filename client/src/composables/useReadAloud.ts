import { useSpeech } from './useSpeech';

/** Elements whose words are not part of what the page says (the read button itself, decorations). */
const SKIP = '[data-read-skip], [aria-hidden="true"], script, style';

/**
 * The words a page shows, as the phone would read them aloud: visible text only (a closed section is
 * not read), each block a sentence, controls marked `data-read-skip` left out.
 */
export function visibleText(root: HTMLElement): string {
  let text = root.innerText;
  for (const skipped of root.querySelectorAll<HTMLElement>(SKIP)) {
    const words = skipped.innerText?.trim();
    if (words) text = text.replace(words, '');
  }
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (/[。！？：；，、…]$/.test(line) ? line : `${line}。`))
    .join('');
}

/** 「读给我听」: reads the page's own words (or a given text); a second tap stops. */
export function useReadAloud() {
  const speech = useSpeech();
  function toggle(what: HTMLElement | string | null | undefined): void {
    if (speech.speaking.value) return speech.stop();
    const text = typeof what === 'string' ? what : what ? visibleText(what) : '';
    if (text) speech.speak(text);
  }
  return { supported: speech.supported, speaking: speech.speaking, toggle };
}
