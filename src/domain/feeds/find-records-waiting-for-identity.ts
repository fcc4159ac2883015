import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import { overOrganisation, scopeOf } from '../partnership/capabilities.ts';
import {
  selectRecordsWaitingForIdentity,
  type WaitingFeed,
  type WaitingRecord,
} from '../records/ingest-waiting-records.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';

export const MAX_WAITING_LISTED = 500;

/**
 * Records waiting for identity (issue 14): kept although their person's details row was refused
 * or has not arrived, so no one outside the agency sees them until it does. A data manager sees
 * their own organisation's; a system administrator every organisation's, as with ingest reports.
 * The list names the agency's own person ids and item references, so reading it is audited.
 * The count per feed comes first: a feed whose organisation sends no person details at all
 * leaves every record waiting, which is a gap in the feeds rather than a bad row.
 */
export async function findRecordsWaitingForIdentity(
  deps: Deps,
  actor: Actor,
  options: { feed?: string | undefined } = {},
): Promise<{ records: WaitingRecord[]; total: number; byFeed: WaitingFeed[] }> {
  // As with ingest reports: a data manager over their own organisation, a system
  // administrator (partnership scope) over every organisation of the partnership.
  const own = actor.kind === 'user' ? actor.organisationId : '';
  await authorise(deps, actor, 'ingest_feeds', overOrganisation(own), 'feeds.waiting.list');
  const organisationId = scopeOf(actor, 'ingest_feeds') === 'organisation' ? own : undefined;
  return deps.db.transaction(async (tx) => {
    const found = await selectRecordsWaitingForIdentity(tx, {
      partnershipId: actor.partnershipId,
      organisationId,
      feed: options.feed,
      limit: MAX_WAITING_LISTED,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'ingest.waiting_listed',
      outcome: 'success',
      details: {
        organisationId: organisationId ?? null,
        feed: options.feed ?? null,
        returned: found.records.length,
      },
    });
    return found;
  });
}
