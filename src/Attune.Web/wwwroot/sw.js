// Attune's service worker. It makes the app installable and shows a calm page when the network is
// gone. What it keeps is a fixed list of files that are the same for everyone: it never stores a
// page someone is signed in to or an API answer, so a shared or borrowed phone shows nobody's words
// offline. The cache is written only here, at install; fetches only ever read from it.
const CACHE = 'attune-shell-v1';
const SHELL = [
  '/offline.html',
  '/exit',
  '/js/quick-exit.js',
  '/css/site.css',
  '/favicon.svg',
  '/manifest.webmanifest',
  '/img/icon-192.png',
  '/img/icon-512.png',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      // credentials: 'omit', so even a misconfigured server cannot answer with anything personal.
      .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { credentials: 'omit', cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }

  if (request.mode === 'navigate') {
    // Pages always come from the network; the offline page only when there is none. The quick
    // exit's neutral page (the same for everyone, with no sign of Attune) works offline too.
    const fallback = url.pathname === '/exit' ? '/exit' : '/offline.html';
    event.respondWith(fetch(request).catch(() => caches.match(fallback)));
    return;
  }

  if (SHELL.includes(url.pathname)) {
    // The network first (a new version wins); the kept copy lets the offline page look like Attune.
    event.respondWith(fetch(request).catch(() => caches.match(url.pathname)));
  }
});
