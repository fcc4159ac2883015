import { and, asc, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { appUser, organisation } from '../partnership/schema.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { notFound } from '../shared/errors.ts';
import type { RagRating } from '../deadlines/rag-timescales.ts';
import type { PartnerCheckStatus } from './partner-check-clock.ts';
import type { CheckMessage } from './partner-check-store.ts';
import { authoriseRequestSide, type RequestSide } from './request-reader.ts';
import { informationRequest, partnerCheck } from './schema.ts';

export interface RequestChild {
  readonly firstName: string;
  readonly lastName: string;
  readonly dob?: string;
  readonly nhsNumber?: string;
  readonly upn?: string;
  readonly postcode?: string;
}

export interface RequestDetail {
  readonly id: string;
  /** How the reader stands to it: the requester sees every check, a responder only their own. */
  readonly side: RequestSide;
  readonly child: RequestChild;
  readonly purpose: string;
  readonly gatewayId: string;
  readonly rag: RagRating;
  readonly question: string;
  readonly respondBy: Date | null;
  readonly createdAt: Date;
  readonly requester: { organisationId: string; organisationName: string; userName: string };
  readonly partnerChecks: readonly {
    readonly organisationId: string;
    readonly organisationName: string;
    readonly status: PartnerCheckStatus;
    readonly dueAt: Date | null;
    readonly escalateAt: Date | null;
    readonly closedAt: Date | null;
    readonly decisionId: string | null;
    readonly refusal: { reasons: string[]; explanation: string } | null;
    readonly messages: readonly CheckMessage[];
  }[];
}

/**
 * One request as its reader may see it: its requester's organisation sees every agency's check;
 * an asked agency sees the request and its own check only, since what other agencies answered
 * is theirs to share (each is its own controller, UK GDPR Art 24). Anyone else: not found. The
 * read is audited (`request.viewed`): the request names a child.
 */
export async function getRequest(deps: Deps, actor: Actor, requestId: string): Promise<RequestDetail> {
  const { side } = await authoriseRequestSide(deps, deps.db, actor, requestId, 'request.view');
  if (actor.kind !== 'user') throw notFound('The request');
  const partnershipId = actor.partnershipId;
  const [request] = await deps.db
    .select({
      row: informationRequest,
      organisationName: organisation.name,
      userName: appUser.displayName,
    })
    .from(informationRequest)
    .innerJoin(
      organisation,
      and(
        eq(organisation.partnershipId, informationRequest.partnershipId),
        eq(organisation.id, informationRequest.requesterOrganisationId),
      ),
    )
    .innerJoin(
      appUser,
      and(
        eq(appUser.partnershipId, informationRequest.partnershipId),
        eq(appUser.id, informationRequest.requesterUserId),
      ),
    )
    .where(and(eq(informationRequest.partnershipId, partnershipId), eq(informationRequest.id, requestId)));
  if (!request) throw notFound('The request');
  const checks = await deps.db
    .select({ check: partnerCheck, organisationName: organisation.name })
    .from(partnerCheck)
    .innerJoin(
      organisation,
      and(
        eq(organisation.partnershipId, partnerCheck.partnershipId),
        eq(organisation.id, partnerCheck.organisationId),
      ),
    )
    .where(
      and(
        eq(partnerCheck.partnershipId, partnershipId),
        eq(partnerCheck.requestId, requestId),
        ...(side === 'responder' ? [eq(partnerCheck.organisationId, actor.organisationId)] : []),
      ),
    )
    .orderBy(asc(organisation.name));
  await appendAuditEvent(deps.db, {
    actor,
    action: 'request.viewed',
    outcome: 'success',
    details: { side, checks: checks.length },
    subject: { type: 'information_request', id: requestId },
  });
  const r = request.row;
  return {
    id: r.id,
    side,
    child: r.child as RequestChild,
    purpose: r.purpose,
    gatewayId: r.gatewayId,
    rag: r.rag as RagRating,
    question: r.question,
    respondBy: r.respondBy,
    createdAt: r.createdAt,
    requester: {
      organisationId: r.requesterOrganisationId,
      organisationName: request.organisationName,
      userName: request.userName,
    },
    partnerChecks: checks.map(({ check, organisationName }) => ({
      organisationId: check.organisationId,
      organisationName,
      status: check.status as PartnerCheckStatus,
      dueAt: check.dueAt,
      escalateAt: check.escalateAt,
      closedAt: check.closedAt,
      decisionId: check.decisionId,
      refusal: check.refusal as { reasons: string[]; explanation: string } | null,
      messages: check.messages as CheckMessage[],
    })),
  };
}
