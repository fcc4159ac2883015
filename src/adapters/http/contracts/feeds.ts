import { z } from '@hono/zod-openapi';
import { chosenId } from './common.ts';

export const FEED_UPLOAD_TYPES = {
  csv: ['text/csv'],
  json: ['application/json', 'application/x-ndjson', 'application/jsonl'],
} as const;

export const IngestUploadQuery = z
  .strictObject({
    organisationId: chosenId('Select the organisation whose records these are'),
    mapping: z
      .string({ error: 'Give the feed mapping (JSON)' })
      .min(2, { error: 'Give the feed mapping (JSON)' })
      .max(20_000, { error: 'The mapping must be 20,000 characters or fewer' })
      .openapi({ description: 'The feed mapping file, as JSON text' }),
    fileName: z
      .string()
      .max(200, { error: 'The file name must be 200 characters or fewer' })
      .regex(/^[^/\\]*$/, { error: 'Give the file name without a folder' })
      .optional(),
  })
  .openapi('IngestUploadQuery');

export const IngestRunParams = z.object({ runId: z.string().max(100) });

const Counts = {
  rowsRead: z.number(),
  inserted: z.number(),
  updated: z
    .number()
    .openapi({ description: 'Records whose content changed: each kept its versions and gained a new one' }),
  unchanged: z.number(),
  rejected: z.number(),
  flagged: z.number(),
  duplicates: z.number(),
  batches: z.number(),
  waitingForIdentity: z.number().openapi({
    description:
      "Records kept although their person's details had not arrived (the details row was refused or is yet to come)",
  }),
  erasedNotReloaded: z.number().openapi({
    description:
      'Rows naming a record its organisation erased: refused one by one and never loaded again (UK GDPR Art 17); not an error of the feed',
  }),
};

export const IngestRunView = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string().nullable(),
    feed: z.string(),
    recordKind: z.string(),
    fieldGroup: z.string(),
    fileName: z.string().nullable(),
    status: z.enum(['running', 'completed', 'failed', 'interrupted']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    failure: z.string().nullable(),
    sharedOutside: z.boolean().nullable().openapi({
      description:
        'Whether, when the run finished, an agreement in force let anyone outside the organisation see its field group: false means these records reach no one; null when not checked',
    }),
    ...Counts,
  })
  .openapi('IngestRun');

export const IngestIssueView = z
  .object({
    line: z.number(),
    column: z.string().nullable(),
    severity: z.enum(['rejected', 'flagged']),
    reason: z.string(),
  })
  .openapi('IngestIssue');

export const IngestReportView = z
  .object({
    run: IngestRunView,
    issues: z.array(IngestIssueView).openapi({
      description:
        'Rejected and flagged rows by line, column and reason (at most 1,000 per run); never the values',
    }),
  })
  .openapi('IngestReport');

export const IngestRunListView = z.object({ runs: z.array(IngestRunView) }).openapi('IngestRunList');

export const WaitingRecordView = z
  .object({
    recordId: z.string(),
    organisationId: z.string(),
    organisationName: z.string().nullable(),
    externalPersonId: z.string().openapi({ description: "The agency's own id for the person" }),
    sourceReference: z.string(),
    kind: z.string(),
    fieldGroup: z.string(),
    receivedAt: z.string(),
    runId: z.string().nullable(),
  })
  .openapi('WaitingRecord');

export const WaitingQuery = z
  .strictObject({
    feed: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'Give a feed name from the list' })
      .optional()
      .openapi({ description: 'Only the records of this feed' }),
  })
  .openapi('WaitingQuery');

export const WaitingRecordListView = z
  .object({
    total: z.number().openapi({ description: 'Records waiting (of the feed, when one is given)' }),
    byFeed: z.array(
      z.object({
        organisationId: z.string(),
        organisationName: z.string().nullable(),
        feed: z.string(),
        records: z.number(),
        persons: z.number(),
      }),
    ),
    records: z.array(WaitingRecordView).openapi({ description: 'Newest first, at most 500' }),
  })
  .openapi('WaitingRecordList');

export const UnsharedFeedListView = z
  .object({
    unshared: z.array(
      z.object({
        organisationId: z.string(),
        organisationName: z.string().nullable(),
        fieldGroup: z.string(),
        feeds: z.array(z.string()),
        lastReceivedAt: z.string(),
      }),
    ),
  })
  .openapi('UnsharedFeedList');
