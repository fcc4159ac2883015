import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { can, type Capability } from '../api-types.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { useSessionContext } from '../session.tsx';

/** Pages behind sign-in: anyone else goes to the sign-in page, and comes back here afterwards. */
export function RequireSession() {
  const { state } = useSessionContext();
  const location = useLocation();
  if (state.status === 'signed-in') return <Outlet />;
  return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
}

/** Without the capability the page does not exist, as on the server (DESIGN.md rule 2). */
export function RequireCapability({
  anyOf,
  children,
}: {
  readonly anyOf: readonly Capability[];
  readonly children: ReactNode;
}) {
  const { state } = useSessionContext();
  if (state.status !== 'signed-in' || !can(state.session, ...anyOf)) return <NotFoundPage />;
  return children;
}
