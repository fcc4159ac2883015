import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { can, partnershipWide } from '../partnership/capabilities.ts';
import { readAgencyPersonIdentities } from '../people/agency-person-store.ts';
import { canonicalFields, type CanonicalField, type PersonFields } from '../people/linkage/fields.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import { SUBJECT_TYPE } from './policy-access.ts';

/** One record of a pair under review, as the reviewer sees it. */
export interface ReviewedIdentity {
  readonly id: string;
  readonly organisationId: string;
  /** Only the identifiers both records hold (reviewerFields). */
  readonly fields: PersonFields;
}

/**
 * The identifiers person linkage compares (people/linkage/comparisons.ts reads each of these
 * canonical fields): the most a reviewer is ever shown of a record.
 */
export const linkReviewFields: readonly CanonicalField[] = canonicalFields;

/**
 * What a reviewer needs to judge whether two records are one person: the identifiers that the
 * comparison of THIS pair used, which are those both records hold. A value held on one side only
 * weighs nothing in the match (its comparison is "missing on one side", which the explanation
 * says), so it is not shown (UK GDPR Art 5(1)(c), data minimisation).
 */
export function reviewerFields(a: PersonFields, b: PersonFields): CanonicalField[] {
  return linkReviewFields.filter((f) => a[f] !== undefined && b[f] !== undefined);
}

/**
 * UNSAFE: the one read of subject data that does not go through the agreements' policy. Linking
 * the records agencies hold about one child is the partnership's own processing (Children Act
 * 2004 s10/s11; Working Together 2023 on shared identifiers), and a pair that scored between the
 * thresholds needs a person to compare the two records whichever agencies hold them, so the
 * scoped reader, which asks what one organisation may see of another's, cannot answer it. It is
 * therefore narrow: only an actor whose role may review links (checked again here; the caller
 * has authorised and audited any refusal), only the two records of one pair, only the
 * identifiers the comparison used (reviewerFields), and read and audited in the caller's ONE
 * transaction: a `subject.viewed` per record (view 'link_review'), naming the fields shown, so
 * "who has seen" finds it. Answers undefined if either record is gone (the caller's not found).
 */
export async function unsafeReadLinkReviewPair(
  tx: Db,
  actor: Actor,
  pair: { readonly agencyPersonIds: readonly [string, string] },
): Promise<readonly [ReviewedIdentity, ReviewedIdentity] | undefined> {
  if (actor.kind !== 'user' || !can(actor, 'review_links', partnershipWide)) return undefined;
  const ids = pair.agencyPersonIds;
  const people = await readAgencyPersonIdentities(tx, actor.partnershipId, ids);
  const [a, b] = [people.get(ids[0]), people.get(ids[1])];
  if (!a || !b) return undefined;
  const shown = reviewerFields(a.fields, b.fields);
  const project = (p: typeof a): ReviewedIdentity => ({
    id: p.id,
    organisationId: p.organisationId,
    fields: Object.fromEntries(shown.map((f) => [f, p.fields[f]])) as PersonFields,
  });
  for (const p of [a, b]) {
    await appendAuditEvent(tx, {
      actor,
      action: 'subject.viewed',
      outcome: 'success',
      subject: { type: SUBJECT_TYPE, id: p.id },
      disclosed: ['identity'],
      details: {
        view: 'link_review',
        records: 1,
        ownRecords: p.organisationId === actor.organisationId,
        fields: shown,
      },
    });
  }
  return [project(a), project(b)];
}
