import { z } from '@hono/zod-openapi';
import {
  competenceTests,
  consentForms,
  consentGivers,
  parentalResponsibilityRoutes,
} from '../../../domain/consent/consent-terms.ts';
import { chosenId, Uuid } from './common.ts';

export const PersonConsentParams = z.object({ personId: Uuid });
export const ConsentParams = z.object({ consentId: Uuid });

const instant = (error: string) => z.iso.datetime({ offset: true, error });
const text = (max: number) => z.string().max(max);

/**
 * Who gave it and on what footing are checked by the domain (consent/record-consent.ts), so a
 * missing competence assessment or parental responsibility is refused with the same words
 * whichever client sent it; here only the shapes.
 */
export const RecordConsentRequest = z
  .strictObject({
    givenBy: z.enum(consentGivers, {
      error: 'Say whether the child or a person with parental responsibility gave consent',
    }),
    competence: z
      .strictObject({
        assessedBy: text(200).optional(),
        assessedAt: instant('Enter when the child’s competence was assessed').optional(),
        test: z
          .string()
          .max(20)
          .optional()
          .openapi({ description: competenceTests.join(' | ') }),
      })
      .optional()
      .openapi({
        description:
          'Required when the child gave consent: who assessed their competence, when, by which test',
      }),
    giver: z
      .strictObject({
        name: text(200).optional(),
        relationship: text(100).optional(),
        parentalResponsibility: z
          .string()
          .max(40)
          .optional()
          .openapi({
            description: Object.entries(parentalResponsibilityRoutes)
              .map(([key, words]) => `${key}: ${words}`)
              .join('; '),
          }),
      })
      .optional()
      .openapi({ description: 'Required when a person with parental responsibility gave consent' }),
    organisationIds: z
      .array(chosenId('Select the organisations it may be shared with'))
      .max(50)
      .openapi({ description: 'The organisations the information may be shared with' }),
    purposes: z.array(z.string().max(60)).max(20),
    fieldGroups: z
      .array(z.string().max(60))
      .max(40)
      .openapi({ description: 'Data categories (field groups)' }),
    evidence: z.strictObject({
      form: z.enum(consentForms, { error: 'Say whether consent was given in writing or verbally' }),
      reference: text(200).openapi({ description: 'The signed form’s or the case note’s reference' }),
    }),
    givenAt: instant('Enter when consent was given'),
    expiresAt: instant('Enter when the consent ends'),
  })
  .openapi('RecordConsentRequest');

export const WithdrawConsentRequest = z
  .strictObject({
    withdrawnBy: z.enum(consentGivers, {
      error: 'Say whether the child or a person with parental responsibility withdrew consent',
    }),
    form: z.enum(consentForms, { error: 'Say whether consent was withdrawn in writing or verbally' }),
    reference: text(200).optional(),
  })
  .openapi('WithdrawConsentRequest');

export const ConsentView = z
  .object({
    id: z.string(),
    holderOrganisationId: z.string(),
    givenBy: z.enum(consentGivers),
    competence: z
      .object({ assessedBy: z.string(), assessedAt: z.string(), test: z.enum(competenceTests) })
      .nullable(),
    giver: z
      .object({ name: z.string(), relationship: z.string(), parentalResponsibility: z.string() })
      .nullable(),
    organisationIds: z.array(z.string()),
    purposes: z.array(z.string()),
    fieldGroups: z.array(z.string()),
    evidence: z.object({ form: z.enum(consentForms), reference: z.string() }),
    lawfulBasis: z.enum(['consent', 'engagement']).openapi({
      description:
        'consent: sharing rests on it (UK GDPR Art 6(1)(a)); engagement: sharing for these purposes rests on ' +
        'another basis, and this consent records agreement to work with the family',
    }),
    givenAt: z.string(),
    expiresAt: z.string(),
    recordedAt: z.string(),
    inForce: z.boolean(),
    withdrawal: z
      .object({
        at: z.string(),
        by: z.enum(consentGivers),
        form: z.enum(consentForms),
        reference: z.string().nullable(),
      })
      .nullable(),
  })
  .openapi('Consent');

export const RecordedConsentResponse = z
  .object({ consent: ConsentView, warnings: z.array(z.string()) })
  .openapi('RecordedConsent');
export const ConsentListResponse = z.object({ consents: z.array(ConsentView) }).openapi('ConsentList');
export const WithdrawnConsentResponse = z
  .object({ consent: ConsentView, notifiedOrganisationIds: z.array(z.string()) })
  .openapi('WithdrawnConsent');
