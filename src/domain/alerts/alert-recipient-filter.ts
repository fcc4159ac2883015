import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../shared/actor.ts';

/**
 * The one rule of whose an alert is, as SQL over the alert table aliased `a`: addressed to this
 * user in the organisation they act for, or to the role they act in there. Every read and the
 * acknowledgement use it, so an alert of another organisation, or of another role, is not found.
 */
export function alertsOfRecipient(actor: Actor & { kind: 'user' }): SQL {
  return sql`a.partnership_id = ${actor.partnershipId} and a.recipient_organisation_id = ${actor.organisationId}
    and (a.recipient_user_id = ${actor.userId} or (a.recipient_user_id is null and a.recipient_role = ${actor.role}))`;
}
