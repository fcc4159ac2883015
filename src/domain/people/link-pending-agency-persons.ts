import type { PartnershipId } from '../shared/ids.ts';
import { findAgencyPersonsToLink } from './agency-person-store.ts';
import type { LinkingDeps } from './held-index.ts';
import { linkAgencyPersons } from './link-agency-persons.ts';

const CHUNK = 2000;

/**
 * Links every agency person of an organisation that linkage has not evaluated as it is now:
 * ingest commits a batch and then links it, so a run killed between the two leaves persons
 * with no link (or a changed record with its old link). Ingest calls this at the end of every
 * run, so the next run of any of the organisation's feeds (even a replay that writes nothing)
 * puts them in the single view. Returns how many were linked or evaluated again.
 */
export async function linkPendingAgencyPersons(
  deps: LinkingDeps,
  partnershipId: PartnershipId,
  organisationId: string,
): Promise<number> {
  const ids = await findAgencyPersonsToLink(deps.db, partnershipId, organisationId);
  let linked = 0;
  for (let k = 0; k < ids.length; k += CHUNK) {
    const outcomes = await linkAgencyPersons(deps, partnershipId, ids.slice(k, k + CHUNK));
    linked += outcomes.filter((o) => o.linkedBy !== 'already_linked').length;
  }
  return linked;
}
