import type { SQL } from 'drizzle-orm';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import { keepAllowed, recordDisclosure, type Disclosure } from './disclose-records.ts';
import type { FieldGroup } from './field-groups.ts';
import type { PolicyDeps } from './flows-in-force-source.ts';
import {
  loadPolicyAccess,
  peekPolicyAccess,
  recordDenial,
  visibilityOf,
  type PolicyAccess,
} from './policy-access.ts';
import type { Purpose } from './purposes.ts';
import { findHeldPairs, findRecordsInScope, type StoredRecord } from './subject-record-store.ts';
import { explainWithheld } from './withheld-reasons.ts';

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
    const denial = { purpose, subjectId, attempted: 'subject.records', at };
    const read = (ok: PolicyAccess & { ok: true }, generationColumn?: SQL) =>
      findRecordsInScope(
        tx,
        visibilityOf(ok, purpose),
        subjectId,
        generationColumn ? { generationColumn } : {},
      );
    // With a cached policy the generation check rides on the read itself, and the rows count
    // only if the generation is the one the policy was built from; else read the ordinary way.
    const guess = peekPolicyAccess(deps.flowsInForce, actor, purpose, at, options.fieldGroups);
    const guessed = guess && (await read(guess.access, guess.generationColumn));
    let access: PolicyAccess & { ok: true };
    let found: Awaited<ReturnType<typeof read>>;
    if (guess && guessed && guessed.generation === guess.generation) {
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
    const { records, decisions } = keepAllowed(access, purpose, found.records, found.live);
    if (records.length === 0) {
      const held = await findHeldPairs(tx, access.actor.partnershipId, subjectId);
      const withheld = await explainWithheld(tx, deps.flowsInForce, access, purpose, held);
      const reason = held.length > 0 ? 'nothing_disclosable' : 'no_such_subject';
      await recordDenial(tx, actor, { ...denial, reason, withheld });
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
