import { useSyncExternalStore } from 'react';

/** On a phone these four sit in the bottom bar beside "More"; on a wide screen every screen is in the sidebar. */
export const PRIMARY_ROUTES = ['home', 'transactions', 'budgets', 'reports'] as const;
/** The screens "More" lists on a phone. */
export const MORE_ROUTES = [
  'accounts',
  'categories',
  'goals',
  'recurring',
  'currencies',
  'import',
  'ledgers',
  'household',
  'advisors',
  'bookings',
  'advisor-profile',
  'settings',
] as const;

/** Screens offered only on a device signed in to a relay; the advisor's profile only to an advisor account. */
export const RELAY_ROUTES: readonly NavigationRoute[] = ['advisors', 'bookings'];
export const ADVISOR_ROUTES: readonly NavigationRoute[] = ['advisor-profile'];

/** Every screen of the navigation. */
export const ROUTES = [...PRIMARY_ROUTES, ...MORE_ROUTES] as const;
export type NavigationRoute = (typeof ROUTES)[number];
/** Screens a link in a mail opens (`#/verify-email?token=…`); they are in no navigation. */
export const LINK_ROUTES = ['verify-email', 'reset-password'] as const;
export type Route = NavigationRoute | (typeof LINK_ROUTES)[number];

const ALL_ROUTES: readonly Route[] = [...ROUTES, ...LINK_ROUTES];

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** An invitation link (`#/accept?code=…`) opens the ledgers screen, which reads the code from it. */
const ALIASES: Readonly<Record<string, Route>> = { accept: 'ledgers' };

function current(): Route {
  const name = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return ALL_ROUTES.find((route) => route === name) ?? ALIASES[name] ?? 'home';
}

/** The screen named in the URL's hash (`#/accounts`), so every screen has an address that works offline. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, current);
}

export function hrefOf(route: Route): string {
  return route === 'home' ? '#/' : `#/${route}`;
}

export function isMoreRoute(route: Route): route is (typeof MORE_ROUTES)[number] {
  return MORE_ROUTES.some((more) => more === route);
}
