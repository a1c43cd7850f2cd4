// Service worker of Tự chấm điểm Chỉ số CCHC (written by scripts/postbuild.mjs).
// Caches the agency app's files at install, so it opens with no network;
// the full app for Sở Nội vụ (so-noi-vu/) is cached the first time it is
// used, so agencies do not download it for nothing. Pages are fetched from
// the network first, so a new version is picked up on the next visit; the
// hashed assets never change and are served from the cache. Nothing is
// ever sent anywhere.
const VERSION = '__VERSION__';
const CACHE = `cchc-${VERSION}`;
const ASSETS = __ASSETS__;
// Where the app lives (the folder sw.js was served from).
const SCOPE = new URL('./', self.location.href).pathname;

// Only the app's own files are kept: same origin, under the app's folder,
// successful, and not reached through a redirect (a same-origin address
// that redirects elsewhere must never be cached under its own name).
function cacheable(req, res) {
  const url = new URL(req.url);
  return res.ok && !res.redirected && res.type === 'basic'
    && url.origin === self.location.origin && url.pathname.startsWith(SCOPE);
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cchc-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // Each page under its own address (without query or hash).
    const url = new URL(req.url);
    url.search = '';
    url.hash = '';
    const key = url.href;
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (cacheable(req, res)) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(key, copy));
          }
          return res;
        })
        .catch(() => caches.match(key, { cacheName: CACHE }).then((r) => r || caches.match(key))),
    );
    return;
  }
  event.respondWith(caches.match(req).then((hit) => hit || fetch(req).then((res) => {
    if (cacheable(req, res)) {
      const copy = res.clone();
      caches.open(CACHE).then((c) => c.put(req, copy));
    }
    return res;
  })));
});
