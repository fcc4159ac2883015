import type { SQL } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AccessDeniedReason, AgreementRelied, GrantRelied, WithheldPair } from '../audit/actions.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import type { AllowDecision, DecisionActor } from './access-decision.ts';
import { compilePolicy, type CompiledPolicy } from './compile-policy.ts';
import { allowedScope, type AllowedScope } from './decide-access.ts';
import { fieldGroups as allFieldGroups, type FieldGroup } from './field-groups.ts';
import type { FlowsInForceSource } from './flows-in-force-source.ts';
import type { Purpose } from './purposes.ts';
import { mayActForAs, mayBreakGlass } from './role-purposes.ts';
import type { Visibility } from './visibility.ts';

/** Subject data is about a person; audit events name them by the person key. */
export const SUBJECT_TYPE = 'person';

export type PolicyAccess =
  | {
      readonly ok: true;
      readonly actor: DecisionActor;
      readonly policy: CompiledPolicy;
      readonly scope: AllowedScope;
      readonly atMs: number;
      /** The reading user: a break-glass grant is bound to one (visibility.ts). */
      readonly userId: string;
      /** The field groups the read asked for. */
      readonly requested: readonly FieldGroup[];
    }
  | { readonly ok: false; readonly reason: AccessDeniedReason };

/**
 * The first half of every read: who may see what, for this purpose, now. The flows in force are
 * loaded through the injected source with the reader's transaction and compiled once for the
 * read, or, from a caching source (policy-cache.ts), taken compiled from the cache after one
 * check of the partnership's agreement generation in the same transaction. A system actor has no role and so no purpose: system paths that must reach subject data
 * are named unsafe* instead (DESIGN.md rule 1).
 */
export async function loadPolicyAccess(
  tx: Db,
  source: FlowsInForceSource,
  actor: Actor,
  purpose: Purpose,
  at: Date,
  fieldGroups: readonly FieldGroup[] = allFieldGroups,
): Promise<PolicyAccess> {
  if (actor.kind !== 'user') return { ok: false, reason: 'system_actor' };
  // The role in an organisation of its type (role-purposes.ts): a police officer is refused the
  // care of a looked-after child even if a flow would carry it.
  if (!mayReadFor(actor, purpose)) return { ok: false, reason: 'role_not_permitted' };
  const policy = source.compiledPolicy
    ? await source.compiledPolicy(tx, actor.partnershipId, at)
    : compilePolicy(await source(tx, actor.partnershipId, at));
  return accessWith(policy, actor, purpose, at, fieldGroups);
}

/**
 * The gate of every read: the role may act for the purpose, or the purpose is 'emergency' and the
 * role may break glass. For 'emergency' no role has a standing scope (decide-access.ts gives an
 * empty one), so such a read shows only what a live break-glass grant of this very reader covers
 * (visibility.ts), and without one answers "not found" like any child the reader may not see.
 */
function mayReadFor(actor: Actor & { kind: 'user' }, purpose: Purpose): boolean {
  return mayActForAs(actor, purpose) || (purpose === 'emergency' && mayBreakGlass(actor.role));
}

function accessWith(
  policy: CompiledPolicy,
  actor: Actor & { kind: 'user' },
  purpose: Purpose,
  at: Date,
  fieldGroups: readonly FieldGroup[],
): PolicyAccess & { ok: true } {
  const decisionActor: DecisionActor = {
    partnershipId: actor.partnershipId,
    organisationId: actor.organisationId,
    role: actor.role,
  };
  const scope = allowedScope(policy, decisionActor, purpose, at, fieldGroups);
  return {
    ok: true,
    actor: decisionActor,
    policy,
    scope,
    atMs: at.getTime(),
    userId: actor.userId,
    requested: [...new Set(fieldGroups)],
  };
}

