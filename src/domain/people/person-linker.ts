import type { PartnershipId } from '../shared/ids.ts';
import type { LinkingDeps } from './held-index.ts';
import { linkAgencyPersons } from './link-agency-persons.ts';
import { linkPendingAgencyPersons } from './link-pending-agency-persons.ts';

/**
 * Ingest's linking ports (feeds/ingest-feed.ts `linkPeople` and `linkPending`), bound to this
 * process's linkage indexes: each committed batch's new or changed agency persons are linked
 * against everything held (issue 4, incremental linking), and at the end of a run any person of
 * the organisation left unlinked by an earlier, killed run. The composition root makes one per
 * process.
 */
export function personLinker(deps: LinkingDeps): {
  linkPeople: (partnershipId: PartnershipId, agencyPersonIds: readonly string[]) => Promise<void>;
  linkPending: (partnershipId: PartnershipId, organisationId: string) => Promise<number>;
} {
  return {
    linkPeople: async (partnershipId, agencyPersonIds) => {
      await linkAgencyPersons(deps, partnershipId, agencyPersonIds);
    },
    linkPending: (partnershipId, organisationId) =>
      linkPendingAgencyPersons(deps, partnershipId, organisationId),
  };
}
