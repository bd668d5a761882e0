import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useAdvisorRole } from '../features/advisors/index.js';
import { useText } from '../i18n/index.js';
import { useSyncState } from '../tally/index.js';
import { routeMessages } from '../ui/index.js';
import { appMessages } from './messages.js';
import {
  hrefOf,
  isMoreRoute,
  MORE_ROUTES,
  type NavigationRoute,
  PRIMARY_ROUTES,
  RELAY_ROUTES,
  type RelayRoute,
  type Route,
  useAddress,
} from './use-route.js';

/**
 * One list of every screen. On a phone the bottom bar shows the four most used and "More", which
 * opens the rest above it; when the current screen is one of those, "More" is marked and names it,
 * so the current screen is always visible. On a wide screen all of them form the sidebar.
 */
export function Navigation({ route }: { readonly route: Route }) {
  const text = useText(appMessages);
  const routes = useText(routeMessages);
  const [moreOpen, setMoreOpen] = useState(false);
  // Going anywhere, by a link or by the back button, closes "More" — from one booking to the
  // bookings list too, where the screen stays the same and only the address changes.
  const address = useAddress();
  const [shownAddress, setShownAddress] = useState(address);
  if (shownAddress !== address) {
    setShownAddress(address);
    setMoreOpen(false);
  }
  const moreButton = useRef<HTMLButtonElement>(null);
  const inMore = isMoreRoute(route);
  const { account } = useSyncState();
  const signedIn = account !== undefined && !account.revoked;
  const advisor = useAdvisorRole() === 'advisor';
  const offered = (item: RelayRoute) => signedIn && (advisor || item !== 'advisor-profile');
  const rest: readonly NavigationRoute[] = [
    ...MORE_ROUTES.filter((item) => item !== 'settings'),
    ...RELAY_ROUTES.filter(offered),
    'settings',
  ];

  useEffect(() => {
    if (!moreOpen) return;
    const closeOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !moreButton.current?.closest('nav')?.contains(event.target))
        setMoreOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [moreOpen]);

  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !moreOpen) return;
    setMoreOpen(false);
    moreButton.current?.focus();
  };

  const link = (item: NavigationRoute) => (
    <li key={item}>
      <a
        href={hrefOf(item)}
        aria-current={route === item ? 'page' : undefined}
        data-testid={`nav-${item}`}
        // The address of the screen shown already changes nothing, and "More" must close all the same.
        onClick={() => setMoreOpen(false)}
      >
        {routes(item)}
      </a>
    </li>
  );

  return (
    <nav className="shell__nav" aria-label={text('navigation')} onKeyDown={closeOnEscape}>
      <ul className="nav__bar">
        {PRIMARY_ROUTES.map(link)}
        <li className="nav__more">
          <button
            ref={moreButton}
            type="button"
            data-testid="nav-more"
            data-current={inMore}
            aria-expanded={moreOpen}
            aria-controls="nav-more-list"
            onClick={() => setMoreOpen(!moreOpen)}
          >
            {inMore ? (
              <>
                <span className="visually-hidden">{text('more')} </span>
                {routes(route)}
              </>
            ) : (
              text('more')
            )}
          </button>
        </li>
      </ul>
      <ul id="nav-more-list" className="nav__rest" data-open={moreOpen}>
        {rest.map(link)}
      </ul>
    </nav>
  );
}
