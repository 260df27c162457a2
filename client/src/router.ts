import { ref } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import LandingPage from './pages/resident/LandingPage.vue';
import { staffRoutes } from './pages/staff/routes';
import { adminRoutes } from './pages/admin/routes';
import { prefetch, residentPages } from './lib/prefetch';

// The landing page is in the first bundle; everything else is fetched when first needed.
const QuestionPage = () => import('./pages/resident/QuestionPage.vue');
const ReviewPage = () => import('./pages/resident/ReviewPage.vue');

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: () => import('./pages/HomePage.vue') },
    { path: '/q/:code', component: LandingPage },
    // 「自助测一测」 picks up where the person left off: the first unanswered question, or the review.
    {
      path: '/q/:code/check',
      component: QuestionPage,
      beforeEnter: async (to) => (await import('./lib/resume')).resumeCheck(String(to.params.code)),
    },
    { path: '/q/:code/check/:n(\\d+)', component: QuestionPage, props: { sheet: 'self' } },
    { path: '/q/:code/check/review', component: ReviewPage, props: { sheet: 'self' } },
    { path: '/q/:code/result', component: () => import('./pages/resident/ResultPage.vue') },
    { path: '/q/:code/contact', component: () => import('./pages/resident/ContactPage.vue') },
    { path: '/q/:code/sent', component: () => import('./pages/resident/SentPage.vue') },
    { path: '/q/:code/report', component: () => import('./pages/report/ReportPage.vue') },
    // 代填: a reporter answers the same 12 questions for the person, on a separate sheet.
    { path: '/q/:code/report/answers/:n(\\d+)', component: QuestionPage, props: { sheet: 'behalf' } },
    { path: '/q/:code/report/answers/review', component: ReviewPage, props: { sheet: 'behalf' } },
    { path: '/track', component: () => import('./pages/track/TrackPage.vue') },
    { path: '/track/:trackingCode', component: () => import('./pages/track/TrackDetailPage.vue') },
    ...staffRoutes,
    ...adminRoutes,
    { path: '/:rest(.*)*', component: () => import('./pages/NotFoundPage.vue') },
  ],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

/** Shown by App.vue when a page could not be opened, instead of leaving the resident on a blank screen. */
export const navigationProblem = ref('');
/** True from a tap until the next page is on screen: App.vue shows 「正在打开」 if that takes a moment. */
export const navigationPending = ref(false);
router.beforeEach(() => {
  navigationPending.value = true;
});
router.afterEach((to) => {
  navigationPending.value = false;
  navigationProblem.value = '';
  // From the landing, 自助测一测 is the likely next tap: fetch the question pages while the phone is idle.
  if (/^\/q\/[^/]+\/?$/.test(to.path)) prefetch(residentPages.question);
  // Each page names itself on arrival; until then the tab says 幸福码, never the previous page.
  document.title = '幸福码';
});

// A page's code could not be fetched. Offline: say so and stay on this page. Online (likely a new
// release replaced the files): load the page afresh, once.
router.onError((error: unknown, to) => {
  navigationPending.value = false;
  const message = error instanceof Error ? error.message : String(error);
  if (!/dynamically imported module|Importing a module script failed|Failed to fetch|Unable to preload/i.test(message)) return;
  if (!navigator.onLine || sessionStorage.getItem('xfm.reloaded') === to.fullPath) {
    navigationProblem.value = '现在没有网络，这一页暂时打不开。您填的内容都还在，联网后再点一次。';
    return;
  }
  sessionStorage.setItem('xfm.reloaded', to.fullPath);
  window.location.assign(to.fullPath);
});
