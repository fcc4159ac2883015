import { z } from 'zod';
import { isCalendarDate } from '../agreements/calendar-dates.ts';
import { fieldGroups, type FieldGroup } from '../policy/field-groups.ts';
import { purposes } from '../policy/purposes.ts';
import { DomainError, type FieldProblem } from '../shared/errors.ts';
import { SituationSchema } from './situation.ts';

/**
 * What a practitioner records when deciding whether to share (issue 16 point 3; contract in
 * the shared decisions contract). The fields follow what HM Government's advice (2024, "record
 * your decision and the reasons for it") and the ICO's data sharing code ("one-off sharing":
 * what, with whom, when, how, why, on what basis) ask to be kept. Strict: an unknown key or
 * value is refused by name, and the cross-field rules (a share names whom and what; a family
 * not told says why) are checked here, before anything is read or written.
 */
export const decisionMethods = [
  'secure_portal',
  'secure_email',
  'phone',
  'letter',
  'in_person',
  'meeting',
] as const;
export type DecisionMethod = (typeof decisionMethods)[number];

export const familyToldAnswers = ['yes', 'no', 'after', 'partly'] as const;
export type FamilyTold = (typeof familyToldAnswers)[number];

export const decisionKinds = ['share', 'not_share'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

const uuid = (what: string) => z.uuid({ error: `Give ${what} as a UUID` });
const words = (what: string, max = 4000) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, { error: `Enter ${what}` })
    .max(max, { error: `Keep ${what} to ${max} characters or fewer` });

export const FieldGroupChoiceSchema = z.strictObject({
  group: z.enum(fieldGroups, { error: 'Choose each kind of information from the list' }),
  justification: words('why this kind of information is needed', 1000),
});

export const DecisionRecordSchema = z.strictObject({
  personId: uuid('the child'),
  purpose: z.enum(purposes, { error: 'Choose a purpose from the list' }),
  decision: z.enum(decisionKinds, { error: 'Choose share or not_share' }),
  situation: SituationSchema.optional(),
  followedRecommendation: z.boolean({ error: 'Answer true or false' }).optional(),
  departureReason: words('why you departed from the recommendation').optional(),
  recipientOrganisationId: uuid('the recipient organisation').optional(),
  fieldGroups: z
    .array(FieldGroupChoiceSchema)
    .max(fieldGroups.length, { error: 'List each kind of information once' })
    .optional(),
  lawfulBasis: z
    .array(z.string().trim().min(1, { error: 'Give a gateway id from the catalogue' }).max(60), {
      error: 'List the lawful basis as gateway ids from the catalogue',
    })
    .max(20, { error: 'List at most 20 gateways' }),
  method: z.enum(decisionMethods, { error: 'Choose how the information was (or would be) shared' }),
  sharedAt: z.iso.datetime({ offset: true, error: 'Give the time as an ISO instant' }).optional(),
  reasons: words('the reasons for the decision'),
  familyTold: z.enum(familyToldAnswers, {
    error: 'Say whether the family was told: yes, no, after or partly',
  }),
  familyNotToldReason: words('why the family was not told').optional(),
  advisedBy: words('who advised (name and role)', 200).optional(),
  disclosureExpiresAt: z.string().refine(isCalendarDate, { error: 'Give the date as YYYY-MM-DD' }).optional(),
  requestId: uuid('the information request').optional(),
  corrects: uuid('the decision this corrects').optional(),
});

export type DecisionRecordInput = z.input<typeof DecisionRecordSchema>;
export type DecisionDraft = z.output<typeof DecisionRecordSchema>;

/** Reopening a decision not to share: the new information, and the decision now made on it. */
export const ReopenDecisionSchema = DecisionRecordSchema.omit({ corrects: true, personId: true }).extend({
  newInformation: words('the new information the requester brought'),
});
export type ReopenDraft = z.output<typeof ReopenDecisionSchema>;

/** Parses a decision, naming every wrong field; the cross-field rules as well as the shapes. */
export function parseDecision(input: unknown): DecisionDraft {
  return checkDraft(DecisionRecordSchema, input);
}

export function parseReopening(input: unknown): ReopenDraft {
  return checkDraft(ReopenDecisionSchema, input);
}

function checkDraft<T extends DecisionDraft | ReopenDraft>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw refusal(issuesOf(parsed.error));
  const problems = crossFieldProblems(parsed.data);
  if (problems.length > 0) throw refusal(problems);
  return parsed.data;
}

export function crossFieldProblems(d: Omit<DecisionDraft, 'personId' | 'corrects'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, problem: string) => problems.push({ field, problem });
  if (d.decision === 'share') {
    if (!d.recipientOrganisationId)
      add('recipientOrganisationId', 'Choose the organisation the information goes to');
    if (!d.fieldGroups || d.fieldGroups.length === 0)
      add('fieldGroups', 'Choose at least one kind of information shared, with why it is needed');
  }
  const groups = (d.fieldGroups ?? []).map((g) => g.group);
  groups.forEach((g, i) => {
    if (groups.indexOf(g) !== i) add(`fieldGroups.${i}.group`, 'List each kind of information once');
  });
  if (d.situation !== undefined && d.followedRecommendation === undefined)
    add('followedRecommendation', 'Say whether you followed the guidance’s recommendation');
  if (d.followedRecommendation === false && !d.departureReason)
    add('departureReason', 'Say why you departed from the recommendation');
  if (d.familyTold !== 'yes' && !d.familyNotToldReason)
    add('familyNotToldReason', 'Say why the family was not told, or not told everything, or not yet');
  if (d.decision === 'not_share' && d.disclosureExpiresAt)
    add('disclosureExpiresAt', 'Only a decision to share has a disclosure that ends');
  return problems;
}

export const chosenGroups = (d: {
  fieldGroups?: readonly { group: FieldGroup }[] | undefined;
}): FieldGroup[] => (d.fieldGroups ?? []).map((g) => g.group);

function issuesOf(error: z.ZodError): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of error.issues)
    if (issue.code === 'unrecognized_keys')
      for (const key of issue.keys)
        problems.push({
          field: [...issue.path.map(String), key].join('.'),
          problem: 'This key is not part of a decision record',
        });
    else problems.push({ field: issue.path.map(String).join('.') || '(decision)', problem: issue.message });
  return problems;
}

export function refusal(fields: readonly FieldProblem[]): DomainError {
  return new DomainError('validation_failed', 'Check the highlighted fields', { fields });
}
