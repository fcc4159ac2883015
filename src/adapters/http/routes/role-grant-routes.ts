import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { findRoleGrants } from '../../../domain/partnership/find-role-grants.ts';
import { roleLabels } from '../../../domain/partnership/roles.ts';
import { RoleGrantsResponse } from '../contracts/partnership.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

/** The register of role grants and ends in the DPO's own organisation (find-role-grants.ts). */
export function roleGrantRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/role-grants',
      tags: ['Partnership'],
      summary: 'Roles granted and ended in your organisation, by whom and when (data protection officers)',
      responses: { 200: jsonResponse(RoleGrantsResponse, 'The register of role grants'), ...commonErrors },
    }),
    async (c) => {
      const session = requireSession(c);
      const grants = await findRoleGrants(deps, session.actor);
      return c.json(
        {
          organisationName: session.membership.organisationName,
          grants: grants.map((g) => ({
            ...g,
            roleLabel: roleLabels[g.role],
            grantedAt: g.grantedAt.toISOString(),
            endedAt: g.endedAt?.toISOString() ?? null,
          })),
        },
        200,
      );
    },
  );
}
