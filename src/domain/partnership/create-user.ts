import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { hashPassword } from '../identity/password-hashing.ts';
import { assertAcceptablePassword } from '../identity/password-policy.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, invalid } from '../shared/errors.ts';
import { authorise } from './authorise.ts';
import { overOrganisation } from './capabilities.ts';
import { getOrganisationInPartnership } from './find-organisations.ts';
import { assertMayGrant, grantedByLabel } from './role-grants.ts';
import type { Role } from './roles.ts';
import { appUser, membership, userEmail } from './schema.ts';
import { isUniqueViolation } from './unique-violation.ts';

export interface CreateUserInput {
  readonly id?: string;
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly organisationId: string;
  readonly role: Role;
}

/**
 * Creates a user with their first membership, in one transaction with its audit events. The
 * organisation must belong to the actor's partnership: one from another partnership is answered
 * exactly like one that does not exist. The first role follows the rules of every grant
 * (role-grants.ts): the platform operator creates system administrators and each organisation's
 * first administrator, who then creates its people.
 */
export async function createUser(
  deps: Deps,
  actor: Actor,
  input: CreateUserInput,
  options: { passwordHash?: string } = {},
): Promise<{ id: string; email: string; displayName: string; membershipId: string }> {
  await authorise(deps, actor, 'manage_users', overOrganisation(input.organisationId), 'user.create');
  const email = input.email.trim().toLowerCase();
  if (!options.passwordHash)
    assertAcceptablePassword('password', input.password, { email, displayName: input.displayName });
  if (!(await getOrganisationInPartnership(deps.db, actor.partnershipId, input.organisationId))) {
    throw invalid('organisationId', 'Select an organisation from the list');
  }
  const id = input.id ?? deps.ids.uuid();
  await assertMayGrant(deps, actor, 'grant', {
    userId: id,
    organisationId: input.organisationId,
    role: input.role,
  });
  const passwordHash = options.passwordHash ?? (await hashPassword(input.password));
  const membershipId = deps.ids.uuid();
  try {
    await deps.db.transaction(async (tx) => {
      // One account per email on the whole platform: user_email holds that unique key, since
      // app_user's are per partnership (schema.ts, DESIGN.md section 5).
      await tx.insert(userEmail).values({ email, partnershipId: actor.partnershipId, userId: id });
      await tx.insert(appUser).values({
        partnershipId: actor.partnershipId,
        id,
        email,
        displayName: input.displayName,
        passwordHash,
        passwordChangedAt: deps.clock.now(),
      });
      await tx.insert(membership).values({
        partnershipId: actor.partnershipId,
        id: membershipId,
        userId: id,
        organisationId: input.organisationId,
        role: input.role,
        grantedBy: grantedByLabel(actor),
      });
      await appendAuditEvent(tx, {
        actor,
        action: 'user.created',
        outcome: 'success',
        details: { email, displayName: input.displayName },
        subject: { type: 'user', id },
      });
      await appendAuditEvent(tx, {
        actor,
        action: 'membership.added',
        outcome: 'success',
        details: { userId: id, organisationId: input.organisationId, role: input.role },
        subject: { type: 'user', id },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', 'Check the highlighted fields', {
        fields: [{ field: 'email', problem: 'A user with this email address already exists' }],
      });
    }
    throw error;
  }
  return { id, email, displayName: input.displayName, membershipId };
}
