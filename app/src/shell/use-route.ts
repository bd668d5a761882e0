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
  'settings',
] as const;

/**
 * Screens "More" (or the sidebar) offers only on a device signed in to a relay, before Settings:
 * advisors and bookings to every account, the advisor's own profile to an advisor's.
 */
export const RELAY_ROUTES = ['advisors', 'bookings', 'advisor-profile'] as const;
export type RelayRoute = (typeof RELAY_ROUTES)[number];

/** Every screen of the navigation on any device. */
export const ROUTES = [...PRIMARY_ROUTES, ...MORE_ROUTES] as const;
export type NavigationRoute = (typeof ROUTES)[number] | RelayRoute;
/** Screens a link in a mail opens (`#/verify-email?token=…`); they are in no navigation. */
export const LINK_ROUTES = ['verify-email', 'reset-password', 'change-email'] as const;
export type Route = NavigationRoute | (typeof LINK_ROUTES)[number];

const ALL_ROUTES: readonly Route[] = [...ROUTES, ...RELAY_ROUTES, ...LINK_ROUTES];

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** An invitation link (`#/accept?code=…`) opens the ledgers screen, which reads the code from it. */
const ALIASES: Readonly<Record<string, Route>> = { accept: 'ledgers' };

/** The screen named in the URL's hash now. */
export function currentRoute(): Route {
  const name = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return ALL_ROUTES.find((route) => route === name) ?? ALIASES[name] ?? 'home';
}

/** The screen named in the URL's hash (`#/accounts`), so every screen has an address that works offline. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute);
}

/** The whole address after `#`, query included (`#/bookings?id=…`), which changes where the route may not. */
export function useAddress(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function hrefOf(route: Route): string {
  return route === 'home' ? '#/' : `#/${route}`;
}

export function isMoreRoute(route: Route): route is (typeof MORE_ROUTES)[number] | RelayRoute {
  return [...MORE_ROUTES, ...RELAY_ROUTES].some((more) => more === route);
}
