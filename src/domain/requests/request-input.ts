import { z } from 'zod';
import { isCalendarDate } from '../agreements/calendar-dates.ts';
import { requestPurposes } from '../decisions/situation.ts';
import { ragRatings } from '../deadlines/rag-timescales.ts';
import { identifySearch } from '../policy/search-identifiers.ts';
import { DomainError, type FieldProblem } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';

/**
 * A request for information at the front door (issue 16 point 4; DOMAIN.md section 6): it names
 * the child by identity details (the child may match no one in Tessera yet), the purpose and the
 * legal gateway it relies on, its RAG rating, and the partner agencies checked, each of which
 * answers on its own clock. The requester is the signed-in actor (user and organisation).
 */
const childSchema = z.strictObject({
  firstName: z.string().trim().min(1, "Enter the child's first name").max(100),
  lastName: z.string().trim().min(1, "Enter the child's last name").max(100),
  dob: z
    .string()
    .refine(isCalendarDate, 'Enter the date of birth as YYYY-MM-DD, such as 2017-03-14')
    .optional(),
  nhsNumber: z.string().trim().optional(),
  upn: z.string().trim().optional(),
  postcode: z.string().trim().max(10).optional(),
});

export const createRequestSchema = z.strictObject({
  child: childSchema,
  purpose: z.enum(requestPurposes, { message: `Choose a purpose: ${requestPurposes.join(', ')}` }),
  /** A gateway id from the catalogue, such as CA1989-S47; checked against it by the use case. */
  gatewayId: z.string().trim().min(1, 'Choose the legal gateway the request relies on').max(60),
  rag: z.enum(ragRatings, { message: 'Choose a RAG rating: red, amber or green' }),
  /** What the requester asks, in their words: kept for the responder, never in the audit log. */
  question: z.string().trim().min(1, 'Say what you are asking the agencies').max(4000),
  /**
   * The requester's own deadline when sooner than the RAG timescale (a strategy discussion at
   * 3 pm), as an ISO instant; it must be in the future (checked by the use case, on its clock).
   */
  respondBy: z.iso
    .datetime({ offset: true, message: 'Give the deadline as a date and time, such as 2026-12-07T15:00:00Z' })
    .optional(),
  /** The partner agencies checked; each gets its own clock and status. */
  partnerChecks: z
    .array(
      z.strictObject({
        organisationId: z.string().refine(isUuid, 'Give the organisation id (a UUID)'),
      }),
    )
    .min(1, 'Choose at least one agency to ask')
    .max(20, 'Ask at most 20 agencies in one request'),
});

export type CreateRequestInput = z.input<typeof createRequestSchema>;
export type RequestDraft = z.output<typeof createRequestSchema>;

/**
 * Parses a request, naming each wrong field. The child must be identified well enough to find
 * one child (the search rule: a valid NHS number, a name with the date of birth, or a valid UPN
 * with the name), so a partner agency is never asked to trawl its records.
 */
export function parseCreateRequest(input: unknown): RequestDraft {
  const parsed = createRequestSchema.safeParse(input);
  const problems: FieldProblem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      if (issue.code === 'unrecognized_keys')
        for (const key of issue.keys)
          problems.push({
            field: [...issue.path.map(String), key].join('.'),
            problem: 'This key is not part of a request',
          });
      else problems.push({ field: issue.path.map(String).join('.') || '(request)', problem: issue.message });
    throw refusal(problems);
  }
  const draft = parsed.data;
  const identified = identifySearch({
    name: `${draft.child.firstName} ${draft.child.lastName}`,
    dob: draft.child.dob,
    nhsNumber: draft.child.nhsNumber,
    upn: draft.child.upn,
  });
  if (!identified.ok)
    problems.push(...identified.problems.map((p) => ({ field: `child.${p.field}`, problem: p.problem })));
  const organisations = draft.partnerChecks.map((c) => c.organisationId.toLowerCase());
  organisations.forEach((id, index) => {
    if (organisations.indexOf(id) !== index)
      problems.push({
        field: `partnerChecks.${index}.organisationId`,
        problem: 'This agency is already asked',
      });
  });
  if (problems.length > 0) throw refusal(problems);
  return draft;
}

function refusal(fields: readonly FieldProblem[]): DomainError {
  return new DomainError('validation_failed', 'Check the highlighted fields', { fields });
}
