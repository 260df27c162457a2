import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router';

// The guards and pages are fetched on first use, so the resident's first page carries none of the workbench.
const guard = (name: 'guestOnly' | 'signedIn' | 'ready' | 'partnerOnly') => async (to: RouteLocationNormalized) => (await import('./guards'))[name](to);

/** The staff workbench: login, password change, review queue and case page, all under /staff. */
export const staffRoutes: RouteRecordRaw[] = [
  { path: '/staff', component: () => import('./StaffLoginPage.vue'), beforeEnter: guard('guestOnly') },
  { path: '/staff/login', redirect: (to) => ({ path: '/staff', query: to.query }) },
  { path: '/staff/password', component: () => import('./StaffPasswordPage.vue'), beforeEnter: guard('signedIn') },
  { path: '/staff/cases', component: () => import('./StaffQueuePage.vue'), beforeEnter: guard('ready') },
  { path: '/staff/cases/:id(\\d+)', component: () => import('./StaffCasePage.vue'), beforeEnter: guard('ready') },
  { path: '/staff/visits', component: () => import('./StaffWorklistPage.vue'), beforeEnter: guard('ready') },
  { path: '/staff/households/:id(\\d+)', component: () => import('./StaffHouseholdPage.vue'), beforeEnter: guard('ready') },
  // Partners (social organisations, stations…) sign in on the same page and land on their own phone page.
  { path: '/partner', component: () => import('../partner/PartnerPage.vue'), beforeEnter: guard('partnerOnly') },
];
