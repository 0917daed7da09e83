/* leernet's service worker: an offline page for page navigations, and push notifications.
   It keeps only the offline page and its stylesheet, never a private page; it leaves
   htmx requests and the timer poll alone (they are not navigations), so a phone still
   shows that it lost the server. */
"use strict";
const CACHE = "leernet-offline-{{ version }}";
const OFFLINE = {{ offline|tojson }};
const KEEP = [OFFLINE, {{ css|tojson }}];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(KEEP)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  if (request.mode === "navigate" && !request.headers.get("HX-Request")) {
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
  } else if (KEEP.includes(new URL(request.url).pathname + new URL(request.url).search)) {
    event.respondWith(caches.match(request).then((kept) => kept || fetch(request)));
  }
});

self.addEventListener("push", (event) => {
  let data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { /* a bare ping */ }
  event.waitUntil(self.registration.showNotification(data.title || "leernet", {
    tag: data.tag || "leernet",
    icon: {{ icon|tojson }},
    data: { url: data.url || "/inbox" },
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data.url, self.location.origin);
  if (url.origin !== self.location.origin) return;
  event.waitUntil(self.clients.openWindow(url.href));
});
