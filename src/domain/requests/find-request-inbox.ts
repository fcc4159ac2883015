import { sql, type SQL } from 'drizzle-orm';
import { appendReadAuditEvent } from '../audit/group-commit-writer.ts';
import { ragRatings, type RagRating } from '../deadlines/rag-timescales.ts';
import { authorise } from '../partnership/authorise.ts';
import { overOrganisation, type Capability } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import { hotStatement, queryRows, readInTurn } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import { notFound } from '../shared/errors.ts';
import type { PartnerCheckStatus } from './partner-check-clock.ts';

/**
 * - responder: the checks put to the actor's organisation still waiting;
 * - manager: those of them past their escalation point (escalated or overdue), for the team
 *   manager the escalations go to;
 * - sent: the checks of the requests the actor's organisation sent, still waiting.
 */
export const inboxViews = ['responder', 'manager', 'sent'] as const;
export type InboxView = (typeof inboxViews)[number];

const viewCapability = {
  responder: 'answer_requests',
  manager: 'oversee_requests',
  sent: 'make_requests',
} as const satisfies Record<InboxView, Capability>;

export interface InboxItem {
  readonly requestId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly requesterOrganisationName: string;
  readonly childName: string;
  readonly purpose: string;
  readonly rag: RagRating;
  readonly status: PartnerCheckStatus;
  readonly createdAt: Date;
  readonly dueAt: Date | null;
  /** Real time to the due instant (negative once overdue); null while the clock is stopped. */
  readonly msLeft: number | null;
  readonly overdue: boolean;
  readonly escalated: boolean;
}

export interface Inbox {
  readonly view: InboxView;
  /** Waiting checks in the view by RAG, and how many are overdue, whatever the filter. */
  readonly counts: Readonly<Record<RagRating, number>> & { readonly overdue: number };
  readonly items: readonly InboxItem[];
}

interface Row {
  request_id: string;
  organisation_id: string;
  organisation_name: string;
  requester_name: string;
  child: { firstName: string; lastName: string };
  purpose: string;
  rag: RagRating;
  status: PartnerCheckStatus;
  created_at: Date | string;
  due_at: Date | string | null;
  escalate_at: Date | string | null;
}

/**
 * An inbox of partner checks still waiting, soonest due first (a stopped clock, with no due
 * instant, last), with the time left to each and whether it is overdue or escalated. Only the
 * actor's own organisation's (the capability's scope); the listing is audited by view and count,
 * never by the children named. One statement per view, prepared once per connection, on the
 * partial index of waiting checks (partner_check_waiting).
 */
export async function findRequestInbox(
  deps: Deps,
  actor: Actor,
  options: { readonly view: InboxView; readonly rag?: RagRating | undefined; readonly limit?: number },
): Promise<Inbox> {
  const own = actor.kind === 'user' ? actor.organisationId : '';
  await authorise(
    deps,
    actor,
    viewCapability[options.view],
    overOrganisation(own),
    `request.inbox.${options.view}`,
  );
  if (actor.kind !== 'user') throw notFound('The page');
  const now = deps.clock.now();
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const where = whereOf(options.view, actor.partnershipId, own, now);
  const ragFilter = options.rag ?? null;
  const [rows, countRows] = await readInTurn(
    () =>
      queryRows<Row>(
        deps.db,
        hotStatement(sql`select pc.request_id, pc.organisation_id, ao.name as organisation_name,
          ro.name as requester_name, r.child, r.purpose, pc.rag, pc.status, r.created_at, pc.due_at, pc.escalate_at
        from partner_check pc
        join information_request r on r.partnership_id = pc.partnership_id and r.id = pc.request_id
        join organisation ro on ro.partnership_id = r.partnership_id and ro.id = r.requester_organisation_id
        join organisation ao on ao.partnership_id = pc.partnership_id and ao.id = pc.organisation_id
        where ${where} and (${ragFilter}::text is null or pc.rag = ${ragFilter}::text)
        order by pc.due_at asc nulls last, pc.request_id, pc.organisation_id
        limit ${limit}`),
      ),
    () =>
      queryRows<{ rag: RagRating; n: number | string; overdue: number | string }>(
        deps.db,
        // From partner_check_waiting_rag alone for the responder and manager views: no request is
        // visited to count (the sent view needs the request for its requester).
        hotStatement(sql`select pc.rag, count(*) as n,
          count(*) filter (where pc.due_at < ${now.toISOString()}::timestamptz) as overdue
        from partner_check pc
        ${options.view === 'sent' ? sql`join information_request r on r.partnership_id = pc.partnership_id and r.id = pc.request_id` : sql``}
        where ${where}
        group by pc.rag`),
      ),
  );
  const counts = { red: 0, amber: 0, green: 0, overdue: 0 };
  for (const c of countRows) {
    if ((ragRatings as readonly string[]).includes(c.rag)) counts[c.rag] = Number(c.n);
    counts.overdue += Number(c.overdue);
  }
  // A read of the children named in the requests: its event joins the group-commit writer's next
  // batch (audit/group-commit-writer.ts), durable before the list is returned (DESIGN.md rule 3).
  await appendReadAuditEvent(deps.db, {
    actor,
    action: 'request.inbox_listed',
    outcome: 'success',
    details: { view: options.view, rag: ragFilter, returned: rows.length },
    at: now,
  });
  return {
    view: options.view,
    counts,
    items: rows.map((row) => {
      const dueAt = row.due_at === null ? null : new Date(row.due_at);
      const escalateAt = row.escalate_at === null ? null : new Date(row.escalate_at);
      return {
        requestId: row.request_id,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        requesterOrganisationName: row.requester_name,
        childName: `${row.child.firstName} ${row.child.lastName}`,
        purpose: row.purpose,
        rag: row.rag,
        status: row.status,
        createdAt: new Date(row.created_at),
        dueAt,
        msLeft: dueAt === null ? null : dueAt.getTime() - now.getTime(),
        overdue: dueAt !== null && dueAt.getTime() < now.getTime(),
        escalated: escalateAt !== null && escalateAt.getTime() <= now.getTime(),
      };
    }),
  };
}

function whereOf(view: InboxView, partnershipId: string, organisationId: string, now: Date): SQL {
  switch (view) {
    case 'responder':
      return sql`pc.partnership_id = ${partnershipId} and pc.organisation_id = ${organisationId}
        and pc.closed_at is null`;
    case 'manager':
      return sql`pc.partnership_id = ${partnershipId} and pc.organisation_id = ${organisationId}
        and pc.closed_at is null and pc.escalate_at <= ${now.toISOString()}::timestamptz`;
    case 'sent':
      return sql`pc.partnership_id = ${partnershipId} and r.requester_organisation_id = ${organisationId}
        and pc.closed_at is null`;
  }
}
