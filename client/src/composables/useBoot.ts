import type { EntryInfo } from '@shared/schemas/entries';

export interface BootData {
  entry?: EntryInfo | null;
  county?: string;
  /** The county civil-affairs bureau's phone, for pages with no township to call (an unknown 幸福码). */
  countyPhone?: string;
  problem?: 'ENTRY_NOT_FOUND' | 'ENTRY_DISABLED';
}

let cached: BootData | undefined;

/** What the server embedded in the page (the scanned entry point), read once. */
export function useBoot(): BootData {
  if (cached) return cached;
  const node = document.getElementById('boot');
  try {
    cached = node?.textContent ? (JSON.parse(node.textContent) as BootData) : {};
  } catch {
    cached = {};
  }
  return cached;
}
