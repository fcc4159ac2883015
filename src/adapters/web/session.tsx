// Who is signed in, shared with every page. The API client reports an ended session (any 401
// after sign-in); this turns that into "signed out, with a notice", and the route guard then
// shows the sign-in page.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onSessionEnded, setCsrfToken } from './api-client.ts';
import { api } from './api.ts';
import type { Session } from './api-types.ts';
import { forgetAgreementDrafts } from './pages/agreements/draft-storage.ts';
import { forgetDecisionPaths } from './pages/decisions/decision-storage.ts';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'unavailable' }
  | { readonly status: 'signed-out'; readonly notice: string | null }
  | { readonly status: 'signed-in'; readonly session: Session };

interface SessionContextValue {
  readonly state: SessionState;
  /** After sign-in, a change of organisation or a password change: the new session. */
  readonly setSession: (session: Session) => void;
  readonly signedOut: (notice: string | null) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export const SESSION_ENDED_NOTICE = 'You have been signed out';
export const SIGNED_OUT_NOTICE = 'You have signed out';

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const setSession = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);

  const signedOut = useCallback((notice: string | null) => {
    setCsrfToken(null);
    // Signing out on purpose leaves nothing for the next person at this browser; a timed-out
    // session keeps a half-written agreement for its owner, who signs in again to the same page.
    if (notice === SIGNED_OUT_NOTICE) {
      forgetAgreementDrafts();
      forgetDecisionPaths();
    }
    setState({ status: 'signed-out', notice });
  }, []);

  useEffect(() => {
    onSessionEnded(() => signedOut(SESSION_ENDED_NOTICE));
    let current = true;
    api.currentSession().then(
      (session) => {
        if (!current) return;
        if (session) setSession(session);
        else signedOut(null);
      },
      () => {
        if (current) setState({ status: 'unavailable' });
      },
    );
    return () => {
      current = false;
    };
  }, [signedOut, setSession]);

  const value = useMemo(() => ({ state, setSession, signedOut }), [state, setSession, signedOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionContext must be used inside <SessionProvider>');
  return value;
}

/** The signed-in session; only for pages behind <RequireSession>. */
export function useSignedInSession(): Session {
  const { state } = useSessionContext();
  if (state.status !== 'signed-in') throw new Error('useSignedInSession needs a signed-in session');
  return state.session;
}
