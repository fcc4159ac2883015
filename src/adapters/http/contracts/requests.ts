import { z } from '@hono/zod-openapi';
import { ragRatings } from '../../../domain/deadlines/rag-timescales.ts';
import { refusalReasons } from '../../../domain/requests/change-partner-check.ts';
import { inboxViews } from '../../../domain/requests/find-request-inbox.ts';
import { partnerCheckStatuses } from '../../../domain/requests/partner-check-clock.ts';
import { createRequestSchema } from '../../../domain/requests/request-input.ts';

/** The request is the domain's own strict schema: the use case and the edge agree by construction. */
export const CreateRequestBody = createRequestSchema;

const instant = z.string().openapi({ description: 'ISO 8601 instant' });
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

export const RequestParams = z.object({
  requestId: z.string().openapi({ param: { name: 'requestId', in: 'path' } }),
});
export const CheckParams = z.object({
  requestId: z.string().openapi({ param: { name: 'requestId', in: 'path' } }),
  organisationId: z.string().openapi({ param: { name: 'organisationId', in: 'path' } }),
});

const text = (what: string) =>
  z.string().trim().min(1, `Enter the ${what}`).max(4000, `The ${what} must be 4,000 characters or fewer`);
export const QuestionBody = z
  .strictObject({ question: text('question for the requester') })
  .openapi('RequesterQuestion');
export const AnswerBody = z.strictObject({ answer: text('answer') }).openapi('RequesterAnswer');
export const RefusalBody = z
  .strictObject({
    reasons: z
      .array(z.enum(refusalReasons, { message: `Choose reasons from: ${refusalReasons.join(', ')}` }))
      .min(1, 'Choose at least one reason for refusing'),
    explanation: text('explanation of the refusal'),
  })
  .openapi('RequestRefusal');
export const WithdrawalBody = z
  .strictObject({ reason: z.string().trim().min(1, 'Say why the request is withdrawn').max(1000) })
  .openapi('RequestWithdrawal');

export const InboxQuery = z.object({
  view: z.enum(inboxViews, { message: 'Choose a view: responder, manager or sent' }).default('responder'),
  rag: z.enum(ragRatings, { message: 'Choose a RAG rating: red, amber or green' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

const CheckView = z.object({
  organisationId: z.string(),
  status: z.enum(partnerCheckStatuses),
  dueAt: instant.nullable(),
  escalateAt: instant.nullable(),
});
export const CheckChangeResponse = CheckView.extend({ requestId: z.string() }).openapi('PartnerCheckChange');

export const CreatedRequestResponse = z
  .object({
    id: z.string(),
    rag: z.enum(ragRatings),
    respondBy: instant.nullable(),
    createdAt: instant,
    partnerChecks: list(CheckView),
  })
  .openapi('CreatedInformationRequest');

export const InboxResponse = z
  .object({
    view: z.enum(inboxViews),
    counts: z.object({ red: z.number(), amber: z.number(), green: z.number(), overdue: z.number() }),
    items: list(
      z.object({
        requestId: z.string(),
        organisationId: z.string(),
        organisationName: z.string(),
        requesterOrganisationName: z.string(),
        childName: z.string(),
        purpose: z.string(),
        rag: z.enum(ragRatings),
        status: z.enum(partnerCheckStatuses),
        createdAt: instant,
        dueAt: instant.nullable(),
        msLeft: z
          .number()
          .nullable()
          .openapi({ description: 'Real time to the due instant; negative once overdue' }),
        overdue: z.boolean(),
        escalated: z.boolean(),
      }),
    ),
  })
  .openapi('RequestInbox');

export const RequestResponse = z
  .object({
    id: z.string(),
    side: z.enum(['requester', 'responder']),
    child: z.object({
      firstName: z.string(),
      lastName: z.string(),
      dob: z.string().optional(),
      nhsNumber: z.string().optional(),
      upn: z.string().optional(),
      postcode: z.string().optional(),
    }),
    purpose: z.string(),
    gatewayId: z.string(),
    rag: z.enum(ragRatings),
    question: z.string(),
    respondBy: instant.nullable(),
    createdAt: instant,
    requester: z.object({ organisationId: z.string(), organisationName: z.string(), userName: z.string() }),
    partnerChecks: list(
      CheckView.extend({
        organisationName: z.string(),
        closedAt: instant.nullable(),
        decisionId: z.string().nullable(),
        refusal: z.object({ reasons: list(z.string()), explanation: z.string() }).nullable(),
        messages: list(
          z.object({
            kind: z.enum([
              'clarification_asked',
              'clarification_given',
              'verification_asked',
              'verification_given',
            ]),
            at: instant,
            organisationId: z.string(),
            userId: z.string(),
            text: z.string(),
          }),
        ),
      }),
    ),
  })
  .openapi('InformationRequest');

export const WithdrawalResponse = z.object({ withdrawn: z.number() }).openapi('RequestWithdrawn');
