import { z } from '@hono/zod-openapi';
import { Uuid } from './common.ts';

export const SignInRequest = z
  .strictObject({
    email: z.string().trim().max(254, { error: 'Email address must be 254 characters or fewer' }),
    password: z
      .string()
      .min(1, { error: 'Enter your password' })
      .max(256, { error: 'Password must be 256 characters or fewer' }),
  })
  .openapi('SignInRequest');

export const MembershipView = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    organisationType: z.string(),
    role: z.string(),
    roleLabel: z.string(),
  })
  .openapi('Membership');

export const SessionView = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
    partnership: z.object({ id: z.string(), name: z.string() }),
    membership: MembershipView,
    memberships: z.array(MembershipView),
    capabilities: z.array(z.string()),
    csrfToken: z.string(),
    idleExpiresAt: z.string(),
    absoluteExpiresAt: z.string(),
    /** Only in the answer to signing in, when the account was locked since the holder last did. */
    lockNotice: z
      .object({
        lockedAt: z.string().openapi({ example: '2026-12-07T09:14:03.000Z' }),
        failedAttempts: z.number().int(),
      })
      .optional(),
  })
  .openapi('Session');
export type SessionView = z.infer<typeof SessionView>;

export const SwitchMembershipRequest = z
  .strictObject({ membershipId: Uuid })
  .openapi('SwitchMembershipRequest');

export const ChangePasswordRequest = z
  .strictObject({
    currentPassword: z.string().min(1, { error: 'Enter your current password' }).max(256),
    newPassword: z.string().max(256, { error: 'Password must be 256 characters or fewer' }),
  })
  .openapi('ChangePasswordRequest');
