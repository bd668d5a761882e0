/// <reference lib="webworker" />
import { cacheNames, clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { readonly __WB_MANIFEST: Parameters<typeof precacheAndRoute>[0] };

// Precaching and the offline shell, as the generated worker did before: every build file is
// precached, every navigation but the relay's own routes gets the app shell.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/sync\//, /^\/health/, /^\/metrics/],
  }),
);

/** A rule the browser applies to a request itself, without running this worker (the static routing API). */
interface StaticRoute {
  readonly condition: { readonly urlPattern: { readonly pathname: string } };
  readonly source: { readonly cacheName: string };
}

/** An install event of a browser with the static routing API (Chromium 123 and later); TypeScript's library lacks it. */
interface RoutingInstallEvent extends ExtendableEvent {
  addRoutes?(routes: readonly StaticRoute[]): Promise<void>;
}

// The build's files under /assets/ carry their hash in their name and are precached under it: the
// browser reads them from the precache itself, without a round trip through this worker's fetch
// handler for each of the dozen modules a start asks for at once (docs/app.md#screens). What the
// precache lacks goes to the network, as the fetch handler would send it. A browser without the
// API, or refusing the rule, has the fetch handler serve the same files.
self.addEventListener('install', (event) => {
  const routing = event as RoutingInstallEvent;
  routing
    .addRoutes?.([{ condition: { urlPattern: { pathname: '/assets/*' } }, source: { cacheName: cacheNames.precache } }])
    .catch((error: unknown) => console.warn('Tally: the static route to the precache was refused', error));
});

// The first install takes over the page that installed it, so a first visit followed by a lost
// network still opens every screen. A later version waits until the update prompt sends this.
clientsClaim();
self.addEventListener('message', (event) => {
  if (typeof event.data === 'object' && event.data !== null && event.data.type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});

/** What the relay pushes (relay SPEC N2): the screen is the app's hash route a click opens. */
interface PushMessage {
  readonly title: string;
  readonly body: string;
  readonly screen: string;
}

function pushMessage(data: unknown): PushMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { title, body, screen } = data as Record<string, unknown>;
  if (typeof title !== 'string' || typeof body !== 'string' || typeof screen !== 'string') return null;
  return { title, body, screen: screen.startsWith('/') ? screen : '/' };
}

self.addEventListener('push', (event) => {
  let message: PushMessage | null = null;
  try {
    message = pushMessage(event.data?.json());
  } catch {
    message = null;
  }
  if (message === null) return;
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      icon: '/icon-192.png',
      data: { screen: message.screen },
    }),
  );
});

/** The hash route a notification names (`data.screen`), else Home. */
function screenOf(notification: Notification): string {
  const data: unknown = notification.data;
  return typeof data === 'object' && data !== null && typeof (data as { screen?: unknown }).screen === 'string'
    ? (data as { screen: string }).screen
    : '/';
}

/**
 * Takes an open Tally to the notification's screen and focuses it, or opens one there. It
 * navigates before focusing: navigating needs no permission, so a refused focus never leaves the
 * person on the wrong screen.
 */
async function openScreen(screen: string): Promise<void> {
  const url = new URL(`/#${screen}`, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open === undefined) {
    await self.clients.openWindow(url);
    return;
  }
  const navigated = await open.navigate(url);
  await (navigated ?? open).focus();
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openScreen(screenOf(event.notification)));
});
