import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { londonDate } from '../../../domain/agreements/calendar-dates.ts';
import { SlidingWindowLimiter } from '../../../domain/identity/rate-limiter.ts';
import { roleLabels } from '../../../domain/partnership/roles.ts';
import { exportChronologyCsv } from '../../../domain/view/export-chronology.ts';
import { findChronology } from '../../../domain/view/find-chronology.ts';
import { findPersons } from '../../../domain/view/find-persons.ts';
import { getChildView, type ViewDeps } from '../../../domain/view/get-child-view.ts';
import {
  ChildViewResponse,
  ChronologyQuery,
  ChronologyResponse,
  PersonParams,
  PersonSearchBody,
  PersonSearchResponse,
  ViewQuery,
} from '../contracts/view.ts';
import { ErrorBody } from '../contracts/common.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import type { SessionCache } from '../session-cache.ts';
import { requireSession, withVerifiedSession } from '../session-middleware.ts';
import { toChildViewResponse, toChronologyResponse } from './view-mapping.ts';

const tags = ['Single view'];

/**
 * Searches per user: 60 in 10 minutes is more than a busy front door needs (a search per
 * contact, a few contacts an hour) and far too few to enumerate the partnership's children.
 */
export const searchRule = { limit: 60, windowMs: 10 * 60_000 };

/** The reads that may run on a cached session, verified in their own statement (withVerifiedSession). */
export const gatedViewPaths = /^\/api\/persons\/[^/]+\/view$/;

export function viewRoutes(
  deps: HttpDeps & Pick<ViewDeps, 'familyNetwork'> & { readonly sessionCache: SessionCache },
  app: OpenAPIHono<AppEnv>,
): void {
  const searchDeps = { ...deps, searchLimiter: new SlidingWindowLimiter(deps.clock, searchRule) };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/persons/search',
      tags,
      summary: 'Search for a person by name, date of birth, NHS number or pupil number, for a purpose',
      description:
        'A POST so that the terms never appear in a URL or an access log. Returns only persons whose identity you may see; no match and not yours are the same empty list. Rate-limited per user (429).',
      request: { body: jsonBody(PersonSearchBody) },
      responses: {
        200: jsonResponse(PersonSearchResponse, 'Persons you may see, described by what you may see'),
        ...commonErrors,
        429: {
          ...jsonResponse(ErrorBody, 'Too many searches: wait and try again'),
          headers: z.object({
            'Retry-After': z
              .string()
              .openapi({ description: 'Whole seconds until you may search again', example: '600' }),
          }),
        },
      },
    }),
    async (c) => {
      const result = await findPersons(searchDeps, requireSession(c).actor, c.req.valid('json'));
      return c.json(
        {
          purpose: result.purpose,
          persons: result.persons.map((p) => ({
            personId: p.personId,
            identity: p.identity.map((i) => ({
              field: i.field,
              values: i.values.map((v) => ({ ...v, sources: [...v.sources] })),
            })),
          })),
          truncated: result.truncated,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/persons/{personId}/view',
      tags,
      summary: 'The single view of a child: identity, flags, agencies, chronology, family and why you see it',
      description:
        'Only what the agreements in force allow for the purpose. A person who does not exist and one you may not see both answer 404 with the same body.',
      request: { params: PersonParams, query: ViewQuery },
      responses: { 200: jsonResponse(ChildViewResponse, 'The single view'), ...commonErrors },
    }),
    async (c) => {
      const { personId } = c.req.valid('param');
      const { purpose } = c.req.valid('query');
      const view = await withVerifiedSession(c, deps, deps.sessionCache, (actor, session) =>
        getChildView(deps, actor, { personId, purpose, ...(session ? { session } : {}) }),
      );
      return c.json(toChildViewResponse(view), 200);
    },
  );

  const chronology = (
    actor: Parameters<typeof findChronology>[1],
    params: { personId: string },
    query: z.infer<typeof ChronologyQuery>,
  ) => findChronology(deps, actor, { ...params, ...query });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/persons/{personId}/chronology',
      tags,
      summary: 'The multi-agency chronology of a person, filtered',
      request: { params: PersonParams, query: ChronologyQuery },
      responses: {
        200: jsonResponse(ChronologyResponse, 'Chronology entries, newest first'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const view = await chronology(requireSession(c).actor, c.req.valid('param'), c.req.valid('query'));
      return c.json(toChronologyResponse(view), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/persons/{personId}/chronology.csv',
      tags,
      summary: 'The chronology as CSV (cells that look like formulas are neutralised)',
      request: { params: PersonParams, query: ChronologyQuery },
      responses: {
        200: {
          content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } },
          description: 'CSV, UTF-8 with a byte order mark',
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const session = requireSession(c);
      const { displayName } = session.user;
      const { role, organisationName } = session.membership;
      const producer = `${displayName}, ${roleLabels[role]}, ${organisationName}`;
      const csv = await exportChronologyCsv(
        deps,
        session.actor,
        { ...c.req.valid('param'), ...c.req.valid('query') },
        producer,
      );
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="chronology-${londonDate(deps.clock.now())}.csv"`,
      });
    },
  );
}
