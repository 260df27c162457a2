import { createRouter, createWebHistory } from 'vue-router';
import LandingPage from './pages/resident/LandingPage.vue';

// The landing page is in the first bundle; everything else is fetched when first needed.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: () => import('./pages/HomePage.vue') },
    { path: '/q/:code', component: LandingPage },
    { path: '/:rest(.*)*', component: () => import('./pages/NotFoundPage.vue') },
  ],
  scrollBehavior: () => ({ top: 0 }),
});
