import type { Context, MiddlewareHandler } from 'hono';
import { resolveSession, type ActiveSession } from '../../domain/identity/resolve-session.ts';
import { tokensMatch } from '../../domain/identity/session-token.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import type { AppEnv, HttpDeps } from './http-deps.ts';
import { clearSessionCookie, readSessionCookie } from './session-cookie.ts';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie into an actor for every /api request, and checks the CSRF token on
 * every state change made within a session (synchroniser token in the X-CSRF-Token header, on
 * top of SameSite=Strict cookies). Signing in has no session yet; it is protected by requiring
 * an application/json body, which a cross-site form cannot send.
 */
export function sessionMiddleware(deps: HttpDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c, deps.secureCookies);
    const session = token ? await resolveSession(deps, token) : undefined;
    if (token && !session) clearSessionCookie(c, deps.secureCookies);
    c.set('session', session);
    const isSignIn = c.req.method === 'POST' && c.req.path === '/api/session';
    if (session && stateChanging.has(c.req.method) && !isSignIn) {
      const sent = c.req.header('x-csrf-token') ?? '';
      if (!tokensMatch(sent, session.csrfToken)) {
        throw new DomainError(
          'csrf_failed',
          'Your request could not be checked. Reload the page and try again',
        );
      }
    }
    await next();
  };
}

export function requireSession(c: Context<AppEnv>): ActiveSession {
  const session = c.get('session');
  if (!session) throw new DomainError('unauthenticated', 'Sign in to continue');
  return session;
}
