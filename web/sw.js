// Pylings' service worker: after the first visit the whole course works with no network, and
// repeat visits start from the cache. `cargo xtask dist` writes it to dist/sw.js with three
// constants prepended (xtask/src/offline.rs):
//   VERSION  a hash of every file of the build;
//   CORE     the build's files (the root page, app, engine, editor, styles, icons), relative
//            to the site's root, precached when the worker installs (the pages of the other
//            routes are kept as they are visited, and made from the root page offline);
//   STDLIB   the standard library bundles, precached when the page says Python is idle
//            (a "precache-stdlib" message), and cached anyway as the engine fetches them.
//
// Hand-written rather than Workbox: what it does is a list of files put in a cache and served
// from it, about a hundred lines; Workbox would add its build tool and its runtime to do the
// same. Every file but the pages is named after its content, so cache-first can never serve a
// stale file; the pages are served from this version's cache too, so a page and its files
// always come from one build. A new build installs beside the old one and takes over when no
// tab uses the old one any more (the next visit); the page then says it was updated.
//
// Registered by the app (src/offline.rs) only where service workers can exist: not in sandboxed
// (opaque-origin) embeds, which keep working from the network.

const ROOT = new URL("./", self.location).href;
const CACHE = `pylings-${VERSION}`;
// Bundles are content-named, so one cache serves every version; activate drops the unused.
const STDLIB_CACHE = "pylings-stdlib";
const STDLIB_FOLDER = "stdlib/";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(CORE.map((file) => ROOT + file))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("pylings-") && key !== CACHE && key !== STDLIB_CACHE) await caches.delete(key);
    }
    const stdlib = await caches.open(STDLIB_CACHE);
    const wanted = new Set(STDLIB.map((file) => ROOT + STDLIB_FOLDER + file));
    for (const request of await stdlib.keys()) {
      if (!wanted.has(request.url)) await stdlib.delete(request);
    }
    // The first visit's page is controlled at once, so it works offline without a reload.
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "precache-stdlib") event.waitUntil(precacheStdlib());
});

/** Fetches the bundles not cached yet, one at a time (the page is idle, not the network). */
async function precacheStdlib() {
  const cache = await caches.open(STDLIB_CACHE);
  for (const file of STDLIB) {
    const url = ROOT + STDLIB_FOLDER + file;
    if (await cache.match(url)) continue;
    try {
      await cache.add(url);
    } catch {
      return; // offline or failing: the next visit tries again
    }
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(ROOT)) return;
  event.respondWith(respond(request));
});

/** This version's copy when there is one, else the network (stdlib bundles are kept). */
async function respond(request) {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (request.mode === "navigate") return page(request, url);
  const cached = await caches.match(url.href, { cacheName: CACHE })
    ?? await caches.match(url.href, { cacheName: STDLIB_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && url.href.startsWith(ROOT + STDLIB_FOLDER)) {
    const copy = response.clone();
    caches.open(STDLIB_CACHE).then((cache) => cache.put(url.href, copy));
  }
  return response;
}

/** A route's page: this version's copy, else the network's (kept), else, offline, the root
 *  page with its `<base href>` climbing back to the root as the route's own page does (every
 *  route's page is the root page with that one change: xtask/src/site.rs). */
async function page(request, url) {
  if (!url.pathname.endsWith("/") && !url.pathname.split("/").pop().includes(".")) url.pathname += "/";
  if (url.pathname.endsWith("/")) url.pathname += "index.html";
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url.href);
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) await cache.put(url.href, response.clone());
    return response;
  } catch (offline) {
    const root = await cache.match(ROOT + "index.html");
    if (!root) throw offline;
    const depth = url.href.slice(ROOT.length).split("/").length - 1;
    const text = (await root.text()).replace('<base href="./">', `<base href="${"../".repeat(depth)}">`);
    return new Response(text, { headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
}