/** The visibility (visibility.ts) this access gives for the purpose: what every read filters on. */
export function visibilityOf(access: PolicyAccess & { ok: true }, purpose: Purpose): Visibility {
  return {
    partnershipId: access.actor.partnershipId,
    viewerOrganisationId: access.actor.organisationId,
    viewerUserId: access.userId,
    purpose,
    atMs: access.atMs,
    requested: access.requested,
    scope: access.scope,
  };
}

/**
 * The access a cached policy would give, with no I/O, and the SQL that reads the generation the
 * caller must find unchanged in its own statement before trusting the answer (SpeculativePolicy).
 * Undefined when there is nothing cached or the actor may not read at all: take the ordinary
 * path (loadPolicyAccess), which also records the denial.
 */
export function peekPolicyAccess(
  source: FlowsInForceSource,
  actor: Actor,
  purpose: Purpose,
  at: Date,
  fieldGroups: readonly FieldGroup[] = allFieldGroups,
): { access: PolicyAccess & { ok: true }; generation: string; generationColumn: SQL } | undefined {
  if (!source.speculative || actor.kind !== 'user' || !mayActForAs(actor, purpose)) return undefined;
  const held = source.speculative.peek(actor.partnershipId, at);
  if (!held) return undefined;
  return {
    access: accessWith(held.policy, actor, purpose, at, fieldGroups),
    generation: held.generation,
    generationColumn: source.speculative.generationColumn(actor.partnershipId),
  };
}

/**
 * A refused read, in the reader's own transaction, which then commits: the caller answers
 * "not found" whatever the reason (DESIGN.md rule 2), and the log keeps the reason.
 */
export async function recordDenial(
  tx: Db,
  actor: Actor,
  denial: {
    purpose: Purpose;
    subjectId: string;
    attempted: string;
    reason: AccessDeniedReason;
    at: Date;
    withheld?: readonly WithheldPair[];
  },
): Promise<void> {
  await appendAuditEvent(tx, {
    actor,
    action: 'access.denied',
    outcome: 'denied',
    at: denial.at,
    subject: { type: SUBJECT_TYPE, id: denial.subjectId },
    purpose: denial.purpose,
    details: {
      attempted: denial.attempted,
      reason: denial.reason,
      ...(denial.withheld && denial.withheld.length > 0 ? { withheld: denial.withheld } : {}),
    },
  });
}

/** The distinct flows a set of allow decisions relied on, in a stable order, for the audit log. */
export function agreementsReliedOn(decisions: readonly AllowDecision[]): AgreementRelied[] {
  const byFlow = new Map<string, AgreementRelied>();
  for (const d of decisions) {
    if (d.agreement === null) continue;
    const a = d.agreement;
    byFlow.set(`${a.agreementId}\u0000${a.version}\u0000${a.flowId}`, {
      agreementId: a.agreementId,
      reference: a.reference,
      version: a.version,
      flowId: a.flowId,
    });
  }
  return [...byFlow.values()].sort(
    (x, y) =>
      x.reference.localeCompare(y.reference) || x.version - y.version || x.flowId.localeCompare(y.flowId),
  );
}

/** The distinct per-child grants a set of allow decisions relied on, for the audit log. */
export function grantsReliedOn(decisions: readonly AllowDecision[]): GrantRelied[] {
  const byId = new Map<string, GrantRelied>();
  for (const d of decisions) {
    if (!d.grant) continue;
    const known = byId.get(d.grant.grantId);
    const setAside = [...new Set([...(known?.setAsideLimitIds ?? []), ...d.grant.setAsideLimitIds])].sort();
    byId.set(d.grant.grantId, {
      grantId: d.grant.grantId,
      kind: d.grant.kind,
      sourceId: d.grant.sourceId,
      setAsideLimitIds: setAside,
    });
  }
  return [...byId.values()].sort((x, y) => x.grantId.localeCompare(y.grantId));
}

/** The audit column holds one agreement: set only when the disclosure relied on exactly one. */
export function singleAgreementId(relied: readonly AgreementRelied[]): string | undefined {
  const ids = new Set(relied.map((r) => r.agreementId));
  return ids.size === 1 ? [...ids][0] : undefined;
}
