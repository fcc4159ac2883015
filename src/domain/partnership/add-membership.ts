import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, invalid, notFound } from '../shared/errors.ts';
import { authorise } from './authorise.ts';
import { overOrganisation } from './capabilities.ts';
import { getOrganisationInPartnership } from './find-organisations.ts';
import { assertMayGrant, grantedByLabel } from './role-grants.ts';
import type { Role } from './roles.ts';
import { appUser, membership } from './schema.ts';
import { isUniqueViolation } from './unique-violation.ts';

/**
 * Gives a user a role in an organisation. Who may grant which role where is role-grants.ts;
 * the grant, who made it and its audit event are written in one transaction.
 */
export async function addMembership(
  deps: Deps,
  actor: Actor,
  input: { userId: string; organisationId: string; role: Role },
): Promise<{ id: string }> {
  await authorise(deps, actor, 'manage_users', overOrganisation(input.organisationId), 'membership.add');
  const [user] = await deps.db
    .select({ id: appUser.id })
    .from(appUser)
    .where(and(eq(appUser.partnershipId, actor.partnershipId), eq(appUser.id, input.userId)));
  if (!user) throw notFound('The user');
  if (!(await getOrganisationInPartnership(deps.db, actor.partnershipId, input.organisationId))) {
    throw invalid('organisationId', 'Select an organisation from the list');
  }
  await assertMayGrant(deps, actor, 'grant', input);
  const id = deps.ids.uuid();
  try {
    await deps.db.transaction(async (tx) => {
      await tx
        .insert(membership)
        .values({ partnershipId: actor.partnershipId, id, ...input, grantedBy: grantedByLabel(actor) });
      await appendAuditEvent(tx, {
        actor,
        action: 'membership.added',
        outcome: 'success',
        details: { ...input },
        subject: { type: 'user', id: input.userId },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', 'Check the highlighted fields', {
        fields: [{ field: 'role', problem: 'The user already has this role in this organisation' }],
      });
    }
    throw error;
  }
  return { id };
}
