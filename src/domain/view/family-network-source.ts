import type { FieldGroup } from '../policy/field-groups.ts';

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
 * The port the view makes the network through: the policy's person read reads the network's
 * facts in its own statement (one round trip, one snapshot) when asked, and `network` makes the
 * network of that value. The facts disclose nothing by themselves: the view shows only edges
 * whose evidence the read says the viewer may see. Until it is wired in there is no network
 * (nothing shown is the safe default).
 */
export interface FamilyNetworkSource {
  readonly network: (personId: string, facts: unknown) => FamilyNetwork;
}

export const noFamilyNetwork: FamilyNetworkSource = {
  network: () => ({ members: [], households: [] }),
};
