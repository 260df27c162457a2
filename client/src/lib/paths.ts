import type { RouteLocationRaw } from 'vue-router';
import type { Sheet } from '../stores/answers';

/** Every resident URL in one place, so pages link to each other by meaning, not by string. */
const q = (code: string) => `/q/${encodeURIComponent(code)}`;

const sheetBase = (code: string, sheet: Sheet) => (sheet === 'self' ? `${q(code)}/check` : `${q(code)}/report/answers`);

export const paths = {
  landing: (code: string) => q(code),
  check: (code: string) => `${q(code)}/check`,
  question: (code: string, sheet: Sheet, n: number) => `${sheetBase(code, sheet)}/${n}`,
  review: (code: string, sheet: Sheet) => `${sheetBase(code, sheet)}/review`,
  result: (code: string) => `${q(code)}/result`,
  contact: (code: string) => `${q(code)}/contact`,
  report: (code: string) => `${q(code)}/report`,
  /** The report form's step 2, where the answers given on the person's behalf (代填) belong. */
  reportSituation: (code: string) => `${q(code)}/report?step=2`,
  /** The requestId travels in history state, not the URL: a URL is shared, logged and kept in history. */
  sent: (code: string, requestId: string): RouteLocationRaw => ({ path: `${q(code)}/sent`, state: { requestId } }),
  track: () => '/track',
  trackCode: (trackingCode: string) => `/track/${encodeURIComponent(trackingCode)}`,
};
