import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { parseFeedMappingText } from '../../../domain/feeds/feed-mapping.ts';
import { findIngestRuns, getIngestRun } from '../../../domain/feeds/find-ingest-runs.ts';
import { findRecordsWaitingForIdentity } from '../../../domain/feeds/find-records-waiting-for-identity.ts';
import { findUnsharedFeeds } from '../../../domain/feeds/find-unshared-feeds.ts';
import { ingestFeed } from '../../../domain/feeds/ingest-feed.ts';
import type { IngestIssueRow, IngestRunRow } from '../../../domain/feeds/ingest-run-store.ts';
import { findOrganisations } from '../../../domain/partnership/find-organisations.ts';
import type { Actor } from '../../../domain/shared/actor.ts';
import { DomainError } from '../../../domain/shared/errors.ts';
import {
  FEED_UPLOAD_TYPES,
  IngestReportView,
  IngestRunListView,
  IngestRunParams,
  IngestUploadQuery,
  UnsharedFeedListView,
  WaitingQuery,
  WaitingRecordListView,
} from '../contracts/feeds.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { FEED_UPLOAD_LIMIT_BYTES } from '../json-body-guard.ts';
import { commonErrors, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

const tags = ['Agency feeds'];

type RunView = z.infer<typeof IngestReportView>['run'];

const runView = (r: IngestRunRow, names: Map<string, string>): RunView => ({
  id: r.id,
  organisationId: r.organisationId,
  organisationName: names.get(r.organisationId) ?? null,
  feed: r.feed,
  recordKind: r.recordKind,
  fieldGroup: r.fieldGroup,
  fileName: r.fileName,
  status: r.status as RunView['status'],
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  failure: r.failure,
  rowsRead: r.rowsRead,
  inserted: r.inserted,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected,
  flagged: r.flagged,
  duplicates: r.duplicates,
  batches: r.batches,
  waitingForIdentity: r.waitingForIdentity,
  erasedNotReloaded: r.erasedNotReloaded,
  sharedOutside: r.sharedOutside,
});

const issueView = (i: IngestIssueRow) => ({
  line: i.line,
  column: i.column,
  severity: i.severity as 'rejected' | 'flagged',
  reason: i.reason,
});

async function organisationNames(deps: HttpDeps, actor: Actor) {
  return new Map((await findOrganisations(deps.db, actor)).map((o) => [o.id, o.name]));
}

/**
 * The request body as a stream, refused past the limit as it arrives: a declared length over
 * it is refused before anything is read, and a chunked body is cut off at the limit.
 */
async function* limitedBody(
  body: ReadableStream<Uint8Array> | null,
  declared: string | undefined,
): AsyncGenerator<Uint8Array> {
  const tooLarge = () =>
    new DomainError('payload_too_large', `The file is larger than ${FEED_UPLOAD_LIMIT_BYTES / 2 ** 20} MB`);
  if (declared && Number(declared) > FEED_UPLOAD_LIMIT_BYTES) throw tooLarge();
  if (!body) return;
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) return;
    size += chunk.length;
    if (size > FEED_UPLOAD_LIMIT_BYTES) throw tooLarge();
    yield chunk;
  }
}

export function feedRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/feeds/runs',
      tags,
      summary:
        "Upload an agency feed file and ingest it through its mapping (the organisation's data manager)",
      description: `The body is the file itself: text/csv for a CSV feed, application/json or application/x-ndjson for a JSON feed (a JSON array or JSON Lines), at most ${FEED_UPLOAD_LIMIT_BYTES / 2 ** 20} MB, parsed as it streams. Rejected rows are reported by line and reason while good rows are kept; sending the same file again writes nothing new.`,
      request: {
        query: IngestUploadQuery,
        // No body schema on purpose: the validator would read the whole body before the route,
        // and the file must stream into ingest. Its types are named in the description.
      },
      responses: {
        201: jsonResponse(IngestReportView, 'The run report'),
        413: commonErrors[400],
        ...commonErrors,
      },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const query = c.req.valid('query');
      const mapping = parseFeedMappingText(query.mapping);
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!(FEED_UPLOAD_TYPES[mapping.format] as readonly string[]).includes(type))
        throw new DomainError(
          'unsupported_media_type',
          `Send a ${mapping.format} feed as ${FEED_UPLOAD_TYPES[mapping.format].join(' or ')}`,
        );
      const result = await ingestFeed(deps, actor, {
        organisationId: query.organisationId,
        mapping,
        source: limitedBody(c.req.raw.body, c.req.header('content-length')),
        ...(query.fileName ? { fileName: query.fileName } : {}),
      });
      const report = await getIngestRun(deps, actor, result.runId);
      const names = await organisationNames(deps, actor);
      return c.json({ run: runView(report.run, names), issues: report.issues.map(issueView) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/feeds/runs',
      tags,
      summary:
        "Ingest runs, newest first (the actor's own organisation's; every organisation's for a system administrator)",
      responses: { 200: jsonResponse(IngestRunListView, 'Runs'), ...commonErrors },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const runs = await findIngestRuns(deps, actor);
      const names = await organisationNames(deps, actor);
      return c.json({ runs: runs.map((r) => runView(r, names)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/feeds/waiting',
      tags,
      summary:
        "Records waiting for identity: kept although their person's details row was refused or has not arrived (the actor's own organisation's; every organisation's for a system administrator)",
      request: { query: WaitingQuery },
      responses: { 200: jsonResponse(WaitingRecordListView, 'Records waiting'), ...commonErrors },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const { records, total, byFeed } = await findRecordsWaitingForIdentity(deps, actor, {
        feed: c.req.valid('query').feed,
      });
      const names = await organisationNames(deps, actor);
      return c.json(
        {
          total,
          byFeed: byFeed.map((f) => ({ ...f, organisationName: names.get(f.organisationId) ?? null })),
          records: records.map((r) => ({
            ...r,
            organisationName: names.get(r.organisationId) ?? null,
            receivedAt: r.receivedAt.toISOString(),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/feeds/unshared',
      tags,
      summary:
        'Categories of information agencies have sent that no agreement in force lets anyone outside the sender see',
      responses: { 200: jsonResponse(UnsharedFeedListView, 'Unshared categories'), ...commonErrors },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const unshared = await findUnsharedFeeds(deps, actor);
      const names = await organisationNames(deps, actor);
      return c.json(
        {
          unshared: unshared.map((u) => ({
            ...u,
            feeds: [...u.feeds],
            organisationName: names.get(u.organisationId) ?? null,
            lastReceivedAt: u.lastReceivedAt.toISOString(),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/feeds/runs/{runId}',
      tags,
      summary: 'One ingest run report: counts, and rejected and flagged rows by line and reason',
      request: { params: IngestRunParams },
      responses: { 200: jsonResponse(IngestReportView, 'The run report'), ...commonErrors },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const report = await getIngestRun(deps, actor, c.req.valid('param').runId);
      const names = await organisationNames(deps, actor);
      return c.json({ run: runView(report.run, names), issues: report.issues.map(issueView) }, 200);
    },
  );
}
