import { z } from '@hono/zod-openapi';
import { isCalendarDate } from '../../../domain/agreements/calendar-dates.ts';
import { chronologyKinds, isChronologyKind } from '../../../domain/view/record-kind-labels.ts';
import { AccessDecisionView, fieldGroupList, purpose } from './policy.ts';

// Any 8-4-4-4-12 hex id, as PostgreSQL's uuid type takes: person ids are minted by the people
// module, whose scheme (random or derived) the view does not depend on.
export const PersonParams = z.object({
  personId: z
    .guid({ error: 'Enter a valid person id' })
    .openapi({ param: { name: 'personId', in: 'path' }, example: '3f6c1d2a-9b4e-4c71-8a55-0d2e7b9c1a01' }),
});

export const ViewQuery = z.strictObject({ purpose });

const calendarDate = (what: string) =>
  z
    .string()
    .refine(isCalendarDate, { error: `Enter ${what} as a real date, like 2026-09-14` })
    .openapi({ example: '2026-09-14' });

/** A comma-separated list of organisation ids, e.g. `organisationIds=<uuid>,<uuid>`. */
const organisationList = z
  .string()
  .transform((value) => [...new Set(value.split(',').map((v) => v.trim()))])
  .pipe(z.array(z.uuid({ error: 'Choose organisations by their ids' })))
  .optional()
  .openapi({ type: 'string' });

/**
 * A comma-separated list of kinds of record, e.g. `kinds=police_incident,health_contact`. A kind
 * the chronology never holds is refused by name of the field (not quietly matched by nothing), so
 * a mistyped filter is never read as "no such records".
 */
const kindList = z
  .string()
  .transform((value, ctx) => {
    const kinds = [...new Set(value.split(',').map((v) => v.trim()))];
    if (kinds.every(isChronologyKind)) return kinds;
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `Choose kinds of record from ${chronologyKinds.join(', ')}`,
    });
    return z.NEVER;
  })
  .optional()
  .openapi({
    type: 'string',
    description: `Comma-separated kinds of record: ${chronologyKinds.join(', ')}`,
    example: 'police_incident,health_contact',
  });

export const ChronologyQuery = z.strictObject({
  purpose,
  fieldGroups: fieldGroupList,
  organisationIds: organisationList,
  kinds: kindList,
  from: calendarDate('the first date').optional(),
  to: calendarDate('the last date').optional(),
  factOrOpinion: z.enum(['fact', 'opinion'], { error: 'Choose fact or opinion' }).optional(),
});

// UK formats only: an NHS number is 10 digits (spaces allowed, as printed), a unique pupil
// number a letter and 12 digits (DfE); names are letters, spaces, hyphens and apostrophes.
export const PersonSearchBody = z.strictObject({
  purpose,
  name: z
    .string()
    .max(100, { error: 'Enter a name of 100 characters or fewer' })
    .regex(/^[\p{L}\p{M}' .-]*$/u, {
      error: 'Enter a name using letters, spaces, hyphens and apostrophes only',
    })
    .optional(),
  dob: calendarDate('the date of birth').optional(),
  nhsNumber: z
    .string()
    .regex(/^\s*\d{3}\s?\d{3}\s?\d{4}\s*$/, { error: 'Enter an NHS number of 10 digits' })
    .optional(),
  upn: z
    .string()
    .regex(/^\s*[A-Za-z]\d{11}[0-9A-Za-z]\s*$/, {
      error: 'Enter a unique pupil number: a letter then 12 characters',
    })
    .optional(),
});

const IdentityValueView = z.object({
  field: z.string(),
  values: z.array(z.object({ value: z.string(), sources: z.array(z.string()) })),
});

const ChronologyEntryView = z
  .object({
    id: z.string(),
    holderOrganisationId: z.string(),
    holderName: z.string().nullable(),
    fieldGroup: z.string(),
    fieldGroupLabel: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    summary: z.string(),
    /** The day it happened; null when the agency gave no date. */
    eventDate: z.string().nullable(),
    /** The day the agency recorded it, when its feed says; null when not given. */
    recordedDate: z.string().nullable(),
    /** When Tessera received it (ingest time), not when the agency recorded it. */
    recordedAt: z.string(),
    factOrOpinion: z.enum(['fact', 'opinion']),
    linkConfidence: z.number(),
    version: z.number().openapi({
      description:
        "The version of the agency's record shown: 1, or more once the agency changed it (recordedAt is when)",
    }),
  })
  .openapi('ChronologyEntry');

const ShownBecauseView = AccessDecisionView.extend({ records: z.number() });

const Evidence = z.object({
  subjectRecordId: z.string(),
  holderOrganisationId: z.string(),
  fieldGroup: z.string(),
});

export const ChildViewResponse = z
  .object({
    personId: z.string(),
    purpose: z.string(),
    purposeLabel: z.string(),
    identity: z.array(IdentityValueView),
    flags: z.array(
      z.object({
        type: z.string(),
        label: z.string(),
        startDate: z.string().nullable(),
        holderOrganisationId: z.string(),
        holderName: z.string().nullable(),
      }),
    ),
    agencies: z.array(
      z.object({
        organisationId: z.string(),
        name: z.string().nullable(),
        leadPractitioner: z
          .object({
            name: z.string(),
            phone: z.string().nullable(),
            email: z.string().nullable(),
            role: z.string().nullable(),
          })
          .nullable(),
        contactPoint: z
          .object({
            name: z.string(),
            role: z.string().nullable(),
            phone: z.string().nullable(),
            email: z.string().nullable(),
          })
          .nullable()
          .openapi({
            description: "The organisation's directory entry, where no record names a lead worker",
          }),
        lastContactDate: z.string().nullable(),
        fieldGroups: z.array(z.string()),
      }),
    ),
    chronology: z.array(ChronologyEntryView),
    family: z.object({
      members: z.array(
        z.object({
          personId: z.string(),
          relationship: z.string(),
          name: z.string(),
          dob: z.string().nullable(),
          evidence: z.array(Evidence),
        }),
      ),
      households: z.array(
        z.object({
          id: z.string(),
          memberPersonIds: z.array(z.string()),
          fromDate: z.string().nullable(),
          toDate: z.string().nullable(),
          evidence: z.array(Evidence),
        }),
      ),
    }),
    shownBecause: z.array(ShownBecauseView),
    neverShownForPurpose: z.array(z.object({ fieldGroup: z.string(), label: z.string() })).openapi({
      description:
        'Kinds of information no agreement in force lets another organisation share with you for this purpose (the same for every child)',
    }),
  })
  .openapi('ChildView');

export const ChronologyResponse = z
  .object({
    personId: z.string(),
    purpose: z.string(),
    purposeLabel: z.string(),
    entries: z.array(ChronologyEntryView),
    shownBecause: z.array(ShownBecauseView),
    /** Decisions to share or not to share your organisation made or received, newest first. */
    decisions: z
      .array(
        z.object({
          decisionId: z.string(),
          version: z.number(),
          decision: z.enum(['share', 'not_share']),
          organisationId: z.string(),
          recipientOrganisationId: z.string().nullable(),
          summary: z.string(),
          eventDate: z.string(),
          recordedAt: z.string(),
        }),
      )
      .optional()
      .openapi({ description: 'Decisions to share or not to share about the child, as plain sentences' }),
  })
  .openapi('Chronology');

export const PersonSearchResponse = z
  .object({
    purpose: z.string(),
    persons: z.array(z.object({ personId: z.string(), identity: z.array(IdentityValueView) })),
    truncated: z.boolean(),
  })
  .openapi('PersonSearchResults');
