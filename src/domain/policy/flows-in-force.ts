import type { OrganisationId, PartnershipId } from '../shared/ids.ts';
import type { FieldGroup } from './field-groups.ts';
import type { Purpose } from './purposes.ts';

/**
 * The contract between the agreements module and the policy decision: one Tier 2 flow of an
 * agreement version that is in force (active, or active with its review due). The agreements
 * module produces these; the decision consumes only these, so nothing else about an agreement
 * can widen what a user sees. Time limits stay on the flow because the decision checks them
 * against the time of the read (an agreement that expires stops disclosure at once).
 */
export interface FlowInForce {
  readonly partnershipId: PartnershipId;
  /** The agreement's stable id (the same across amendments). */
  readonly agreementId: string;
  /** The reference a practitioner recognises, e.g. "T2-014". */
  readonly agreementReference: string;
  readonly agreementTitle: string;
  /** The version in force; an amendment makes a new version and retires the old one. */
  readonly agreementVersion: number;
  readonly flowId: string;
  /** The organisation holding the data (the discloser). */
  readonly fromOrganisationId: OrganisationId;
  /** The organisation receiving it (the viewer's organisation). */
  readonly toOrganisationId: OrganisationId;
  readonly purposes: readonly Purpose[];
  readonly fieldGroups: readonly FieldGroup[];
  /** Every gateway the flow relies on: statute, Art 6 basis, Art 9 / Sched 1, Art 10, CLDC. */
  readonly gatewayIds: readonly string[];
  readonly validFrom: Date;
  /** Null when the agreement has no end date. */
  readonly validTo: Date | null;
}
