import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { findOrganisations } from '../partnership/find-organisations.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import type { OrganisationId } from '../shared/ids.ts';
import type { FieldGroupDecision } from './access-decision.ts';
import { decideFieldGroup } from './decide-access.ts';
import { keepAllowed } from './disclose-records.ts';
import { explainDecision } from './explain-decision.ts';
import { fieldGroups as allFieldGroups, type FieldGroup } from './field-groups.ts';
import type { PolicyDeps } from './flows-in-force-source.ts';
import {
  agreementsReliedOn,
  grantsReliedOn,
  loadPolicyAccess,
  recordDenial,
  singleAgreementId,
  visibilityOf,
  SUBJECT_TYPE,
} from './policy-access.ts';
import type { Purpose } from './purposes.ts';
import { findHeldPairs, findRecordsInScope } from './subject-record-store.ts';
import { explainWithheld } from './withheld-reasons.ts';

export interface AccessExplanation {
  readonly holderOrganisationId: OrganisationId;
  readonly holderName: string | null;
  readonly decision: FieldGroupDecision;
  readonly explanation: string;
}

export interface AccessExplanationView {
  readonly subjectId: string;
  readonly purpose: Purpose;
  /** Each (holder, field group) held about the subject that this actor is shown, and why. */
  readonly shown: readonly AccessExplanation[];
  /**
   * Each (organisation, field group) of the partnership this actor would not be shown for the
   * purpose, and why. It is computed from the agreements alone, over every organisation, so it
   * is the same for every child and says nothing about what is held about this one.
   */
  readonly notShown: readonly AccessExplanation[];
}

/**
 * "Why can I see this": the decisions behind a subject's records, in words. It reveals which
 * organisations hold which field groups about the subject, so it is a disclosure too, audited
 * as `subject.viewed` in the same transaction, and answers "not found" exactly as the read does.
 */
export async function explainAccess(
  deps: PolicyDeps,
  actor: Actor,
  purpose: Purpose,
  subjectId: string,
  options: { fieldGroups?: readonly FieldGroup[] } = {},
): Promise<AccessExplanationView> {
  const at = deps.clock.now();
  const requested = options.fieldGroups ?? allFieldGroups;
  const view = await deps.db.transaction(async (tx) => {
    const denial = { purpose, subjectId, attempted: 'subject.access', at };
    const access = await loadPolicyAccess(tx, deps.flowsInForce, actor, purpose, at, requested);
    if (!access.ok) {
      await recordDenial(tx, actor, { ...denial, reason: access.reason });
      return undefined;
    }
    const { policy, actor: who, atMs } = access;
    const decide = (holder: OrganisationId, group: FieldGroup) =>
      decideFieldGroup(policy, who, purpose, holder, group, atMs);
    // The same read and second layer as the records themselves (visibility.ts), so a grant or a
    // limit explains what it changes; only the decisions leave this function, never a payload.
    const found = await findRecordsInScope(tx, visibilityOf(access, purpose), subjectId);
    const holdings = [...keepAllowed(access, purpose, found.records, found.live).decisions.values()]
      .map((d) => d.decision)
      .sort(
        (x, y) =>
          x.holderOrganisationId.localeCompare(y.holderOrganisationId) ||
          x.fieldGroup.localeCompare(y.fieldGroup),
      );
    if (holdings.length === 0) {
      const held = await findHeldPairs(tx, who.partnershipId, subjectId);
      const withheld = await explainWithheld(tx, deps.flowsInForce, access, purpose, held);
      const reason = held.length > 0 ? 'nothing_disclosable' : 'no_such_subject';
      await recordDenial(tx, actor, { ...denial, reason, withheld });
      return undefined;
    }
    const organisations = await findOrganisations(tx, actor);
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    const context = {
      role: who.role,
      viewerOrganisationId: who.organisationId,
      organisationName: (id: string) => names.get(id),
    };
    const explain = (decision: FieldGroupDecision): AccessExplanation => ({
      holderOrganisationId: decision.holderOrganisationId,
      holderName: names.get(decision.holderOrganisationId) ?? null,
      decision,
      explanation: explainDecision(decision, context),
    });
    const notShown = organisations
      .flatMap((o) => requested.map((g) => decide(o.id as OrganisationId, g)))
      .filter((d) => d.outcome === 'deny')
      .map(explain);
    const relied = agreementsReliedOn(holdings.filter((d) => d.outcome === 'allow'));
    await appendAuditEvent(tx, {
      actor,
      action: 'subject.viewed',
      outcome: 'success',
      subject: { type: SUBJECT_TYPE, id: subjectId },
      purpose,
      agreementId: singleAgreementId(relied),
      disclosed: [...new Set(holdings.map((d) => d.fieldGroup))].sort(),
      details: {
        view: 'access_explanation',
        agreements: relied,
        grants: grantsReliedOn(holdings),
        ownRecords: holdings.some((d) => d.outcome === 'allow' && d.reason === 'own_organisation'),
      },
    });
    return { subjectId, purpose, shown: holdings.map(explain), notShown };
  });
  if (!view) throw notFound('The person');
  return view;
}
