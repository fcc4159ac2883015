import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { demoOrganisations } from '../../src/domain/demo/northshire.ts';
import { fitAndSaveModel, readHeldDataset } from '../../src/domain/people/held-index.ts';
import { linkReview } from '../../src/domain/people/schema.ts';
import type { FieldGroup } from '../../src/domain/policy/field-groups.ts';
import { queryRows } from '../../src/domain/shared/database.ts';
import type { Deps } from '../../src/domain/shared/deps.ts';
import { insertAgencyRelationships } from './agency-persons.ts';
import { markedPayload, type PublishedGroup } from './leak-matrix-fields.ts';
import { northshirePartnershipId } from './northshire-flows.ts';
import { insertPeople } from './northshire-people.ts';
import { insertSubjectRecords } from './northshire-records.ts';

/** What the leak matrix reads: one child as a subject, and as a linked person with a parent. */
export interface MatrixSubjects {
  /** A subject id with one item in every field group held by every agency (the records endpoint). */
  readonly child: string;
  /** The same child as linkage leaves them: one agency person per agency (view, chronology, search). */
  readonly person: string;
  /** The child's parent, one agency person per agency, each agency recording the relationship. */
  readonly parent: string;
  /** A link review pair: the child's police record and the school's. */
  readonly reviewId: string;
}

/**
 * Every agency holds an item in every field group about the child, each carrying every declared
 * key of every group, marked (leak-matrix-fields.ts); each agency also holds the child's parent,
 * named only by marked identity items, and a family_household item recording the relationship,
 * which is the family network edge's evidence.
 */
export async function seedMatrixSubjects(
  deps: Deps,
  groups: readonly PublishedGroup[],
  ids: { child: string; person: string; parent: string },
): Promise<MatrixSubjects> {
  const { db } = deps;
  // Items of kind 'matrix' so that every group makes a chronology entry; a person details item
  // (identity) as well names the person in the view, in search results and in the family network.
  const items = (subject: 'M' | 'P', key: string) =>
    groups.map((g) => ({
      fieldGroup: g.id as FieldGroup,
      kind: 'matrix',
      payload: markedPayload(subject, key, g.id, groups),
      eventDate: '2026-10-01',
    }));
  const details = (subject: 'M' | 'P', key: string) => ({
    fieldGroup: 'identity' as const,
    kind: 'person_details',
    payload: markedPayload(subject, key, 'identity', groups),
    eventDate: '2026-10-01',
  });
  await insertSubjectRecords(
    db,
    demoOrganisations.flatMap((o) =>
      items('M', o.key).map((item) => ({
        subjectId: ids.child,
        holder: o.id,
        fieldGroup: item.fieldGroup,
        kind: item.kind,
        summary: '',
        payload: item.payload,
        eventDate: item.eventDate,
      })),
    ),
  );
  const agencyPersons = await insertPeople(db, [
    ...demoOrganisations.map((o) => ({
      personId: ids.person,
      holder: o.id,
      externalPersonId: `matrix-${o.key}`,
      linkConfidence: 0.99,
      identity: { firstName: 'Matrix', lastName: 'Child', dob: '2016-01-01' },
      records: [...items('M', o.key), details('M', o.key)],
    })),
    ...demoOrganisations.map((o) => ({
      personId: ids.parent,
      holder: o.id,
      externalPersonId: `matrix-parent-${o.key}`,
      linkConfidence: 0.99,
      identity: { firstName: 'Parent', lastName: 'Child', dob: '1990-01-01' },
      records: [details('P', o.key)],
    })),
  ]);
  const evidence = await queryRows<{ id: string; subject_id: string }>(
    db,
    sql`select id::text, subject_id from subject_record
        where partnership_id = ${northshirePartnershipId} and field_group = 'family_household'
          and subject_id = any(${`{${demoOrganisations.map((o) => agencyPersons.get(`matrix-${o.key}`)).join(',')}}`}::text[])`,
  );
  const evidenceOf = new Map(evidence.map((e) => [e.subject_id, e.id]));
  await insertAgencyRelationships(
    db,
    northshirePartnershipId,
    demoOrganisations.map((o) => {
      const childRecord = agencyPersons.get(`matrix-${o.key}`)!;
      return {
        organisationId: o.id,
        agencyPersonId: childRecord,
        relatedExternalPersonId: `matrix-parent-${o.key}`,
        kind: 'parent_or_carer' as const,
        subjectRecordId: evidenceOf.get(childRecord)!,
      };
    }),
  );
  // A review names the model that scored the pair (link_review_model_fk), and the review page
  // explains the pair with the current model: fitted here on what the partnership holds.
  const { stored: model } = await fitAndSaveModel(
    deps,
    northshirePartnershipId,
    await readHeldDataset(deps, northshirePartnershipId),
  );
  const reviewId = randomUUID();
  await db.insert(linkReview).values({
    partnershipId: northshirePartnershipId,
    id: reviewId,
    agencyPersonId: agencyPersons.get('matrix-police')!,
    candidateAgencyPersonId: agencyPersons.get('matrix-school')!,
    matchWeight: 4,
    matchProbability: 0.94,
    reason: 'uncertain',
    modelId: model.id,
    status: 'pending',
    createdAt: new Date('2026-10-30T12:00:00Z'),
  });
  await insertMatrixConsents(deps, ids.child, agencyPersons);
  return { ...ids, reviewId };
}

/**
 * The consents the matrix child's family gave (domain/consent), by holder: the early help flows
 * rest on consent alone, so the oracle (leak-matrix.test.ts) allows them only as far as these
 * reach. The school's covers two of the three groups its flow carries, the council's all of its
 * flow, and the charity's is missing: each way a consent can leave a share open or shut.
 */
export const matrixConsents: readonly {
  readonly holder: string;
  readonly to: string;
  readonly purposes: readonly string[];
  readonly groups: readonly FieldGroup[];
}[] = [
  { holder: 'school', to: 'csc', purposes: ['early_help'], groups: ['identity', 'education'] },
  {
    holder: 'csc',
    to: 'charity',
    purposes: ['early_help'],
    groups: ['identity', 'contact', 'family_household', 'social_care_involvement', 'lead_contact'],
  },
];

async function insertMatrixConsents(deps: Deps, child: string, agencyPersons: ReadonlyMap<string, string>) {
  const orgIdOf = (key: string) => demoOrganisations.find((o) => o.key === key)!.id;
  const list = (values: readonly string[]) => `{${values.join(',')}}`;
  for (const c of matrixConsents) {
    await deps.db.execute(sql`insert into consent (partnership_id, id, holder_organisation_id, subject_ids,
        given_by, giver_name, giver_relationship, parental_responsibility, organisation_ids, purposes,
        field_groups, evidence_form, evidence_reference, lawful_basis, given_at, expires_at, recorded_at)
      values (${northshirePartnershipId}, ${randomUUID()}, ${orgIdOf(c.holder)},
        ${list([child, agencyPersons.get(`matrix-${c.holder}`)!])}::text[], 'person_with_parental_responsibility',
        'Matrix Parent', 'Mother', 'mother', ${list([orgIdOf(c.to)])}::uuid[], ${list(c.purposes)}::text[],
        ${list(c.groups)}::text[], 'written', 'MATRIX-1', 'consent', '2026-01-01T00:00:00Z',
        '2027-12-31T00:00:00Z', '2026-01-01T00:00:00Z')`);
  }
}
