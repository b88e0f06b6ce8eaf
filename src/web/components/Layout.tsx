import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { AccountNavItem } from '../account/AccountNavItem.js';
import { WhereDataLives } from '../account/WhereDataLives.js';
import { CohortsNavItem } from '../cohorts/CohortsNavItem.js';
import { SharingNavItems } from '../sharing/SharingNavItems.js';

const NAV_ITEMS = [
  { to: '/', label: 'Home', end: true },
  { to: '/profile', label: 'Profile', end: false },
  { to: '/programs', label: 'Programs', end: false },
  { to: '/import', label: 'Import', end: false },
  { to: '/list', label: 'My list', end: false },
  { to: '/applications', label: 'Applications', end: false },
  { to: '/network', label: 'Network', end: false },
  { to: '/tasks', label: 'Tasks', end: false },
  { to: '/data', label: 'Your data', end: false },
] as const;

/**
 * App shell: skip link, header with the main navigation, and the page in <main>. After a client-side
 * navigation focus moves to <main> so keyboard and screen-reader users start at the new page. Focus moves without
 * scrolling: focusing <main> would scroll it to the window's top and leave the header (and the page's heading's
 * context) above the fold. Where the page lands is ScrollRestoration's: the top for a new page, the old position
 * on Back, the target of a #hash.
 */
export function Layout() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);

  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              M
            </span>
            <span className="brand-name">Matchwise</span>
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              {NAV_ITEMS.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
              <SharingNavItems />
              <CohortsNavItem />
              <AccountNavItem />
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <ScrollRestoration />
      <footer className="site-footer">
        <WhereDataLives />
      </footer>
    </>
  );
}
