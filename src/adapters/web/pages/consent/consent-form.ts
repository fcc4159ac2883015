// What the consent forms send, and how the API's field names find the form's fields.
import { ApiError } from '../../api-client.ts';
import type { RecordConsentBody } from '../../api-types.ts';
import { fromError, type FormErrors } from '../../form-errors.ts';

export interface ConsentAnswers {
  givenBy: string;
  giverName: string;
  giverRelationship: string;
  parentalResponsibility: string;
  assessedBy: string;
  assessedAt: string;
  test: string;
  organisationIds: string[];
  purposes: string[];
  fieldGroups: string[];
  evidenceForm: string;
  evidenceReference: string;
  givenAt: string;
  expiresAt: string;
}

export const emptyAnswers = (purpose: string): ConsentAnswers => ({
  givenBy: '',
  giverName: '',
  giverRelationship: '',
  parentalResponsibility: '',
  assessedBy: '',
  assessedAt: '',
  test: '',
  organisationIds: [],
  purposes: purpose === '' ? [] : [purpose],
  fieldGroups: [],
  evidenceForm: '',
  evidenceReference: '',
  givenAt: '',
  expiresAt: '',
});

/** The form's fields, in page order, by the API's names for them (ids of the inputs). */
export const consentFormFields = [
  'givenBy',
  'giver',
  'giver.name',
  'giver.relationship',
  'giver.parentalResponsibility',
  'competence',
  'competence.assessedBy',
  'competence.assessedAt',
  'competence.test',
  'organisationIds',
  'purposes',
  'fieldGroups',
  'evidence.form',
  'evidence.reference',
  'givenAt',
  'expiresAt',
] as const;

/** A calendar date from a date input, as the start of that day in UTC (or nothing if empty). */
const dayStart = (date: string) => (date === '' ? undefined : `${date}T00:00:00Z`);

export function consentBody(a: ConsentAnswers): RecordConsentBody {
  const child = a.givenBy === 'child';
  return {
    givenBy: a.givenBy as RecordConsentBody['givenBy'],
    ...(child
      ? {
          competence: {
            ...(a.assessedBy === '' ? {} : { assessedBy: a.assessedBy }),
            ...(a.assessedAt === '' ? {} : { assessedAt: dayStart(a.assessedAt) }),
            ...(a.test === '' ? {} : { test: a.test }),
          },
        }
      : {}),
    ...(a.givenBy === 'person_with_parental_responsibility'
      ? {
          giver: {
            ...(a.giverName === '' ? {} : { name: a.giverName }),
            ...(a.giverRelationship === '' ? {} : { relationship: a.giverRelationship }),
            ...(a.parentalResponsibility === '' ? {} : { parentalResponsibility: a.parentalResponsibility }),
          },
        }
      : {}),
    organisationIds: a.organisationIds,
    purposes: a.purposes,
    fieldGroups: a.fieldGroups,
    evidence: { form: a.evidenceForm as 'written', reference: a.evidenceReference },
    givenAt: dayStart(a.givenAt) as string,
    expiresAt: dayStart(a.expiresAt) as string,
  };
}

/** The API names a list's item ("purposes.0"); the form shows it at the list. */
export function consentErrors(error: unknown, fields: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) return fromError(error, fields);
  const problems = error.fields.map((f) => ({ ...f, field: f.field.replace(/\.\d+$/, '') }));
  return fromError(new ApiError(error.status, error.code, error.message, problems), fields);
}
