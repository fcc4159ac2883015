import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import { keepAllowed, recordDisclosure, type Disclosure } from './disclose-records.ts';
import type { FieldGroup } from './field-groups.ts';
import type { PolicyDeps } from './flows-in-force-source.ts';
import { loadPolicyAccess, recordDenial } from './policy-access.ts';
import type { Purpose } from './purposes.ts';
import { findRecordsInScope, isSubjectKnown, type StoredRecord } from './subject-record-store.ts';

export type { Disclosure } from './disclose-records.ts';

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
    const access = await loadPolicyAccess(tx, deps.flowsInForce, actor, purpose, at, options.fieldGroups);
    if (!access.ok) {
      await recordDenial(tx, actor, { ...denial, reason: access.reason });
      return undefined;
    }
    const found = await findRecordsInScope(
      tx,
      access.actor.partnershipId,
      subjectId,
      access.scope,
      access.actor.organisationId,
    );
    const { records, decisions } = keepAllowed(access, purpose, found.records);
    if (records.length === 0) {
      const known = await isSubjectKnown(tx, access.actor.partnershipId, subjectId);
      await recordDenial(tx, actor, { ...denial, reason: known ? 'nothing_disclosable' : 'no_such_subject' });
      return undefined;
    }
    const disclosures = await recordDisclosure(tx, actor, {
      access,
      purpose,
      subjectId,
      view: 'records',
      records,
      decisions,
      viewerName: found.viewerName,
    });
    return { subjectId, purpose, records, disclosures };
  });
  if (!shown) throw notFound('The person');
  return shown;
}
