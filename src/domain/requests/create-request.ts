import { and, eq, inArray } from 'drizzle-orm';
import type { GatewayDirectory } from '../agreements/gateway-directory.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { englandAndWalesBankHolidays } from '../deadlines/bank-holidays.ts';
import { authorise } from '../partnership/authorise.ts';
import { overOrganisation } from '../partnership/capabilities.ts';
import { organisation } from '../partnership/schema.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, invalid, notFound } from '../shared/errors.ts';
import { raiseAlert } from '../alerts/raise-alert.ts';
import type { OrganisationType } from '../partnership/roles.ts';
import type { JobQueue } from '../shared/job-queue.ts';
import { scheduleCheckEscalation } from './check-escalation.ts';
import {
  partnerCheckTimes,
  startPartnerCheck,
  withinRespondBy,
  type PartnerCheckStatus,
} from './partner-check-clock.ts';
import { requestRecipientRole } from './request-recipients.ts';
import { loadRagTimescales } from './rag-timescales-store.ts';
import { parseCreateRequest, type CreateRequestInput, type RequestDraft } from './request-input.ts';
import { informationRequest, partnerCheck } from './schema.ts';

export interface RequestDeps extends Deps {
  readonly gateways: GatewayDirectory;
  /** The durable queue the escalation wake-ups go to (check-escalation.ts). */
  readonly jobs: JobQueue;
}

export interface CreatedRequest extends Omit<RequestDraft, 'partnerChecks' | 'respondBy'> {
  readonly respondBy: Date | null;
  readonly id: string;
  readonly requesterOrganisationId: string;
  readonly requesterUserId: string;
  readonly createdAt: Date;
  readonly partnerChecks: readonly {
    readonly organisationId: string;
    readonly status: PartnerCheckStatus;
    readonly dueAt: Date | null;
    readonly escalateAt: Date | null;
  }[];
}

/**
 * Sends a request for information to one or more partner agencies (the MASH partner checks,
 * DOMAIN.md section 6), each on its own clock from the partnership's RAG timescales, started now
 * by the one injected clock (DESIGN.md rule 6). The gateway must be in the catalogue and every
 * agency in the requester's partnership (another partnership's is "not in your partnership",
 * the same words as a missing one: DESIGN.md rule 2). The request, its checks and the audit
 * event are one transaction; bad input writes nothing.
 */
export async function createRequest(
  deps: RequestDeps,
  actor: Actor,
  input: CreateRequestInput,
): Promise<CreatedRequest> {
  // A request is made in the name of the requester's own organisation, by a person.
  const own = actor.kind === 'user' ? actor.organisationId : '';
  await authorise(deps, actor, 'make_requests', overOrganisation(own), 'request.create');
  if (actor.kind !== 'user') throw notFound('The page');
  const draft = parseCreateRequest(input);

  const known = await deps.gateways.describe([draft.gatewayId]);
  if (!known.has(draft.gatewayId))
    throw invalid('gatewayId', 'This gateway is not in the legal gateway catalogue');
  const asked = draft.partnerChecks.map((c) => c.organisationId);
  const found = new Map(
    (
      await deps.db
        .select({ id: organisation.id, name: organisation.name, type: organisation.type })
        .from(organisation)
        .where(and(eq(organisation.partnershipId, actor.partnershipId), inArray(organisation.id, asked)))
    ).map((r) => [r.id, r] as const),
  );
  const missing = asked.findIndex((id) => !found.has(id));
  if (missing >= 0)
    throw invalid(`partnerChecks.${missing}.organisationId`, 'There is no such agency in your partnership');

  const now = deps.clock.now();
  const respondBy = draft.respondBy ? new Date(draft.respondBy) : null;
  if (respondBy && respondBy.getTime() <= now.getTime())
    throw invalid('respondBy', 'The deadline must be in the future');
  const timescales = await loadRagTimescales(deps.db, actor.partnershipId);
  const clock = startPartnerCheck(now);
  const times = withinRespondBy(
    partnerCheckTimes(
      clock,
      { timescales, rag: draft.rag, holidays: englandAndWalesBankHolidays() },
      { at: now },
    ),
    respondBy,
  );
  const dueAt = times.dueAt;
  if (dueAt === null) throw new DomainError('internal', 'A new clock has no due instant');
  const id = deps.ids.uuid();
  const checks = asked.map((organisationId) => ({
    organisationId,
    status: clock.status,
    dueAt,
    escalateAt: times.escalateAt,
  }));

  await deps.db.transaction(async (tx) => {
    await tx.insert(informationRequest).values({
      partnershipId: actor.partnershipId,
      id,
      requesterOrganisationId: actor.organisationId,
      requesterUserId: actor.userId,
      child: draft.child,
      purpose: draft.purpose,
      gatewayId: draft.gatewayId,
      rag: draft.rag,
      question: draft.question,
      respondBy,
      createdAt: now,
    });
    await tx.insert(partnerCheck).values(
      checks.map((c) => ({
        partnershipId: actor.partnershipId,
        requestId: id,
        organisationId: c.organisationId,
        status: c.status,
        rag: draft.rag,
        startedAt: now,
        stops: [],
        dueAt: c.dueAt,
        escalateAt: c.escalateAt,
      })),
    );
    await appendAuditEvent(tx, {
      actor,
      action: 'request.created',
      outcome: 'success',
      details: {
        rag: draft.rag,
        purpose: draft.purpose,
        gatewayId: draft.gatewayId,
        partnerChecks: checks.map((c) => ({
          organisationId: c.organisationId,
          dueAt: c.dueAt.toISOString(),
        })),
      },
      subject: { type: 'information_request', id },
      at: now,
    });
    // Each asked agency's answerers are told in the same transaction (DESIGN.md rule 3).
    const [from] = await tx
      .select({ name: organisation.name })
      .from(organisation)
      .where(
        and(eq(organisation.partnershipId, actor.partnershipId), eq(organisation.id, actor.organisationId)),
      );
    for (const c of checks)
      await raiseAlert(tx, actor, {
        kind: 'request_received',
        to: {
          organisationId: c.organisationId,
          role: requestRecipientRole(found.get(c.organisationId)!.type as OrganisationType),
        },
        content: {
          requestId: id,
          from: { organisationId: actor.organisationId, name: from?.name ?? 'Unknown organisation' },
          rag: draft.rag,
          dueAt: c.dueAt.toISOString(),
        },
        source: { type: 'information_request', id },
        raisedAt: now,
      });
  });
  // The wake-ups go to the queue once the request is committed; sending again is harmless
  // (keyed), and a failure here leaves the request and its alerts standing (see README).
  for (const c of checks) await scheduleCheckEscalation(deps, actor.partnershipId, { requestId: id, ...c });
  return {
    ...draft,
    respondBy,
    id,
    requesterOrganisationId: actor.organisationId,
    requesterUserId: actor.userId,
    createdAt: now,
    partnerChecks: checks,
  };
}
