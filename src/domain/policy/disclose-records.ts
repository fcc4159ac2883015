import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import type { OrganisationId } from '../shared/ids.ts';
import type { AllowDecision } from './access-decision.ts';
import { decideFieldGroup } from './decide-access.ts';
import { explainDecision } from './explain-decision.ts';
import type { FieldGroup } from './field-groups.ts';
import { agreementsReliedOn, singleAgreementId, SUBJECT_TYPE, type PolicyAccess } from './policy-access.ts';
import type { Purpose } from './purposes.ts';

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

/**
 * The second layer of every read: the SQL already filtered on the scope, and each (holder,
 * field group) pair is decided again here, anything not allowed being dropped, so a fault in
 * either layer alone cannot disclose. Returns the records kept and one allow decision per pair.
 */
export function keepAllowed<R extends HeldRecord>(
  access: Granted,
  purpose: Purpose,
  found: readonly R[],
): { records: R[]; decisions: Map<string, { decision: AllowDecision; records: number }> } {
  const decisions = new Map<string, { decision: AllowDecision; records: number }>();
  const refused = new Set<string>();
  const records = found.filter((r) => {
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
  return { records, decisions };
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
