import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import type { OrganisationId } from '../shared/ids.ts';
import type { AllowDecision } from './access-decision.ts';
import { decideFieldGroup } from './decide-access.ts';
import { explainDecision } from './explain-decision.ts';
import type { FieldGroup } from './field-groups.ts';
import {
  agreementsReliedOn,
  grantsReliedOn,
  singleAgreementId,
  SUBJECT_TYPE,
  visibilityOf,
  type PolicyAccess,
} from './policy-access.ts';
import type { Purpose } from './purposes.ts';
import {
  decideRecordVisibility,
  type LiveGrant,
  type LiveGrantsAndLimits,
  type LiveLimit,
} from './visibility.ts';

/** One (holder, field group) that was shown, with what allowed it, in words. */
export interface Disclosure {
  readonly holderOrganisationId: OrganisationId;
  readonly holderName: string | null;
  readonly fieldGroup: FieldGroup;
  readonly records: number;
  readonly decision: AllowDecision;
  readonly explanation: string;
}

type Granted = PolicyAccess & { ok: true };
interface HeldRecord {
  readonly id: string;
  readonly version: number;
  readonly holderOrganisationId: OrganisationId;
  readonly holderName: string | null;
  readonly fieldGroup: FieldGroup;
}
interface FoundRecord extends HeldRecord {
  readonly id: string;
  readonly subjectId: string;
}

/**
 * The second layer of every read: the SQL already filtered on the visibility (visibility.ts),
 * and each record is decided again here over the grants and limits the same statement read,
 * anything not visible being dropped, so a fault in either layer alone cannot disclose. Returns
 * the records kept and one allow decision per (holder, field group, grant) relied on.
 */
export function keepAllowed<R extends FoundRecord>(
  access: Granted,
  purpose: Purpose,
  found: readonly R[],
  live: LiveGrantsAndLimits,
): { records: R[]; decisions: Map<string, { decision: AllowDecision; records: number }> } {
  const decisions = new Map<string, { decision: AllowDecision; records: number }>();
  const visibility = visibilityOf(access, purpose);
  const records = found.filter((r) => {
    const seen = decideRecordVisibility(visibility, r, live);
    if (!seen.visible) return false;
    const key = `${r.holderOrganisationId}|${r.fieldGroup}|${seen.basis === 'grant' ? seen.grant.id : ''}`;
    const known = decisions.get(key);
    if (known && seen.basis === 'standing') {
      known.records += 1;
      return true;
    }
    let decision: AllowDecision;
    if (seen.basis === 'standing') {
      const { policy, actor: who, atMs } = access;
      const d = decideFieldGroup(policy, who, purpose, r.holderOrganisationId, r.fieldGroup, atMs);
      if (d.outcome !== 'allow') return false;
      decision = d;
    } else {
      decision = grantDecision(r, purpose, seen.grant, seen.setAside);
      if (known) {
        // One decision per grant; a break-glass names every limit it set aside.
        const setAside = new Set([
          ...(known.decision.grant?.setAsideLimitIds ?? []),
          ...seen.setAside.map((x) => x.id),
        ]);
        decision = { ...decision, grant: { ...decision.grant!, setAsideLimitIds: [...setAside].sort() } };
        decisions.set(key, { decision, records: known.records + 1 });
        return true;
      }
    }
    decisions.set(key, { decision, records: 1 });
    return true;
  });
  return { records, decisions };
}

function grantDecision(
  r: FoundRecord,
  purpose: Purpose,
  grant: LiveGrant,
  setAside: readonly LiveLimit[],
): AllowDecision {
  return {
    outcome: 'allow',
    reason: grant.kind,
    holderOrganisationId: r.holderOrganisationId,
    fieldGroup: r.fieldGroup,
    purpose,
    agreement: null,
    gatewayIds: grant.basisGatewayIds,
    grant: {
      grantId: grant.id,
      kind: grant.kind,
      sourceId: grant.sourceId,
      expiresAt: new Date(grant.expiresMs),
      setAsideLimitIds: setAside.map((x) => x.id).sort(),
    },
  };
}

/**
 * The disclosures of a read in words, and its `subject.viewed` audit event in the reader's
 * transaction: the purpose, the field groups disclosed and every agreement flow relied on.
 */
export async function recordDisclosure(
  tx: Db,
  actor: Actor,
  read: {
    readonly access: Granted;
    readonly purpose: Purpose;
    readonly subjectId: string;
    readonly view: string;
    readonly records: readonly HeldRecord[];
    readonly decisions: ReadonlyMap<string, { decision: AllowDecision; records: number }>;
    readonly viewerName: string | undefined;
  },
): Promise<Disclosure[]> {
  // The event carries the instant the policy decided at (access.atMs), not a second clock's.
  const { access, records } = read;
  const disclosures = describeDisclosures(access, records, read.decisions, read.viewerName);
  const relied = agreementsReliedOn(disclosures.map((d) => d.decision));
  await appendAuditEvent(tx, {
    actor,
    action: 'subject.viewed',
    outcome: 'success',
    subject: { type: SUBJECT_TYPE, id: read.subjectId },
    purpose: read.purpose,
    at: new Date(access.atMs),
    agreementId: singleAgreementId(relied),
    disclosed: [...new Set(records.map((r) => r.fieldGroup))].sort(),
    details: {
      view: read.view,
      records: records.length,
      agreements: relied,
      grants: grantsReliedOn(disclosures.map((d) => d.decision)),
      ownRecords: disclosures.some((d) => d.decision.reason === 'own_organisation'),
      shown: records.map((r) => [r.id, r.version] as const),
    },
  });
  return disclosures;
}

/** Each (holder, field group) shown, with its decision and the words that explain it. */
export function describeDisclosures(
  access: Granted,
  records: readonly HeldRecord[],
  decisions: ReadonlyMap<string, { decision: AllowDecision; records: number }>,
  viewerName: string | undefined,
): Disclosure[] {
  const names = new Map<string, string>();
  if (viewerName) names.set(access.actor.organisationId, viewerName);
  for (const r of records) if (r.holderName) names.set(r.holderOrganisationId, r.holderName);
  const context = {
    role: access.actor.role,
    viewerOrganisationId: access.actor.organisationId,
    organisationName: (id: string) => names.get(id),
  };
  return [...decisions.values()].map(({ decision, records: count }) => ({
    holderOrganisationId: decision.holderOrganisationId,
    holderName: names.get(decision.holderOrganisationId) ?? null,
    fieldGroup: decision.fieldGroup,
    records: count,
    decision,
    explanation: explainDecision(decision, context),
  }));
}
