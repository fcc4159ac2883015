import { and, eq } from 'drizzle-orm';
import type { StopInterval } from '../deadlines/deadline.ts';
import type { RagRating } from '../deadlines/rag-timescales.ts';
import type { Db } from '../shared/database.ts';
import type { PartnerCheckClock, PartnerCheckStatus } from './partner-check-clock.ts';
import { informationRequest, partnerCheck } from './schema.ts';

/** A question put to the requester while the clock stood still, or its answer. */
export interface CheckMessage {
  readonly kind: 'clarification_asked' | 'clarification_given' | 'verification_asked' | 'verification_given';
  readonly at: string;
  readonly organisationId: string;
  readonly userId: string;
  readonly text: string;
}

export interface StoredCheck {
  readonly requestId: string;
  readonly organisationId: string;
  readonly requesterOrganisationId: string;
  readonly rag: RagRating;
  readonly respondBy: Date | null;
  readonly clock: PartnerCheckClock;
  readonly dueAt: Date | null;
  readonly escalateAt: Date | null;
  readonly messages: readonly CheckMessage[];
  readonly decisionId: string | null;
}

interface StoredStop {
  readonly from: string;
  readonly to?: string;
}

/**
 * One partner check with what its clock needs from its request, in the partnership; locked for
 * the change when `forUpdate`, so two responders acting at once change it one after the other.
 */
export async function loadCheck(
  db: Db,
  partnershipId: string,
  key: { readonly requestId: string; readonly organisationId: string },
  options: { readonly forUpdate?: boolean } = {},
): Promise<StoredCheck | undefined> {
  const query = db
    .select({
      requestId: partnerCheck.requestId,
      organisationId: partnerCheck.organisationId,
      status: partnerCheck.status,
      startedAt: partnerCheck.startedAt,
      stops: partnerCheck.stops,
      dueAt: partnerCheck.dueAt,
      escalateAt: partnerCheck.escalateAt,
      messages: partnerCheck.messages,
      decisionId: partnerCheck.decisionId,
      requesterOrganisationId: informationRequest.requesterOrganisationId,
      rag: informationRequest.rag,
      respondBy: informationRequest.respondBy,
    })
    .from(partnerCheck)
    .innerJoin(
      informationRequest,
      and(
        eq(informationRequest.partnershipId, partnerCheck.partnershipId),
        eq(informationRequest.id, partnerCheck.requestId),
      ),
    )
    .where(
      and(
        eq(partnerCheck.partnershipId, partnershipId),
        eq(partnerCheck.requestId, key.requestId),
        eq(partnerCheck.organisationId, key.organisationId),
      ),
    );
  const [row] = options.forUpdate ? await query.for('update', { of: partnerCheck }) : await query;
  if (!row) return undefined;
  return {
    requestId: row.requestId,
    organisationId: row.organisationId,
    requesterOrganisationId: row.requesterOrganisationId,
    rag: row.rag as RagRating,
    respondBy: row.respondBy,
    clock: {
      status: row.status as PartnerCheckStatus,
      startedAt: row.startedAt,
      stops: (row.stops as StoredStop[]).map(toStop),
    },
    dueAt: row.dueAt,
    escalateAt: row.escalateAt,
    messages: row.messages as CheckMessage[],
    decisionId: row.decisionId,
  };
}

export function storedStops(stops: readonly StopInterval[]): StoredStop[] {
  return stops.map((s) => ({ from: s.from.toISOString(), ...(s.to ? { to: s.to.toISOString() } : {}) }));
}

function toStop(s: StoredStop): StopInterval {
  return s.to ? { from: new Date(s.from), to: new Date(s.to) } : { from: new Date(s.from) };
}
