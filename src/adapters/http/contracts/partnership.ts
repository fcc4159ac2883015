import { z } from '@hono/zod-openapi';
import { organisationTypes, roles } from '../../../domain/partnership/roles.ts';
import { chosenId } from './common.ts';

const name = z
  .string()
  .trim()
  .min(1, { error: 'Enter a name' })
  .max(200, { error: 'Name must be 200 characters or fewer' });

export const CreateOrganisationRequest = z
  .strictObject({
    name,
    type: z.enum(organisationTypes, { error: 'Select an organisation type from the list' }),
  })
  .openapi('CreateOrganisationRequest');

export const OrganisationView = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    typeLabel: z.string(),
    createdAt: z.string(),
  })
  .openapi('Organisation');

export const MembershipGrant = z.strictObject({
  organisationId: chosenId('Select the organisation'),
  role: z.enum(roles, { error: 'Select a role from the list' }),
});

export const CreateUserRequest = z
  .strictObject({
    email: z
      .email({ error: 'Enter an email address in the correct format, like name@example.org' })
      .max(254, {
        error: 'Email address must be 254 characters or fewer',
      }),
    displayName: name,
    password: z.string().max(256, { error: 'Password must be 256 characters or fewer' }),
    organisationId: chosenId('Select the organisation'),
    role: z.enum(roles, { error: 'Select a role from the list' }),
  })
  .openapi('CreateUserRequest');

export const UserView = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    createdAt: z.string(),
    memberships: z.array(
      z.object({
        id: z.string(),
        organisationId: z.string(),
        organisationName: z.string(),
        role: z.string(),
        roleLabel: z.string(),
        mayEnd: z.boolean().openapi({ description: 'Whether you may end this membership' }),
      }),
    ),
  })
  .openapi('User');

export const ReferenceView = z
  .object({
    roles: z.array(z.object({ id: z.string(), label: z.string() })),
    grantableRoles: z
      .array(z.object({ id: z.string(), label: z.string() }))
      .openapi({ description: 'The roles you may give others, in the organisation you act for' }),
    organisationTypes: z.array(z.object({ id: z.string(), label: z.string() })),
  })
  .openapi('Reference');

const GrantAuthorView = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('user'), userId: z.string(), name: z.string() }),
    z.object({ kind: z.literal('platform'), process: z.string() }),
    z.object({ kind: z.literal('unrecorded') }),
  ])
  .openapi('GrantAuthor');

export const RoleGrantView = z
  .object({
    membershipId: z.string(),
    userId: z.string(),
    userName: z.string(),
    userEmail: z.string(),
    role: z.string(),
    roleLabel: z.string(),
    grantedAt: z.string(),
    grantedBy: GrantAuthorView,
    endedAt: z.string().nullable(),
    endedBy: GrantAuthorView.nullable(),
  })
  .openapi('RoleGrant');

export const RoleGrantsResponse = z
  .object({ organisationName: z.string(), grants: z.array(RoleGrantView) })
  .openapi('RoleGrants');

/** An organisation's directory entry (partnership/organisation-contact-point.ts checks it). */
const ContactPointView = z
  .object({
    name: z.string(),
    role: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  })
  .openapi('ContactPoint');

export const OrganisationContactPointView = z
  .object({ id: z.string(), name: z.string(), contactPoint: ContactPointView.nullable() })
  .openapi('OrganisationContactPoint');

/** Shapes only: the domain's contactPointSchema checks each value and names the bad field. */
export const SetContactPointRequest = z
  .object({
    contactPoint: z
      .object({
        name: z.string(),
        role: z.string().nullable().optional(),
        phone: z.string().nullable().optional(),
        email: z.string().nullable().optional(),
      })
      .strict()
      .nullable(),
  })
  .openapi('SetContactPoint');
