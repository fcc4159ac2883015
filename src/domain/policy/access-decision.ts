import type { Role } from '../partnership/roles.ts';
import type { OrganisationId, PartnershipId } from '../shared/ids.ts';
import type { FieldGroup } from './field-groups.ts';
import type { Purpose } from './purposes.ts';

/**
 * The shapes of an access decision. One decision answers one question: may this actor, acting
 * for this purpose, see this field group held by this organisation, at this time? It either
 * names what allows it (the organisation's own records, or one flow of an agreement in force
 * with its gateways) or says why not, so that "why can I see this" is always answerable
 * (DESIGN.md rule 4; golden rule 7 of the 2024 advice: record the reasons either way).
 */

/** Who asks. A signed-in user's Actor satisfies it; the system acts through `unsafe*` paths only. */
export interface DecisionActor {
  readonly partnershipId: PartnershipId;
  readonly organisationId: OrganisationId;
  readonly role: Role;
}

export interface AccessRequest {
  readonly actor: DecisionActor;
  readonly purpose: Purpose;
  /** The organisations that hold data about the subject. */
  readonly holders: readonly OrganisationId[];
  readonly fieldGroups: readonly FieldGroup[];
  /** The time of the read: an agreement that has expired stops disclosure at once. */
  readonly at: Date;
}

/** The flow of an agreement version that a decision relied on or refers to. */
export interface AgreementBasis {
  readonly agreementId: string;
  readonly reference: string;
  readonly title: string;
  readonly version: number;
  readonly flowId: string;
  readonly fromOrganisationId: OrganisationId;
  readonly toOrganisationId: OrganisationId;
  readonly validFrom: Date;
  readonly validTo: Date | null;
}

export type AllowReason = 'own_organisation' | 'agreement_in_force' | 'disclosure' | 'break_glass';

/** A per-child grant a decision relied on (visibility.ts): a disclosure or a break-glass. */
export interface GrantBasis {
  readonly grantId: string;
  readonly kind: 'disclosure' | 'break_glass';
  /** The decision record or break-glass request that made the grant. */
  readonly sourceId: string | null;
  readonly expiresAt: Date;
  /** The limits a break-glass set aside for this record (restriction, withdrawn consent). */
  readonly setAsideLimitIds: readonly string[];
}

export const denyReasons = [
  'role_not_permitted',
  'no_agreement',
  'purpose_not_covered',
  'field_group_not_covered',
  'agreement_expired',
  'agreement_not_started',
] as const;
export type DenyReason = (typeof denyReasons)[number];

interface DecisionCommon {
  readonly holderOrganisationId: OrganisationId;
  readonly fieldGroup: FieldGroup;
  readonly purpose: Purpose;
}

export interface AllowDecision extends DecisionCommon {
  readonly outcome: 'allow';
  readonly reason: AllowReason;
  /**
   * The flow relied on; null for the organisation's own records, whose gateway is the
   * organisation's own function (it needs no agreement to read what it holds itself).
   */
  readonly agreement: AgreementBasis | null;
  /** The gateways of that flow (statute, Art 6, Art 9 / Sched 1, Art 10); empty for own records. */
  readonly gatewayIds: readonly string[];
  /** The per-child grant relied on, for the reasons disclosure and break_glass. */
  readonly grant?: GrantBasis;
}

export interface DenyDecision extends DecisionCommon {
  readonly outcome: 'deny';
  readonly reason: DenyReason;
  /**
   * The flows the reason is about: those in force between the two organisations that do not
   * cover this purpose or field group, or those that would cover it but are out of date.
   * Empty for role_not_permitted and no_agreement.
   */
  readonly agreements: readonly AgreementBasis[];
}

export type FieldGroupDecision = AllowDecision | DenyDecision;
