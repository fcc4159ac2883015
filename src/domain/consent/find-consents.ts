import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import { overOrganisation } from '../partnership/capabilities.ts';
import { findOwnAgencyPersons } from '../policy/own-agency-persons.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { notFound } from '../shared/errors.ts';
import { inForceAt, selectConsents, type Consent } from './consent-store.ts';

export interface ConsentListItem extends Consent {
  readonly inForce: boolean;
}

/**
 * The consents the actor's organisation recorded for a child (by Tessera's person id), newest
 * first, each saying whether it is in force now. Only the holder's own: another organisation's
 * consent would tell the reader that organisation knows the child. A child the organisation holds
 * nothing about is "not found", as is a role that may not record consent. The read is audited as
 * a `subject.viewed` (view 'consents'): a consent names the parent who gave it.
 */
export async function findConsents(deps: Deps, actor: Actor, personId: string): Promise<ConsentListItem[]> {
  if (actor.kind !== 'user') throw notFound('The child');
  await authorise(deps, actor, 'record_consent', overOrganisation(actor.organisationId), 'consent.list', () =>
    notFound('The child'),
  );
  const now = deps.clock.now();
  const found = await deps.db.transaction(async (tx) => {
    const subjectIds = await findOwnAgencyPersons(tx, actor, personId);
    if (subjectIds.length === 0) return undefined;
    const consents = await selectConsents(tx, actor.partnershipId, actor.organisationId, subjectIds);
    await appendAuditEvent(tx, {
      actor,
      action: 'subject.viewed',
      outcome: 'success',
      subject: { type: 'person', id: personId },
      at: now,
      details: { view: 'consents', records: consents.length, ownRecords: true },
    });
    return consents.map((c) => ({ ...c, inForce: inForceAt(c, now) }));
  });
  if (!found) {
    await appendAuditEvent(deps.db, {
      actor,
      action: 'access.denied',
      outcome: 'denied',
      subject: { type: 'person', id: personId },
      details: { attempted: 'consent.list', reason: 'no_such_subject' },
    });
    throw notFound('The child');
  }
  return found;
}
