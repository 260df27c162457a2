// The resident pages' service worker, registered with scope /q/ only: staff and admin pages are
// never controlled by it. The build (client/build-plugins/service-worker.ts) puts two constants
// before this text: VERSION, and PRECACHE, the resident pages' code and styles (never staff or admin).
/* global VERSION, PRECACHE */

const CODE = `xfm-code-${VERSION}`;
const PAGES = `xfm-pages-${VERSION}`;
const PRECACHED = new Set(PRECACHE);

// Only the resident page shells are kept: /q/<code> (the landing) and /q/<code>/… (every inner page
// gets the same HTML from the server). Nothing under /api/ is ever stored: answers about a person
// (tracking, requests, reports, staff, admin) always go to the network.
const RESIDENT_PAGE = /^\/q\/([^/]+)(\/.*)?$/;

self.addEventListener('install', (event) => {
  // No skipWaiting: a new version waits until every resident tab is closed and takes over on the
  // next visit, so nobody's form changes code half-way.
  event.waitUntil(caches.open(CODE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith('xfm-') && name !== CODE && name !== PAGES).map((name) => caches.delete(name)))),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    const page = RESIDENT_PAGE.exec(url.pathname);
    if (page) event.respondWith(residentPage(event, page[1], Boolean(page[2])));
    return;
  }
  if (PRECACHED.has(url.pathname)) event.respondWith(precached(request));
});

// The page asks for its code's inner-page shell to be kept, so a deep link opens offline later on.
self.addEventListener('message', (event) => {
  const page = typeof event.data?.keepPagesFor === 'string' ? RESIDENT_PAGE.exec(event.data.keepPagesFor) : null;
  if (!page) return;
  event.waitUntil(
    caches.open(PAGES).then(async (cache) => {
      const key = pageKey(page[1], true);
      if (await cache.match(key)) return;
      const response = await fetch(key, { credentials: 'same-origin' });
      if (response.ok) await cache.put(key, response);
    }),
  );
});

/** Cache keys: the landing itself, and one shell shared by all of a code's inner pages. */
function pageKey(code, inner) {
  return inner ? `/q/${code}/check` : `/q/${code}`;
}

/**
 * A kept shell paints at once (then is refreshed from the network for next time); without one,
 * the network answers and the shell is kept. A code the server no longer serves is forgotten.
 */
async function residentPage(event, code, inner) {
  const cache = await caches.open(PAGES);
  const own = pageKey(code, inner);
  const cached = (await cache.match(own)) ?? (await cache.match(pageKey(code, !inner)));
  const fresh = fetch(event.request).then(async (response) => {
    if (response.ok && !response.redirected) await cache.put(own, response.clone());
    else if (response.status === 404 || response.status === 410) await Promise.all([cache.delete(own), cache.delete(pageKey(code, !inner))]);
    return response;
  });
  if (!cached) return fresh;
  event.waitUntil(fresh.catch(() => undefined));
  return cached;
}

async function precached(request) {
  const cached = await caches.match(request, { cacheName: CODE });
  return cached ?? fetch(request);
}
