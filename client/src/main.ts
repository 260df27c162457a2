import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router';
import { useElderMode } from './composables/useElderMode';
import { registerResidentServiceWorker } from './lib/service-worker';
import './styles/base.css';

const pinia = createPinia();
createApp(App).use(pinia).use(router).mount('#app');
useElderMode();

// Anything queued while offline is sent as soon as the app starts — fetched after the first paint,
// so the landing page does not carry the queue's code.
void import('./composables/useOfflineQueue').then(({ useOfflineQueue }) => useOfflineQueue().start());
registerResidentServiceWorker();
