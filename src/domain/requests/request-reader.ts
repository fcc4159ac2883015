import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { can } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import { notFound } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { informationRequest, partnerCheck } from './schema.ts';

/** How the actor stands to a request: their organisation sent it, or was asked in it. */
export type RequestSide = 'requester' | 'responder';

/**
 * The side the actor may act on for this request, or "not found" with the refusal audited
 * (DESIGN.md rule 2): a request is seen only by its requester's organisation (with
 * make_requests) and by the organisations it asked (with answer_requests), never by the rest of
 * the partnership, nor by another partnership, whose ids answer like missing ones.
 */
export async function authoriseRequestSide(
  deps: Deps,
  db: Db,
  actor: Actor,
  requestId: string,
  attempted: string,
  options: { readonly side?: RequestSide; readonly organisationId?: string } = {},
): Promise<{ side: RequestSide; requesterOrganisationId: string; askedOrganisationIds: string[] }> {
  const refuse = async (): Promise<never> => {
    await appendAuditEvent(deps.db, {
      actor,
      action: 'access.denied',
      outcome: 'denied',
      details: { attempted, over: `information_request:${requestId}` },
    });
    throw notFound('The request');
  };
  if (actor.kind !== 'user' || !isUuid(requestId)) return refuse();
  const rows = await db
    .select({ requester: informationRequest.requesterOrganisationId, asked: partnerCheck.organisationId })
    .from(informationRequest)
    .innerJoin(
      partnerCheck,
      and(
        eq(partnerCheck.partnershipId, informationRequest.partnershipId),
        eq(partnerCheck.requestId, informationRequest.id),
      ),
    )
    .where(
      and(eq(informationRequest.partnershipId, actor.partnershipId), eq(informationRequest.id, requestId)),
    );
  const requesterOrganisationId = rows[0]?.requester;
  if (!requesterOrganisationId) return refuse();
  const askedOrganisationIds = rows.map((r) => r.asked);
  const own = actor.organisationId;
  const asRequester =
    own === requesterOrganisationId &&
    can(actor, 'make_requests', { over: 'organisation', organisationId: own });
  const asResponder =
    askedOrganisationIds.includes(own) &&
    can(actor, 'answer_requests', { over: 'organisation', organisationId: own }) &&
    (options.organisationId === undefined || options.organisationId === own);
  const side: RequestSide | undefined =
    options.side === 'requester'
      ? asRequester
        ? 'requester'
        : undefined
      : options.side === 'responder'
        ? asResponder
          ? 'responder'
          : undefined
        : asRequester
          ? 'requester'
          : asResponder
            ? 'responder'
            : undefined;
  if (!side) return refuse();
  return { side, requesterOrganisationId, askedOrganisationIds };
}
