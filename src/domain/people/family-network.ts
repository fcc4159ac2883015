/**
 * The family network of a person: the stable types the single view builds its family graph and
 * list from (issue 4, section 4). Every edge carries its evidence (the items it was read from,
 * with the organisation holding each and its field group), so the view can show only the edges
 * whose evidence the viewer may see: an edge with any hidden evidence item is hidden whole, and
 * nothing hints that it exists (DESIGN.md rule 1).
 */

/** What a member is to the person the network is about. */
export type FamilyRelationship =
  | 'parent_or_carer'
  | 'sibling'
  | 'partner_of_parent'
  /** The person is this member's parent or carer (or their parent's partner). */
  | 'child'
  /** Lived at the same address at the same time, with no recorded relationship needed. */
  | 'household_member';

/** One item an edge was read from. */
export interface EdgeEvidence {
  readonly subjectRecordId: string;
  /** The organisation holding the item: the discloser in an agreement's flow. */
  readonly organisationId: string;
  readonly fieldGroup: string;
}

export interface FamilyEdge {
  readonly relationship: FamilyRelationship;
  /**
   * 'relationship': an agency recorded it; 'shared_parent': a sibling because both were recorded
   * as children of the same parent or carer (evidence: both items); 'household': a shared address
   * over overlapping time.
   */
  readonly source: 'relationship' | 'shared_parent' | 'household';
  /** ISO dates; null from = not recorded, null to = ongoing. */
  readonly fromDate: string | null;
  readonly toDate: string | null;
  /** For a household edge, the address shared (normalised address key). */
  readonly addressKey: string | null;
  readonly evidence: readonly EdgeEvidence[];
}

export interface FamilyMember {
  readonly personId: string;
  /** Every edge between the person and this member, each with its own evidence. */
  readonly edges: readonly FamilyEdge[];
}

/** People who lived at one address at the same time as the person. */
export interface Household {
  readonly addressKey: string;
  readonly postcode: string | null;
  /** The person's own time at the address (earliest from, latest to; null to = ongoing). */
  readonly fromDate: string | null;
  readonly toDate: string | null;
  /** The person's own address items at this address. */
  readonly evidence: readonly EdgeEvidence[];
  readonly members: readonly {
    readonly personId: string;
    /** The time they overlapped. */
    readonly fromDate: string | null;
    readonly toDate: string | null;
    /**
     * One address item of the person's and one of the member's that overlap: a member appears
     * once per such pair, so the view shows them if any pair is visible, and dedupes.
     */
    readonly evidence: readonly EdgeEvidence[];
  }[];
}

export interface FamilyNetwork {
  readonly personId: string;
  /** Members ordered by person id, each listed once with all their edges. */
  readonly members: readonly FamilyMember[];
  readonly households: readonly Household[];
}
