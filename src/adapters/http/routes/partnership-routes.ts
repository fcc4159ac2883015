import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { addMembership } from '../../../domain/partnership/add-membership.ts';
import { authorise } from '../../../domain/partnership/authorise.ts';
import { partnershipWide } from '../../../domain/partnership/capabilities.ts';
import { createOrganisation } from '../../../domain/partnership/create-organisation.ts';
import { createUser } from '../../../domain/partnership/create-user.ts';
import { endMembership } from '../../../domain/partnership/end-membership.ts';
import { findOrganisations } from '../../../domain/partnership/find-organisations.ts';
import { findUsers } from '../../../domain/partnership/find-users.ts';
import {
  getOrganisationContactPoint,
  setOrganisationContactPoint,
} from '../../../domain/partnership/organisation-contact-point.ts';
import { grantableRoles } from '../../../domain/partnership/role-grants.ts';
import {
  organisationTypeLabels,
  organisationTypes,
  roleLabels,
  roles,
} from '../../../domain/partnership/roles.ts';
import { Uuid } from '../contracts/common.ts';
import {
  CreateOrganisationRequest,
  CreateUserRequest,
  MembershipGrant,
  OrganisationContactPointView,
  OrganisationView,
  ReferenceView,
  SetContactPointRequest,
  UserView,
} from '../contracts/partnership.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

const tags = ['Partnership'];
const UserParams = z.object({ userId: Uuid });
const OrganisationParams = z.object({ organisationId: Uuid });
const MembershipParams = z.object({ userId: Uuid, membershipId: Uuid });

const organisationView = (o: {
  id: string;
  name: string;
  type: keyof typeof organisationTypeLabels;
  createdAt: Date;
}) => ({
  ...o,
  typeLabel: organisationTypeLabels[o.type],
  createdAt: o.createdAt.toISOString(),
});

export function partnershipRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reference',
      tags,
      summary: 'Roles and organisation types',
      responses: { 200: jsonResponse(ReferenceView, 'Reference lists'), ...commonErrors },
    }),
    (c) => {
      const { actor } = requireSession(c);
      return c.json(
        {
          roles: roles.map((id) => ({ id, label: roleLabels[id] })),
          grantableRoles: grantableRoles(actor).map((id) => ({ id, label: roleLabels[id] })),
          organisationTypes: organisationTypes.map((id) => ({ id, label: organisationTypeLabels[id] })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organisations',
      tags,
      summary: 'Organisations in your partnership',
      responses: {
        200: jsonResponse(z.object({ organisations: z.array(OrganisationView) }), 'Organisations'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      await authorise(deps, actor, 'manage_partnership', partnershipWide, 'organisation.list');
      return c.json({ organisations: (await findOrganisations(deps.db, actor)).map(organisationView) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organisations',
      tags,
      summary: 'Add an organisation',
      request: { body: jsonBody(CreateOrganisationRequest) },
      responses: {
        201: jsonResponse(z.object({ organisation: OrganisationView }), 'Created'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const created = await createOrganisation(deps, requireSession(c).actor, c.req.valid('json'));
      return c.json({ organisation: organisationView(created) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organisations/{organisationId}/contact-point',
      tags,
      summary: "An organisation's directory entry, for its administrator or the partnership's",
      request: { params: OrganisationParams },
      responses: { 200: jsonResponse(OrganisationContactPointView, 'The entry'), ...commonErrors },
    }),
    async (c) => {
      const { organisationId } = c.req.valid('param');
      return c.json(await getOrganisationContactPoint(deps, requireSession(c).actor, organisationId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/organisations/{organisationId}/contact-point',
      tags,
      summary: 'Set or clear whom partners call about a child when no record names a lead worker',
      request: { params: OrganisationParams, body: jsonBody(SetContactPointRequest) },
      responses: { 200: jsonResponse(OrganisationContactPointView, 'The entry as set'), ...commonErrors },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const { organisationId } = c.req.valid('param');
      await setOrganisationContactPoint(
        deps,
        actor,
        organisationId,
        c.req.valid('json').contactPoint ?? null,
      );
      return c.json(await getOrganisationContactPoint(deps, actor, organisationId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users',
      tags,
      summary: 'Users you administer: the partnership, or your organisation',
      responses: { 200: jsonResponse(z.object({ users: z.array(UserView) }), 'Users'), ...commonErrors },
    }),
    async (c) => {
      const users = await findUsers(deps, requireSession(c).actor);
      return c.json(
        {
          users: users.map((u) => ({
            ...u,
            createdAt: u.createdAt.toISOString(),
            memberships: u.memberships.map((m) => ({ ...m, roleLabel: roleLabels[m.role] })),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users',
      tags,
      summary: 'Add a user with a first role',
      request: { body: jsonBody(CreateUserRequest) },
      responses: {
        201: jsonResponse(
          z.object({ user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }) }),
          'Created',
        ),
        409: commonErrors[400],
        ...commonErrors,
      },
    }),
    async (c) => {
      const created = await createUser(deps, requireSession(c).actor, c.req.valid('json'));
      return c.json(
        { user: { id: created.id, email: created.email, displayName: created.displayName } },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users/{userId}/memberships',
      tags,
      summary: 'Give a user a role in an organisation',
      request: { params: UserParams, body: jsonBody(MembershipGrant) },
      responses: {
        201: jsonResponse(z.object({ membership: z.object({ id: z.string() }) }), 'Added'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { userId } = c.req.valid('param');
      const membership = await addMembership(deps, requireSession(c).actor, {
        userId,
        ...c.req.valid('json'),
      });
      return c.json({ membership }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/users/{userId}/memberships/{membershipId}',
      tags,
      summary: 'End a membership (ends its sessions at once)',
      request: { params: MembershipParams },
      responses: { 204: { description: 'Ended' }, ...commonErrors },
    }),
    async (c) => {
      await endMembership(deps, requireSession(c).actor, c.req.valid('param'));
      return c.body(null, 204);
    },
  );
}
