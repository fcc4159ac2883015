import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError, SESSION_ENDED } from '../api-client.ts';
import { api } from '../api.ts';
import { can, type Session } from '../api-types.ts';
import { mayFindChildren } from '../may-find-children.ts';
import { SIGNED_OUT_NOTICE, useSessionContext } from '../session.tsx';

interface Item {
  readonly to: string;
  readonly text: string;
  /** Said after the text: the number of alerts waiting. */
  readonly count?: number | undefined;
}

/** Only what exists and what this user may use (the server checks again). */
function itemsFor(session: Session, alerts: number | undefined): Item[] {
  return [
    { to: '/', text: 'Home' },
    { to: '/alerts', text: 'Alerts', count: alerts },
    ...(mayFindChildren(session) ? [{ to: '/persons', text: 'Find a child' }] : []),
    ...(can(session, 'make_requests', 'answer_requests', 'oversee_requests')
      ? [{ to: '/requests', text: 'Requests' }]
      : []),
    { to: '/gateways', text: 'Legal gateways' },
    ...(can(session, 'read_agreements') ? [{ to: '/agreements', text: 'Agreements' }] : []),
    ...(can(session, 'manage_partnership') ? [{ to: '/organisations', text: 'Organisations' }] : []),
    // The partnership administrator reaches every directory entry from Organisations.
    ...(can(session, 'manage_directory_entry') && !can(session, 'manage_partnership')
      ? [{ to: `/organisations/${session.membership.organisationId}/contact-point`, text: 'Contact point' }]
      : []),
    ...(can(session, 'manage_users') ? [{ to: '/users', text: 'Users' }] : []),
    ...(can(session, 'read_role_grants') ? [{ to: '/role-grants', text: 'Role grants' }] : []),
    ...(can(session, 'review_links') ? [{ to: '/link-reviews', text: 'Possible matches' }] : []),
    ...(can(session, 'review_break_glass')
      ? [{ to: '/break-glass/reviews', text: 'Break-glass reviews' }]
      : []),
    ...(can(session, 'read_audit', 'verify_audit') ? [{ to: '/audit', text: 'Audit' }] : []),
    ...(can(session, 'ingest_feeds') ? [{ to: '/feeds', text: 'Agency feeds' }] : []),
    { to: '/change-password', text: 'Change password' },
  ];
}

function isCurrent(to: string, pathname: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function ServiceNavigation({ session }: { readonly session: Session }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { signedOut } = useSessionContext();
  const alerts = useUnacknowledgedAlerts(pathname);

  async function signOut(): Promise<void> {
    try {
      await api.signOut();
      signedOut(SIGNED_OUT_NOTICE);
    } catch (error) {
      if (error instanceof ApiError && error.code === SESSION_ENDED) return;
      signedOut('Tessera could not confirm that you signed out. Close your browser to make sure.');
    }
    await navigate('/sign-in', { replace: true });
  }

  return (
    <div className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list" id="navigation">
              {itemsFor(session, alerts).map((item) => {
                const current = isCurrent(item.to, pathname);
                const classes = current
                  ? 'govuk-service-navigation__item govuk-service-navigation__item--active'
                  : 'govuk-service-navigation__item';
                return (
                  <li className={classes} key={item.to}>
                    <Link
                      className="govuk-service-navigation__link"
                      to={item.to}
                      aria-current={current ? (pathname === item.to ? 'page' : 'true') : undefined}
                    >
                      {current ? (
                        <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                      ) : (
                        item.text
                      )}
                      {item.count !== undefined && item.count > 0 && (
                        <>
                          {' '}
                          <strong className="govuk-tag govuk-tag--red app-alert-count">{item.count}</strong>
                          <span className="govuk-visually-hidden"> waiting</span>
                        </>
                      )}
                    </Link>
                  </li>
                );
              })}
              <li className="govuk-service-navigation__item">
                <button
                  type="button"
                  className="govuk-service-navigation__link app-link-button"
                  onClick={signOut}
                >
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}

/**
 * The header's count of alerts waiting (GET /api/alerts), looked up again on each page and when
 * the inbox acknowledges one. A failure shows no count rather than a wrong one.
 */
function useUnacknowledgedAlerts(pathname: string): number | undefined {
  const [count, setCount] = useState<number | undefined>(undefined);
  const [changed, setChanged] = useState(0);
  useEffect(() => {
    const bump = () => setChanged((n) => n + 1);
    window.addEventListener('tessera:alerts-changed', bump);
    return () => window.removeEventListener('tessera:alerts-changed', bump);
  }, []);
  useEffect(() => {
    let current = true;
    api.alerts().then(
      (inbox) => {
        if (current) setCount(inbox.unacknowledged);
      },
      () => {
        if (current) setCount(undefined);
      },
    );
    return () => {
      current = false;
    };
  }, [pathname, changed]);
  return count;
}
