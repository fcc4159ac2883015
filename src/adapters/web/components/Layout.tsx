import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useSessionContext } from '../session.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { LockNoticeBanner } from './LockNoticeBanner.tsx';
import { Loading, ServiceProblem } from './Status.tsx';
import { ServiceNavigation } from './ServiceNavigation.tsx';
import { SessionTimeout } from './SessionTimeout.tsx';

/**
 * The page template: skip link, header, navigation, <main> and footer. After a client-side
 * navigation, focus moves to <main> (as it would on a new page load) unless the new page has
 * already focused something of its own, such as a success banner.
 */
export function Layout() {
  const { state } = useSessionContext();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);

  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    const active = document.activeElement;
    if (active && active !== document.body && main.current?.contains(active)) return;
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  const session = state.status === 'signed-in' ? state.session : null;
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <Header session={session} />
      {session && <ServiceNavigation session={session} />}
      <div className="govuk-width-container">
        <main
          className="govuk-main-wrapper govuk-skip-link-focused-element"
          id="main-content"
          tabIndex={-1}
          ref={main}
        >
          {state.status === 'loading' ? (
            <Loading />
          ) : state.status === 'unavailable' ? (
            <ServiceProblem />
          ) : (
            <>
              {session?.lockNotice && <LockNoticeBanner notice={session.lockNotice} />}
              <Outlet />
            </>
          )}
        </main>
      </div>
      <Footer />
      {session && <SessionTimeout />}
    </>
  );
}
