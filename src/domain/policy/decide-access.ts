import type { OrganisationId } from '../shared/ids.ts';
import type {
  AccessRequest,
  AgreementBasis,
  AllowDecision,
  DecisionActor,
  DenyDecision,
  DenyReason,
  FieldGroupDecision,
} from './access-decision.ts';
import {
  compilePolicy,
  fieldGroupBit,
  findPair,
  inForce,
  pairsTo,
  purposeIndex,
  type CompiledPair,
  type CompiledPolicy,
} from './compile-policy.ts';
import { fieldGroups as allFieldGroups, type FieldGroup } from './field-groups.ts';
import type { FlowInForce } from './flows-in-force.ts';
import type { Purpose } from './purposes.ts';
import { restsOnConsent } from './consent-basis.ts';
import { mayActFor } from './role-purposes.ts';

/**
 * THE access decision, a pure function of (actor, purpose, holders, field groups, flows in
 * force, time). Deny by default (DESIGN.md rule 2): only the organisation's own records, or a
 * flow of an agreement in force at that time between the holder and the actor's organisation
 * that names both the purpose and the field group, lets anything through. The actor's role
 * must first be one that may act for the purpose at all (role-purposes.ts).
 */
export function decideAccess(request: AccessRequest, flows: readonly FlowInForce[]): FieldGroupDecision[] {
  return decideWithPolicy(compilePolicy(flows), request);
}

/** The same decision against flows compiled once (compilePolicy), for every holder × field group. */
export function decideWithPolicy(policy: CompiledPolicy, request: AccessRequest): FieldGroupDecision[] {
  const { actor, purpose, holders, fieldGroups } = request;
  const atMs = request.at.getTime();
  const decisions: FieldGroupDecision[] = [];
  for (const holder of holders) {
    const pair = findPair(policy, actor.partnershipId, actor.organisationId, holder);
    for (const group of fieldGroups) decisions.push(decideInPair(pair, actor, purpose, holder, group, atMs));
  }
  return decisions;
}

/** One field group of one holder: the unit the benchmark measures. */
export function decideFieldGroup(
  policy: CompiledPolicy,
  actor: DecisionActor,
  purpose: Purpose,
  holder: OrganisationId,
  group: FieldGroup,
  atMs: number,
): FieldGroupDecision {
  const pair = findPair(policy, actor.partnershipId, actor.organisationId, holder);
  return decideInPair(pair, actor, purpose, holder, group, atMs);
}

function decideInPair(
  pair: CompiledPair | undefined,
  actor: DecisionActor,
  purpose: Purpose,
  holder: OrganisationId,
  group: FieldGroup,
  atMs: number,
): FieldGroupDecision {
  if (!mayActFor(actor.role, purpose)) return deny(holder, group, purpose, 'role_not_permitted', none);
  // The organisation's own records need no agreement: its gateway is its own function.
  if (holder === actor.organisationId) return allow(holder, group, purpose, 'own_organisation', null, none);
  if (pair === undefined) return deny(holder, group, purpose, 'no_agreement', none);
  const bit = fieldGroupBit[group] ?? 0;
  const candidates = pair.byPurpose[purposeIndex[purpose]] ?? none;
  for (let i = 0; i < candidates.length; i += 1) {
    const flow = candidates[i]!;
    if ((flow.groupMask & bit) !== 0 && inForce(flow, atMs)) {
      return allow(holder, group, purpose, 'agreement_in_force', flow.basis, flow.gatewayIds);
    }
  }
  return whyNot(pair, holder, group, purpose, bit, atMs);
}

/**
 * Why a pair with flows does not allow it, most specific first: a flow covers it but not at this
 * time (not started yet, or ended); else no flow in force at all; else none in force serves the
 * purpose; else none of those carries the field group.
 */
