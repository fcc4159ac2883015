import type { PartnershipId } from '../shared/ids.ts';
import type { LinkingDeps } from './held-index.ts';
import { linkAgencyPersons } from './link-agency-persons.ts';

/**
 * Ingest's linking port (feeds/ingest-feed.ts `linkPeople`), bound to this process's linkage
 * indexes: each committed batch's new or changed agency persons are linked against everything
 * held (issue 4, incremental linking). The composition root makes one per process.
 */
export function personLinker(
  deps: LinkingDeps,
): (partnershipId: PartnershipId, agencyPersonIds: readonly string[]) => Promise<void> {
  return async (partnershipId, agencyPersonIds) => {
    await linkAgencyPersons(deps, partnershipId, agencyPersonIds);
  };
}
