import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { can, type Capability } from '../api-types.ts';
import { NoAccessPage } from '../pages/NoAccessPage.tsx';
import { SIGNED_OUT_NOTICE, useSessionContext } from '../session.tsx';

/**
 * Pages behind sign-in: anyone else goes to the sign-in page, and comes back here afterwards,
 * unless they chose to sign out: the next person to sign in on this browser starts at home, not
 * on the page the last one left.
 */
export function RequireSession() {
  const { state } = useSessionContext();
  const location = useLocation();
  if (state.status === 'signed-in') return <Outlet />;
  if (state.status === 'signed-out' && state.notice === SIGNED_OUT_NOTICE)
    return <Navigate to="/sign-in" replace />;
  return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
}

/**
 * A page of a function this role lacks says so, and who has it (NoAccessPage). The API still
 * answers such a request "not found", and records keep DESIGN.md rule 2 everywhere.
 */
export function RequireCapability({
  anyOf,
  children,
}: {
  readonly anyOf: readonly Capability[];
  readonly children: ReactNode;
}) {
  const { state } = useSessionContext();
  if (state.status !== 'signed-in' || !can(state.session, ...anyOf)) return <NoAccessPage anyOf={anyOf} />;
  return children;
}
