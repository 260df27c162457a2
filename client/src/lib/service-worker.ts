/**
 * Registers the resident pages' service worker (client/service-worker/sw.js) for /q/ only, after the
 * page has loaded, so it never competes with the first paint. Then asks it to keep this code's
 * page shell, so a deep link or a reload opens without a network next time. Where a WebView has no
 * service worker, or registering fails, nothing changes: the pages load from the network as before.
 */
export function registerResidentServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !location.pathname.startsWith('/q/')) return;
  const register = () => {
    const whenIdle: (callback: () => void) => void = window.requestIdleCallback ?? ((callback) => window.setTimeout(callback, 300));
    whenIdle(() => {
      navigator.serviceWorker
        .register('/sw.js', { scope: '/q/' })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => registration.active?.postMessage({ keepPagesFor: location.pathname }))
        .catch(() => undefined);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
