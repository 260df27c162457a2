/**
 * Fetches the pages a resident will need next while the network is still there, so the result,
 * the contact form and the 「已保存在手机上」 page still open if the signal drops half-way.
 */
type Loader = () => Promise<unknown>;

const done = new Set<Loader>();

export function prefetch(...loaders: Loader[]): void {
  const idle: (callback: () => void) => void = window.requestIdleCallback ?? ((callback) => window.setTimeout(callback, 300));
  idle(() => {
    for (const load of loaders) {
      if (done.has(load)) continue;
      done.add(load);
      load().catch(() => done.delete(load));
    }
  });
}

export const residentPages = {
  review: () => import('../pages/resident/ReviewPage.vue'),
  result: () => import('../pages/resident/ResultPage.vue'),
  contact: () => import('../pages/resident/ContactPage.vue'),
  sent: () => import('../pages/resident/SentPage.vue'),
  report: () => import('../pages/report/ReportPage.vue'),
  question: () => import('../pages/resident/QuestionPage.vue'),
  track: () => import('../pages/track/TrackPage.vue'),
};
