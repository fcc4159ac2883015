import { z } from '@hono/zod-openapi';
import {
  agreementStatuses,
  confidentialityGrounds,
  flowFrequencies,
  flowMethods,
  tiers,
} from '../../../domain/agreements/agreement-terms.ts';
import { isCalendarDate } from '../../../domain/agreements/calendar-dates.ts';
import { declarationProblem } from '../../../domain/agreements/signing-declaration.ts';
import { dataCategories, fieldGroups } from '../../../domain/policy/field-groups.ts';
import { agreementPurposes } from '../../../domain/policy/purposes.ts';
import { chosenId, Uuid } from './common.ts';

/** Requests to the agreements API. Strict: an unknown field is refused by name. */

const calendarDate = z
  .string({ error: 'Enter a date in the format YYYY-MM-DD, like 2026-04-01' })
  .refine(isCalendarDate, { error: 'Enter a real date in the format YYYY-MM-DD, like 2026-04-01' })
  .openapi({ format: 'date', example: '2026-04-01' });

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .max(max, { error: `${label} must be ${max} characters or fewer` });

const GatewayId = z
  .string({ error: 'Enter a gateway id from the catalogue, like UKGDPR-6-1-e' })
  .trim()
  .min(1, { error: 'Enter a gateway id from the catalogue, like UKGDPR-6-1-e' })
  .max(60, { error: 'A gateway id is 60 characters or fewer' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { error: 'Enter a gateway id from the catalogue, like UKGDPR-6-1-e' })
  .openapi({ example: 'UKGDPR-6-1-e' });
const optionalGateway = GatewayId.nullable().optional();

// 'emergency' is reached only through a break-glass, never by an agreement (policy/purposes.ts).
const purpose = z.enum(agreementPurposes, { error: 'Select a purpose from the list' });
const fieldGroup = z.enum(fieldGroups, { error: 'Select the information from the list' });
const dataCategory = z.enum(dataCategories, { error: 'Select a data category from the list' });

export const PartyRequest = z.strictObject({
  organisationId: chosenId('Select an organisation of the partnership as a party'),
  contact: text('Contact', 200).nullable().optional(),
});

export const FlowRequest = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, { error: 'Enter a name for the flow' })
      .max(200, { error: 'Name must be 200 characters or fewer' }),
    fromOrganisationIds: z
      .array(chosenId('Select the organisation that shares the information'))
      .min(1, { error: 'Select at least one organisation that shares' })
      .max(20, { error: 'Select 20 organisations or fewer' }),
    toOrganisationIds: z
      .array(chosenId('Select the organisation that receives the information'))
      .min(1, { error: 'Select at least one organisation that receives' })
      .max(20, { error: 'Select 20 organisations or fewer' }),
    purposes: z.array(purpose).min(1, { error: 'Select at least one purpose' }).max(agreementPurposes.length),
    fieldGroups: z
      .array(fieldGroup)
      .min(1, { error: 'Select the information shared' })
      .max(fieldGroups.length),
    dataCategories: z.array(dataCategory).max(dataCategories.length).optional(),
    art6BasisId: GatewayId,
    art9ConditionId: optionalGateway,
    art9Sched1ConditionId: optionalGateway,
    art10ConditionId: optionalGateway,
    art10Sched1ConditionId: optionalGateway,
    statutoryGatewayIds: z.array(GatewayId).max(10, { error: 'Give 10 gateways or fewer' }).default([]),
    confidentialityGatewayId: optionalGateway,
    confidentialityGround: z
      .enum(confidentialityGrounds, { error: 'Select a ground from the list' })
      .nullable()
      .optional(),
    otherGatewayIds: z.array(GatewayId).max(10, { error: 'Give 10 gateways or fewer' }).default([]),
    method: z.enum(flowMethods, { error: 'Select how the information is shared' }),
    methodDetail: text('Method detail', 500).nullable().optional(),
    frequency: z.enum(flowFrequencies, { error: 'Select how often it is shared' }),
    retention: text('Retention', 1000).nullable().optional(),
    dpiaReference: text('DPIA reference', 100).nullable().optional(),
  })
  .openapi('AgreementFlowRequest');

