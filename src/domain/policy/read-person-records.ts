import type { SQL } from 'drizzle-orm';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import type { OrganisationId } from '../shared/ids.ts';
import { decideFieldGroup } from './decide-access.ts';
import { keepAllowed, recordDisclosure, type Disclosure } from './disclose-records.ts';
import type { FieldGroup } from './field-groups.ts';
import type { PolicyDeps } from './flows-in-force-source.ts';
import { findPersonRecordsInScope, isPersonKnown, type PersonRecord } from './person-record-store.ts';
import { loadPolicyAccess, peekPolicyAccess, type PolicyAccess, recordDenial } from './policy-access.ts';
import type { Purpose } from './purposes.ts';

export type { PersonRecord } from './person-record-store.ts';

export interface PersonRecordsView {
  readonly personId: string;
  readonly purpose: Purpose;
  /** Newest event first; each with the agency person it is about and the link's confidence. */
  readonly records: readonly PersonRecord[];
  readonly disclosures: readonly Disclosure[];
  /**
   * Whether this actor may see a (holder, field group) for the purpose at the time of the read,
   * decided by the same compiled policy: for evidence that is not one of the person's records
   * (a family network edge rests on the records of a relative), which the caller must not show
   * unless this says yes.
   */
  readonly mayShow: (holderOrganisationId: string, fieldGroup: FieldGroup) => boolean;
}

/**
 * The single view's read: what this actor may see, for this purpose, of the records of every
 * agency person linked to the person (people module's person_link), in one scoped query, one
 * transaction and one `subject.viewed` event naming the person. Nothing disclosable and no such
 * person answer the same "not found" as readSubjectRecords, the log keeping which.
 */
export async function readPersonRecords(
  deps: PolicyDeps,
  actor: Actor,
  purpose: Purpose,
  personId: string,
  options: { fieldGroups?: readonly FieldGroup[]; view?: string } = {},
): Promise<PersonRecordsView> {
  const at = deps.clock.now();
  const shown = await deps.db.transaction(async (tx) => {
    const denial = { purpose, subjectId: personId, attempted: 'person.records' };
    const read = (ok: PolicyAccess & { ok: true }, alsoRead?: SQL) =>
      findPersonRecordsInScope(tx, ok.actor.partnershipId, personId, ok.scope, ok.actor.organisationId, {
        ...(alsoRead ? { alsoRead } : {}),
      });
    // As readSubjectRecords: with a cached policy the agreements' generation rides on the read,
    // and the rows count only if it is the one the policy was built from; else read afresh.
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
    const { actor: who } = access;
    const { records, decisions } = keepAllowed(access, purpose, found.records);
    if (records.length === 0) {
      const known = await isPersonKnown(tx, who.partnershipId, personId);
      await recordDenial(tx, actor, { ...denial, reason: known ? 'nothing_disclosable' : 'no_such_subject' });
      return undefined;
    }
    const disclosures = await recordDisclosure(tx, actor, {
      access,
      purpose,
      subjectId: personId,
      view: options.view ?? 'person',
      records,
      decisions,
      viewerName: found.viewerName,
    });
    const mayShow = (holder: string, group: FieldGroup) =>
      access.scope.holders.get(holder as OrganisationId)?.includes(group) === true &&
      decideFieldGroup(access.policy, who, purpose, holder as OrganisationId, group, access.atMs).outcome ===
        'allow';
    return { personId, purpose, records, disclosures, mayShow };
  });
  if (!shown) throw notFound('The person');
  return shown;
}
