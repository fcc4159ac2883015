import { gatewayKindLabels, type GatewayKind } from '../gateways/gateway-kinds.ts';
import type { OrganisationType } from '../partnership/roles.ts';
import type { DataCategory } from '../policy/field-groups.ts';
import type { Purpose } from '../policy/purposes.ts';
import type { AgreementContent, AgreementStatus, FlowContent, Tier } from './agreement-terms.ts';
import type { GatewayDescription } from './gateway-directory.ts';

/**
 * Rules refused on every write, even to a draft: they describe input that cannot be right
 * (something that does not exist, a flow with nobody in it, dates out of order).
 */
export const writeTimeRules = [
  'organisation_unknown',
  'listed_twice',
  'gateway_unknown',
  'gateway_wrong_kind',
  'dates_out_of_order',
  'flow_needs_organisations',
  'flow_shares_with_itself',
  'flow_purpose_grant_only',
  'data_categories_mismatch',
  'confidentiality_incomplete',
  'tier_fields_misplaced',
] as const;

/** Rules that a draft may break while it is being written, but that block its submission. */
export const submitTimeRules = [
  'parties_too_few',
  'purposes_missing',
  'flows_missing',
  'flow_organisation_not_party',
  'art6_missing',
  'basis_not_yet_law',
  'special_category_needs_art9',
  'art9_needs_sched1',
  'sched1_wrong_part',
  'criminal_offence_needs_art10',
  'public_authority_legitimate_interests',
  'health_data_needs_confidentiality',
  'public_authority_needs_statute',
  'flow_retention_missing',
  'tier1_unusable',
  'end_date_passed',
  'data_categories_missing',
] as const;

/** Warnings never block; they name what a data protection officer would question. */
export const warningRules = [
  'consent_for_safeguarding',
  'party_without_flow',
  'outside_tier1',
  'condition_not_needed',
] as const;

export type CheckRule =
  (typeof writeTimeRules)[number] | (typeof submitTimeRules)[number] | (typeof warningRules)[number];

export interface AgreementProblem {
  /** Dotted path of the field, e.g. `flows.1.art9ConditionId`. */
  readonly field: string;
  readonly problem: string;
  readonly rule: CheckRule;
}

export interface AgreementCheckResult {
  readonly errors: readonly AgreementProblem[];
  readonly warnings: readonly AgreementProblem[];
}

export interface CheckOrganisation {
  readonly name: string;
  readonly type: OrganisationType;
}

/** What a Tier 2 agreement is checked against: its Tier 1 as it now stands. */
export interface Tier1Context {
  readonly reference: string;
  readonly status: AgreementStatus;
  readonly partyIds: readonly string[];
  readonly purposes: readonly Purpose[];
  readonly dataCategories: readonly DataCategory[];
  readonly gatewayIds: readonly string[];
}

export interface AgreementCheckInput {
  readonly tier: Tier;
  readonly content: AgreementContent;
  /** In order; `positions[i]` is the number people know flow i by (default i + 1). */
  readonly flows: readonly FlowContent[];
  readonly positions?: readonly number[];
  /** The organisations of the agreement's own partnership, and only those. */
  readonly organisations: ReadonlyMap<string, CheckOrganisation>;
  readonly gateways: ReadonlyMap<string, GatewayDescription>;
  /** For a Tier 2 agreement; null for Tier 1. */
  readonly tier1: Tier1Context | null;
  /** Today's UK date (YYYY-MM-DD). */
  readonly today: string;
}

/** Collects problems with the rule that found each. */
export class ProblemList {
  readonly errors: AgreementProblem[] = [];
  readonly warnings: AgreementProblem[] = [];
  error(rule: CheckRule, field: string, problem: string): void {
    this.errors.push({ rule, field, problem });
  }
  warn(rule: CheckRule, field: string, problem: string): void {
    this.warnings.push({ rule, field, problem });
  }
}

/** "a UK GDPR Article 9 condition" or "a statutory duty or a statutory power". */
export function describeKinds(kinds: readonly GatewayKind[]): string {
  return kinds.map((k) => `a ${lowerFirst(gatewayKindLabels[k])}`).join(' or a ');
}

function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}
