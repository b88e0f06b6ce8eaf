/**
 * The static edition's service worker: it makes Matchwise open offline after the first visit. It caches the
 * site's files only (pages, code, the database engine); the user's data is in IndexedDB, written by the
 * engine worker, and /api requests never reach here (the page answers them, transport/). On install it
 * caches every file listed in precache.json, which the build writes (vite.static.config.ts), under a cache
 * named for the build, and drops other builds' caches once active. Every address is taken relative to this
 * script, which sits in the app's folder (https://host/ or https://host/matchwise/): its scope.
 */
// The project compiles with the DOM library; the few service-worker types used here are spelled out instead of
// pulling in the WebWorker library, whose globals clash with DOM's.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
declare const self: {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
};

export {};

/** Replaced with the build's hash when the build writes sw.js, so every build is a new worker. */
const BUILD = '__MATCHWISE_BUILD__';
/** The app's folder, ending in "/"; precache.json lists the files relative to it. */
const ROOT = new URL('./', self.location.href);
// Named for the folder too: two copies published on one host (/a/, /b/) keep their own caches.
const CACHE_PREFIX = `matchwise-static-${ROOT.pathname}-`;
const CACHE = `${CACHE_PREFIX}${BUILD}`;
const inRoot = (file: string) => new URL(file, ROOT).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch(inRoot('precache.json'), { cache: 'no-store' });
      const { files } = (await response.json()) as { files: string[] };
      const cache = await caches.open(CACHE);
      await cache.addAll(files.map(inRoot));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || !url.href.startsWith(ROOT.href)) return;
  if (url.pathname.startsWith('/api/')) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every page of the app is index.html; its router picks the page from the address.
      const key = event.request.mode === 'navigate' ? inRoot('index.html') : event.request;
      const cached = await cache.match(key);
      if (cached) return cached;
      return fetch(event.request);
    })(),
  );
});
