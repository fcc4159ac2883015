import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { changePassword } from '../../../domain/identity/change-password.ts';
import { resolveSession } from '../../../domain/identity/resolve-session.ts';
import { signIn } from '../../../domain/identity/sign-in.ts';
import { signOut } from '../../../domain/identity/sign-out.ts';
import { switchMembership } from '../../../domain/identity/switch-membership.ts';
import { DomainError } from '../../../domain/shared/errors.ts';
import {
  ChangePasswordRequest,
  SessionView,
  SignInRequest,
  SwitchMembershipRequest,
} from '../contracts/session.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../session-cookie.ts';
import { requireSession } from '../session-middleware.ts';
import { toSessionView } from './session-view.ts';

const tags = ['Session'];

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function sessionRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  const viewFor = async (token: string) => {
    const session = await resolveSession(deps, token);
    if (!session) throw new DomainError('unauthenticated', 'Sign in to continue');
    return toSessionView(session);
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/session',
      tags,
      summary: 'Sign in',
      request: { body: jsonBody(SignInRequest) },
      responses: {
        200: jsonResponse(SessionView, 'Signed in'),
        ...commonErrors,
        429: { description: 'Too many attempts' },
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { token, lockNotice } = await signIn(deps, {
        ...input,
        address: clientAddress(c, deps.trustProxy),
        requestId: c.get('requestId'),
      });
      writeSessionCookie(c, deps.secureCookies, token);
      const view = await viewFor(token);
      if (!lockNotice) return c.json(view, 200);
      const { lockedAt, failedAttempts } = lockNotice;
      return c.json({ ...view, lockNotice: { lockedAt: lockedAt.toISOString(), failedAttempts } }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/session',
      tags,
      summary: 'The current session',
      responses: { 200: jsonResponse(SessionView, 'The signed-in user'), ...commonErrors },
    }),
    (c) => c.json(toSessionView(requireSession(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/session',
      tags,
      summary: 'Sign out',
      responses: { 204: { description: 'Signed out' }, ...commonErrors },
    }),
    async (c) => {
      await signOut(deps, requireSession(c), c.get('requestId'));
      clearSessionCookie(c, deps.secureCookies);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/session/membership',
      tags,
      summary: 'Act for another of your organisations',
      request: { body: jsonBody(SwitchMembershipRequest) },
      responses: { 200: jsonResponse(SessionView, 'Switched'), ...commonErrors },
    }),
    async (c) => {
      const session = requireSession(c);
      await switchMembership(deps, session, c.req.valid('json').membershipId);
      const updated = await resolveSession(deps, readSessionCookie(c, deps.secureCookies) ?? '');
      if (!updated) throw new DomainError('unauthenticated', 'Sign in to continue');
      return c.json(toSessionView(updated), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/session/password',
      tags,
      summary: 'Change your password (ends your other sessions)',
      request: { body: jsonBody(ChangePasswordRequest) },
      responses: {
        200: jsonResponse(SessionView, 'Changed; a new session replaces this one'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { token } = await changePassword(deps, requireSession(c), c.req.valid('json'));
      writeSessionCookie(c, deps.secureCookies, token);
      return c.json(await viewFor(token), 200);
    },
  );
}
