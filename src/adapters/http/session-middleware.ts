import type { Context, MiddlewareHandler } from 'hono';
import { resolveSession, type ActiveSession } from '../../domain/identity/resolve-session.ts';
import type { CachedSession } from '../../domain/identity/session-gate.ts';
import { hashSessionToken, tokensMatch } from '../../domain/identity/session-token.ts';
import { ReadGateClosed } from '../../domain/policy/read-person-records.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import type { AppEnv, HttpDeps } from './http-deps.ts';
import type { SessionCache } from './session-cache.ts';
import { clearSessionCookie, readSessionCookie } from './session-cookie.ts';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie into an actor for every /api request, and checks the CSRF token on
 * every state change made within a session (synchroniser token in the X-CSRF-Token header, on
 * top of SameSite=Strict cookies). Signing in has no session yet; it is protected by requiring
 * an application/json body, which a cross-site form cannot send.
 */
export function sessionMiddleware(
  deps: HttpDeps,
  gated: { readonly cache: SessionCache; readonly paths: RegExp },
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c, deps.secureCookies);
    // A read on a gated path (the single view) may take the session this process resolved
    // within the last minute, and verifies it in its own statement (withVerifiedSession).
    const mayGate = token !== undefined && c.req.method === 'GET' && gated.paths.test(c.req.path);
    const cached = mayGate ? gated.cache.get(hashSessionToken(token), deps.clock.now()) : undefined;
    const session = cached ?? (token ? await resolveSession(deps, token) : undefined);
    if (token && !session) clearSessionCookie(c, deps.secureCookies);
    if (mayGate && session && !cached) gated.cache.set(session);
    c.set('session', session);
    c.set('cachedSession', cached ? { session: cached, now: deps.clock.now() } : undefined);
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

/**
 * Runs a read as the session's actor. If the session came unverified from the cache, the read
 * gets its gate, and should the gate not hold (signed out, expired, membership ended or changed,
 * even in another process), nothing was read: the session is resolved afresh and the read runs
 * again without a gate, or the caller is told to sign in.
 */
export async function withVerifiedSession<T>(
  c: Context<AppEnv>,
  deps: HttpDeps,
  cache: SessionCache,
  read: (actor: ActiveSession['actor'], cached: CachedSession | undefined) => Promise<T>,
): Promise<T> {
  const session = requireSession(c);
  const cached = c.get('cachedSession');
  if (!cached) return read(session.actor, undefined);
  try {
    return await read(session.actor, cached);
  } catch (error) {
    if (!(error instanceof ReadGateClosed)) throw error;
  }
  cache.evict(session.tokenHash);
  const token = readSessionCookie(c, deps.secureCookies);
  const fresh = token ? await resolveSession(deps, token) : undefined;
  c.set('session', fresh);
  c.set('cachedSession', undefined);
  if (!fresh) {
    clearSessionCookie(c, deps.secureCookies);
    throw new DomainError('unauthenticated', 'Sign in to continue');
  }
  cache.set(fresh);
  return read(fresh.actor, undefined);
}

export function requireSession(c: Context<AppEnv>): ActiveSession {
  const session = c.get('session');
  if (!session) throw new DomainError('unauthenticated', 'Sign in to continue');
  return session;
}
