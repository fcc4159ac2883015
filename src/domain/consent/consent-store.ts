import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';
import { textArray } from '../policy/visibility.ts';
import type { CompetenceTest, ConsentForm, ConsentGiver } from './consent-terms.ts';

/** A consent as the use cases answer it (schema.ts says what each part means). */
export interface Consent {
  readonly id: string;
  readonly holderOrganisationId: string;
  readonly subjectIds: readonly string[];
  readonly givenBy: ConsentGiver;
  readonly competence: {
    readonly assessedBy: string;
    readonly assessedAt: Date;
    readonly test: CompetenceTest;
  } | null;
  readonly giver: {
    readonly name: string;
    readonly relationship: string;
    readonly parentalResponsibility: string;
  } | null;
  readonly organisationIds: readonly string[];
  readonly purposes: readonly string[];
  readonly fieldGroups: readonly string[];
  readonly evidence: { readonly form: ConsentForm; readonly reference: string };
  readonly lawfulBasis: 'consent' | 'engagement';
  readonly givenAt: Date;
  readonly expiresAt: Date;
  readonly recordedAt: Date;
  readonly withdrawal: {
    readonly at: Date;
    readonly by: ConsentGiver;
    readonly form: ConsentForm;
    readonly reference: string | null;
  } | null;
}

interface ConsentRow {
  id: string;
  holder_organisation_id: string;
  subject_ids: string[];
  given_by: ConsentGiver;
  competence_assessed_by: string | null;
  competence_assessed_at: string | Date | null;
  competence_test: CompetenceTest | null;
  giver_name: string | null;
  giver_relationship: string | null;
  parental_responsibility: string | null;
  organisation_ids: string[];
  purposes: string[];
  field_groups: string[];
  evidence_form: ConsentForm;
  evidence_reference: string;
  lawful_basis: 'consent' | 'engagement';
  given_at: string | Date;
  expires_at: string | Date;
  recorded_at: string | Date;
  withdrawn_at: string | Date | null;
  withdrawn_by: ConsentGiver | null;
  withdrawal_form: ConsentForm | null;
  withdrawal_reference: string | null;
}

/** The consents a holder recorded on any of these agency persons, newest first. */
export async function selectConsents(
  db: Db,
  partnershipId: string,
  holderOrganisationId: string,
  subjectIds: readonly string[],
): Promise<Consent[]> {
  const rows = await queryRows<ConsentRow>(
    db,
    sql`select * from consent
        where partnership_id = ${partnershipId} and holder_organisation_id = ${holderOrganisationId}
          and subject_ids && ${textArray(subjectIds)}::text[]
        order by given_at desc, id`,
  );
  return rows.map(toConsent);
}

/** One consent of a holder, or undefined (another holder's is not found either). */
export async function selectConsent(
  db: Db,
  partnershipId: string,
  holderOrganisationId: string,
  consentId: string,
): Promise<Consent | undefined> {
  const rows = await queryRows<ConsentRow>(
    db,
    sql`select * from consent
        where partnership_id = ${partnershipId} and holder_organisation_id = ${holderOrganisationId}
          and id = ${consentId}::uuid`,
  );
  return rows[0] && toConsent(rows[0]);
}

const date = (v: string | Date) => new Date(v);

function toConsent(r: ConsentRow): Consent {
  return {
    id: r.id,
    holderOrganisationId: r.holder_organisation_id,
    subjectIds: r.subject_ids,
    givenBy: r.given_by,
    competence:
      r.given_by === 'child' && r.competence_assessed_by && r.competence_assessed_at && r.competence_test
        ? {
            assessedBy: r.competence_assessed_by,
            assessedAt: date(r.competence_assessed_at),
            test: r.competence_test,
          }
        : null,
    giver:
      r.giver_name && r.giver_relationship && r.parental_responsibility
        ? {
            name: r.giver_name,
            relationship: r.giver_relationship,
            parentalResponsibility: r.parental_responsibility,
          }
        : null,
    organisationIds: r.organisation_ids,
    purposes: r.purposes,
    fieldGroups: r.field_groups,
    evidence: { form: r.evidence_form, reference: r.evidence_reference },
    lawfulBasis: r.lawful_basis,
    givenAt: date(r.given_at),
    expiresAt: date(r.expires_at),
    recordedAt: date(r.recorded_at),
    withdrawal:
      r.withdrawn_at && r.withdrawn_by && r.withdrawal_form
        ? {
            at: date(r.withdrawn_at),
            by: r.withdrawn_by,
            form: r.withdrawal_form,
            reference: r.withdrawal_reference,
          }
        : null,
  };
}

/** Whether a consent is in force at an instant: given, not expired, not withdrawn (visibility.ts). */
export function inForceAt(c: Consent, at: Date): boolean {
  const t = at.getTime();
  return (
    c.givenAt.getTime() <= t &&
    t < c.expiresAt.getTime() &&
    (c.withdrawal === null || c.withdrawal.at.getTime() > t)
  );
}