function whyNot(
  pair: CompiledPair,
  holder: OrganisationId,
  group: FieldGroup,
  purpose: Purpose,
  bit: number,
  atMs: number,
): DenyDecision {
  const purposeBit = 1 << purposeIndex[purpose];
  const covering = pair.flows.filter((f) => (f.purposeMask & purposeBit) !== 0 && (f.groupMask & bit) !== 0);
  if (covering.length > 0) {
    const future = covering.filter((f) => atMs < f.fromMs);
    if (future.length > 0) return deny(holder, group, purpose, 'agreement_not_started', future.map(basisOf));
    return deny(holder, group, purpose, 'agreement_expired', covering.map(basisOf));
  }
  const current = pair.flows.filter((f) => inForce(f, atMs));
  if (current.length === 0) return deny(holder, group, purpose, 'no_agreement', none);
  const forPurpose = current.filter((f) => (f.purposeMask & purposeBit) !== 0);
  if (forPurpose.length === 0)
    return deny(holder, group, purpose, 'purpose_not_covered', current.map(basisOf));
  return deny(holder, group, purpose, 'field_group_not_covered', forPurpose.map(basisOf));
}

const none: readonly never[] = Object.freeze([]);
const basisOf = (f: { basis: AgreementBasis }) => f.basis;

// Decisions are written as literals with a fixed key order, never by spreading: object spread
// costs V8 far more than the rest of a decision (measured in bench/policy).
function allow(
  holderOrganisationId: OrganisationId,
  fieldGroup: FieldGroup,
  purpose: Purpose,
  reason: AllowDecision['reason'],
  agreement: AgreementBasis | null,
  gatewayIds: readonly string[],
): AllowDecision {
  return { holderOrganisationId, fieldGroup, purpose, outcome: 'allow', reason, agreement, gatewayIds };
}

function deny(
  holderOrganisationId: OrganisationId,
  fieldGroup: FieldGroup,
  purpose: Purpose,
  reason: DenyReason,
  agreements: readonly AgreementBasis[],
): DenyDecision {
  return { holderOrganisationId, fieldGroup, purpose, outcome: 'deny', reason, agreements };
}

/** What a read may return: per holder, the field groups the policy allows. */
export interface AllowedScope {
  readonly holders: ReadonlyMap<OrganisationId, readonly FieldGroup[]>;
  /**
   * The "holder|field group" keys allowed only by flows resting on consent (consent-basis.ts):
   * a withdrawal of consent narrows these and nothing else (visibility.ts).
   */
  readonly consentOnly: ReadonlySet<string>;
}

/**
 * The row filter of a read (Medplum's "add the policy to the SQL"): every (holder, field group)
 * the decision would allow for this actor, purpose and time, computed from the policy alone and
 * without looking at the subject, so hidden records never leave the database. It agrees with
 * decideFieldGroup by construction (a property test checks it).
 */
export function allowedScope(
  policy: CompiledPolicy,
  actor: DecisionActor,
  purpose: Purpose,
  at: Date,
  requested: readonly FieldGroup[] = allFieldGroups,
): AllowedScope {
  const holders = new Map<OrganisationId, readonly FieldGroup[]>();
  const consentOnly = new Set<string>();
  if (!mayActFor(actor.role, purpose) || requested.length === 0) return { holders, consentOnly };
  holders.set(actor.organisationId, [...new Set(requested)]);
  const atMs = at.getTime();
  const purposeBit = 1 << purposeIndex[purpose];
  for (const [holder, pair] of pairsTo(policy, actor.partnershipId, actor.organisationId)) {
    if (holder === actor.organisationId) continue;
    let mask = 0;
    let otherBasisMask = 0;
    for (const flow of pair.flows) {
      if ((flow.purposeMask & purposeBit) === 0 || !inForce(flow, atMs)) continue;
      mask |= flow.groupMask;
      if (!restsOnConsent(flow.gatewayIds)) otherBasisMask |= flow.groupMask;
    }
    const groups = [...new Set(requested)].filter((g) => (mask & fieldGroupBit[g]) !== 0);
    if (groups.length > 0) holders.set(holder as OrganisationId, groups);
    for (const g of groups) if ((otherBasisMask & fieldGroupBit[g]) === 0) consentOnly.add(`${holder}|${g}`);
  }
  return { holders, consentOnly };
}
