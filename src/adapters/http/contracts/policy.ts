import { z } from '@hono/zod-openapi';
import { fieldGroups } from '../../../domain/policy/field-groups.ts';
import { purposes } from '../../../domain/policy/purposes.ts';

/** The person key: letters, digits and . _ : - (no paths, no SQL, nothing to smuggle). */
export const SubjectParams = z.object({
  subjectId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, { error: 'Enter a valid person id' })
    .openapi({ param: { name: 'subjectId', in: 'path' }, example: 'child-sam-taylor-9' }),
});

// Purpose limitation (UK GDPR Art 5(1)(b)): every read of subject data says what it is for.
export const purpose = z
  .enum(purposes, {
    error: (issue) =>
      issue.input === undefined
        ? 'Say which purpose you are acting for, like purpose=s47_enquiry'
        : 'Choose a purpose from the list at /api/policy/purposes',
  })
  .openapi({ example: 's47_enquiry' });

/** A comma-separated list, e.g. `fieldGroups=identity,police_incidents`; all when absent. */
export const fieldGroupList = z
  .string()
  .transform((value) => [...new Set(value.split(',').map((g) => g.trim()))])
  .pipe(
    z.array(z.enum(fieldGroups, { error: 'Choose field groups from the list at /api/policy/field-groups' })),
  )
  .optional()
  .openapi({ type: 'string', example: 'identity,police_incidents' });

export const SubjectReadQuery = z.strictObject({ purpose, fieldGroups: fieldGroupList });

const AgreementBasisView = z
  .object({
    agreementId: z.string(),
    reference: z.string(),
    title: z.string(),
    version: z.number(),
    flowId: z.string(),
    fromOrganisationId: z.string(),
    toOrganisationId: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .openapi('AgreementBasis');

export const AccessDecisionView = z
  .object({
    outcome: z.enum(['allow', 'deny']),
    /** own_organisation | agreement_in_force, or a deny reason of domain/policy/access-decision.ts. */
    reason: z.string(),
    holderOrganisationId: z.string(),
    holderName: z.string().nullable(),
    fieldGroup: z.string(),
    fieldGroupLabel: z.string(),
    purpose: z.string(),
    /** What allowed it; null for the organisation's own records and for refusals. */
    agreement: AgreementBasisView.nullable(),
    gatewayIds: z.array(z.string()),
    /** For a refusal, the agreements the reason is about. */
    relatedAgreements: z.array(AgreementBasisView),
    explanation: z.string(),
  })
  .openapi('AccessDecision');

const SubjectRecordView = z
  .object({
    id: z.string(),
    holderOrganisationId: z.string(),
    holderName: z.string().nullable(),
    fieldGroup: z.string(),
    fieldGroupLabel: z.string(),
    kind: z.string(),
    payload: z.unknown(),
    eventDate: z.string().nullable(),
    recordedAt: z.string(),
    factOrOpinion: z.enum(['fact', 'opinion']),
    sourceReference: z.string(),
  })
  .openapi('SubjectRecord');

export const SubjectRecordsView = z
  .object({
    subjectId: z.string(),
    purpose: z.string(),
    purposeLabel: z.string(),
    records: z.array(SubjectRecordView),
    disclosures: z.array(AccessDecisionView.extend({ records: z.number() })),
  })
  .openapi('SubjectRecords');

export const SubjectAccessView = z
  .object({
    subjectId: z.string(),
    purpose: z.string(),
    purposeLabel: z.string(),
    shown: z.array(AccessDecisionView),
    notShown: z.array(AccessDecisionView),
  })
  .openapi('SubjectAccess');

export const PurposesView = z
  .object({
    purposes: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        description: z.string(),
        statutoryGateway: z.string().nullable(),
        consentBased: z.boolean(),
        /** Whether the signed-in role may act for it (domain/policy/role-purposes.ts). */
        mayActFor: z.boolean(),
      }),
    ),
  })
  .openapi('Purposes');

export const FieldGroupsView = z
  .object({
    fieldGroups: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        description: z.string(),
        category: z.string(),
        categoryLabel: z.string(),
        /** The payload keys an item of the group may show; every reader projects through them. */
        fields: z.array(z.string()),
      }),
    ),
  })
  .openapi('FieldGroups');
