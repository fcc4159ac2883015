import type { FieldGroup } from '../policy/field-groups.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { PartnershipId } from '../shared/ids.ts';

/**
 * The family network as the people module works it out (relationships from the feeds,
 * households from a shared address over overlapping time), before any policy is applied. Each
 * edge carries its evidence: the records it rests on, by holder and field group, so the view
 * can show an edge only to someone allowed to see at least one of them.
 */
export interface FamilyEvidence {
  readonly subjectRecordId: string;
  readonly holderOrganisationId: string;
  readonly fieldGroup: FieldGroup;
}

export interface FamilyMember {
  readonly personId: string;
  /** What the member is to the person: parent_or_carer, sibling, partner_of_parent, household. */
  readonly relationship: string;
  /** Every item the edge rests on: the edge is shown only if all of them may be. */
  readonly evidence: readonly FamilyEvidence[];
}

export interface FamilyHousehold {
  readonly id: string;
  readonly memberPersonIds: readonly string[];
  readonly fromDate: string | null;
  readonly toDate: string | null;
  readonly evidence: readonly FamilyEvidence[];
  /**
   * For each member, the sets of items that place them at the address with the person (each set
   * shown only if all of it is visible); a member without an entry rests on `evidence` alone.
   */
  readonly memberEvidence?: ReadonlyMap<string, readonly (readonly FamilyEvidence[])[]>;
}

export interface FamilyNetwork {
  readonly members: readonly FamilyMember[];
  readonly households: readonly FamilyHousehold[];
}

/**
 * The port the view reads the network through, in two halves so that the network's facts ride on
 * the view's own records statement (one round trip, one snapshot): `facts` is the SQL value to
 * read (the people module's familyFactsColumn), `network` makes the network of that value. The
 * facts are a system-level read that discloses nothing: the view shows only edges whose
 * evidence the viewer may see. Until it is wired in there is no network (nothing shown is the
 * safe default).
 */
export interface FamilyNetworkSource {
  readonly facts: (partnershipId: PartnershipId, personId: string) => SQL;
  readonly network: (personId: string, facts: unknown) => FamilyNetwork;
}

export const noFamilyNetwork: FamilyNetworkSource = {
  facts: () => sql`null::jsonb`,
  network: () => ({ members: [], households: [] }),
};