const sections = {
  title: z
    .string()
    .trim()
    .min(1, { error: 'Enter a title' })
    .max(200, { error: 'Title must be 200 characters or fewer' }),
  summary: text('Purpose', 5000).default(''),
  parties: z.array(PartyRequest).max(60, { error: 'An agreement has 60 parties or fewer' }),
  startDate: calendarDate,
  reviewDate: calendarDate,
  endDate: calendarDate.nullable().optional(),
  security: text('Security', 5000).default(''),
  retention: text('Retention', 5000).default(''),
  rights: text('Rights', 5000).default(''),
};
const tier1Sections = {
  purposes: z.array(purpose).max(agreementPurposes.length).default([]),
  gatewayIds: z.array(GatewayId).max(100, { error: 'List 100 gateways or fewer' }).default([]),
  dataCategories: z.array(dataCategory).max(dataCategories.length).default([]),
};

export const CreateAgreementRequest = z
  .discriminatedUnion(
    'tier',
    [
      z.strictObject({ tier: z.literal('tier1'), ...sections, ...tier1Sections }),
      z.strictObject({
        tier: z.literal('tier2'),
        tier1AgreementId: chosenId('Select the Tier 1 agreement it comes under'),
        ...sections,
        flows: z.array(FlowRequest).max(50, { error: 'An agreement has 50 flows or fewer' }).default([]),
      }),
    ],
    { error: 'Select a tier: tier1 or tier2' },
  )
  .openapi('CreateAgreementRequest');

/** Replaces a draft's sections and parties. A Tier 2's purposes come from its flows. */
export const UpdateDraftRequest = z
  .strictObject({
    ...sections,
    purposes: tier1Sections.purposes.optional(),
    gatewayIds: tier1Sections.gatewayIds.optional(),
    dataCategories: tier1Sections.dataCategories.optional(),
  })
  .openapi('UpdateAgreementDraftRequest');

export const EmptyRequest = z.strictObject({}).openapi('EmptyRequest');

export const SignRequest = z
  .strictObject({
    version: z
      .number({ error: 'Give the number of the version you are signing' })
      .int({ error: 'Give the number of the version you are signing' })
      .positive({ error: 'Give the number of the version you are signing' }),
    // Checked as `true` by the domain, which refuses `false` with the same words.
    declaration: z.boolean({ error: declarationProblem }).openapi({
      description:
        'true: the signatory declares their authority to commit their organisation to this version, in the words of agreements/signing-declaration.ts',
    }),
  })
  .openapi('SignAgreementRequest');

export const ReasonRequest = z
  .strictObject({
    reason: z
      .string({ error: 'Give the reason' })
      .trim()
      .min(1, { error: 'Give the reason' })
      .max(1000, { error: 'Reason must be 1000 characters or fewer' }),
  })
  .openapi('AgreementReasonRequest');

export const CoverageRequest = z
  .strictObject({
    from: chosenId('Select the organisation that shares the information'),
    to: chosenId('Select the organisation that receives the information'),
    purpose,
    fieldGroups: z
      .array(fieldGroup)
      .min(1, { error: 'Select the information' })
      .max(fieldGroups.length)
      .optional(),
    dataCategories: z
      .array(dataCategory)
      .min(1, { error: 'Select a data category' })
      .max(dataCategories.length)
      .optional(),
    at: z.iso.datetime({ offset: true, error: 'Enter a date and time in ISO 8601 format' }).optional(),
  })
  .openapi('CoverageRequest');

export const AgreementListQuery = z.strictObject({
  status: z.enum(agreementStatuses, { error: 'Select a status from the list' }).optional(),
  tier: z.enum(tiers, { error: 'Select tier1 or tier2' }).optional(),
});

export const DueForReviewQuery = z.strictObject({
  withinDays: z.coerce
    .number({ error: 'Give a number of days' })
    .int({ error: 'Give a whole number of days' })
    .min(0, { error: 'Give 0 days or more' })
    .max(366, { error: 'Give 366 days or fewer' })
    .default(30),
});

export const VersionQuery = z.strictObject({
  version: z.coerce
    .number({ error: 'Give a version number' })
    .int({ error: 'Give a version number' })
    .positive({ error: 'Give a version number' })
    .optional(),
});

export const RegisterQuery = z.strictObject({
  at: z.iso.datetime({ offset: true, error: 'Enter a date and time in ISO 8601 format' }).optional(),
});

export const AgreementParams = z.object({ agreementId: Uuid });
export const FlowParams = z.object({ agreementId: Uuid, flowId: Uuid });
