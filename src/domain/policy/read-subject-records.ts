import type { SQL } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import type { OrganisationId } from '../shared/ids.ts';
import type { AllowDecision } from './access-decision.ts';
import { decideFieldGroup } from './decide-access.ts';
import { explainDecision } from './explain-decision.ts';
import type { FieldGroup } from './field-groups.ts';
import type { PolicyDeps } from './flows-in-force-source.ts';
import {
  agreementsReliedOn,
  loadPolicyAccess,
  peekPolicyAccess,
  type PolicyAccess,
  recordDenial,
  singleAgreementId,
  SUBJECT_TYPE,
} from './policy-access.ts';
import type { Purpose } from './purposes.ts';
import { findRecordsInScope, isSubjectKnown, type StoredRecord } from './subject-record-store.ts';

/** One (holder, field group) that was shown, with what allowed it, in words. */
export interface Disclosure {
  readonly holderOrganisationId: OrganisationId;
  readonly holderName: string | null;
  readonly fieldGroup: FieldGroup;
  readonly records: number;
  readonly decision: AllowDecision;
  readonly explanation: string;
}

export interface SubjectRecordsView {
  readonly subjectId: string;
  readonly purpose: Purpose;
  readonly records: readonly StoredRecord[];
  readonly disclosures: readonly Disclosure[];
}

/**
 * What this actor may see of a subject's records for this purpose, and nothing else: the records
 * of every (holder, field group) the policy allows, each with the decision that allowed it. The
 * read and its `subject.viewed` audit event share one transaction, so a read that cannot be
 * audited does not happen (DESIGN.md rule 3). When nothing is allowed, or nothing is held, the
 * answer is the same "not found" (rule 2), and the refusal is audited with its real reason.
 */
export async function readSubjectRecords(
  deps: PolicyDeps,
  actor: Actor,
  purpose: Purpose,
  subjectId: string,
  options: { fieldGroups?: readonly FieldGroup[] } = {},
): Promise<SubjectRecordsView> {
  const at = deps.clock.now();
  const shown = await deps.db.transaction(async (tx) => {
    const denial = { purpose, subjectId, attempted: 'subject.records' };
    const read = (ok: PolicyAccess & { ok: true }, alsoRead?: SQL) =>
      findRecordsInScope(tx, ok.actor.partnershipId, subjectId, ok.scope, ok.actor.organisationId, {
        ...(alsoRead ? { alsoRead } : {}),
      });
    // With a cached policy the generation check rides on the read itself, and the rows count
    // only if the generation is the one the policy was built from; else read the ordinary way.
    const guess = peekPolicyAccess(deps.flowsInForce, actor, purpose, at, options.fieldGroups);
    const guessed = guess && (await read(guess.access, guess.generationColumn));
    let access: PolicyAccess & { ok: true };
    let found: Awaited<ReturnType<typeof read>>;
    if (guess && guessed && guessed.alsoRead === guess.generation) {
      access = guess.access;
      found = guessed;
    } else {
      const loaded = await loadPolicyAccess(tx, deps.flowsInForce, actor, purpose, at, options.fieldGroups);
      if (!loaded.ok) {
        await recordDenial(tx, actor, { ...denial, reason: loaded.reason });
        return undefined;
      }
      access = loaded;
      found = await read(access);
    }
    // The SQL already filtered on the scope; each pair is decided again and anything not
    // allowed is dropped, so a fault in either layer alone cannot disclose.
    const decisions = new Map<string, { decision: AllowDecision; records: number }>();
    const refused = new Set<string>();
    const records = found.records.filter((r) => {
      const key = `${r.holderOrganisationId}|${r.fieldGroup}`;
      const known = decisions.get(key);
      if (known) {
        known.records += 1;
        return true;
      }
      if (refused.has(key)) return false;
      const { policy, actor: who, atMs } = access;
      const d = decideFieldGroup(policy, who, purpose, r.holderOrganisationId, r.fieldGroup, atMs);
      if (d.outcome !== 'allow') {
        refused.add(key);
        return false;
      }
      decisions.set(key, { decision: d, records: 1 });
      return true;
    });
    if (records.length === 0) {
      const known = await isSubjectKnown(tx, access.actor.partnershipId, subjectId);
      await recordDenial(tx, actor, { ...denial, reason: known ? 'nothing_disclosable' : 'no_such_subject' });
      return undefined;
    }
    const names = new Map<string, string>();
    if (found.viewerName) names.set(access.actor.organisationId, found.viewerName);
    for (const r of records) if (r.holderName) names.set(r.holderOrganisationId, r.holderName);
    const context = {
      role: access.actor.role,
      viewerOrganisationId: access.actor.organisationId,
      organisationName: (id: string) => names.get(id),
    };
    const disclosures = [...decisions.values()].map(({ decision, records: count }) => ({
      holderOrganisationId: decision.holderOrganisationId,
      holderName: names.get(decision.holderOrganisationId) ?? null,
      fieldGroup: decision.fieldGroup,
      records: count,
      decision,
      explanation: explainDecision(decision, context),
    }));
    const relied = agreementsReliedOn(disclosures.map((d) => d.decision));
    await appendAuditEvent(tx, {
      actor,
      action: 'subject.viewed',
      outcome: 'success',
      subject: { type: SUBJECT_TYPE, id: subjectId },
      purpose,
      agreementId: singleAgreementId(relied),
      disclosed: [...new Set(records.map((r) => r.fieldGroup))].sort(),
      details: {
        view: 'records',
        records: records.length,
        agreements: relied,
        ownRecords: disclosures.some((d) => d.decision.reason === 'own_organisation'),
      },
    });
    return { subjectId, purpose, records, disclosures };
  });
  if (!shown) throw notFound('The person');
  return shown;
}
