import { sql } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { RagRating } from '../deadlines/rag-timescales.ts';
import { systemActor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import type { PartnershipId } from '../shared/ids.ts';

export interface OverdueCheck {
  readonly partnershipName: string;
  readonly requestId: string;
  readonly organisationName: string;
  readonly rag: RagRating;
  readonly dueAt: Date;
}

/**
 * Every partner check past its deadline and still waiting, by partnership (the platform
 * operator's `tessera requests overdue`): ids, agencies and instants only, never the child. Each
 * partnership's listing is audited as the command line's.
 */
export async function findOverdueChecks(
  deps: Deps,
  options: { readonly partnershipId?: string } = {},
): Promise<OverdueCheck[]> {
  const now = deps.clock.now();
  const rows = await queryRows<{
    partnership_id: string;
    partnership_name: string;
    request_id: string;
    organisation_name: string;
    rag: RagRating;
    due_at: Date | string;
  }>(
    deps.db,
    sql`select pc.partnership_id, p.name as partnership_name, pc.request_id, o.name as organisation_name,
          r.rag, pc.due_at
        from partner_check pc
        join partnership p on p.id = pc.partnership_id
        join information_request r on r.partnership_id = pc.partnership_id and r.id = pc.request_id
        join organisation o on o.partnership_id = pc.partnership_id and o.id = pc.organisation_id
        where pc.closed_at is null and pc.due_at < ${now.toISOString()}::timestamptz
          and (${options.partnershipId ?? null}::uuid is null or pc.partnership_id = ${options.partnershipId ?? null}::uuid)
        order by p.name, pc.due_at, pc.request_id, o.name`,
  );
  const byPartnership = new Map<string, number>();
  for (const r of rows) byPartnership.set(r.partnership_id, (byPartnership.get(r.partnership_id) ?? 0) + 1);
  for (const [partnershipId, returned] of byPartnership)
    await appendAuditEvent(deps.db, {
      actor: systemActor(partnershipId as PartnershipId, 'cli-requests-overdue'),
      action: 'request.inbox_listed',
      outcome: 'success',
      details: { view: 'overdue', rag: null, returned },
      at: now,
    });
  return rows.map((r) => ({
    partnershipName: r.partnership_name,
    requestId: r.request_id,
    organisationName: r.organisation_name,
    rag: r.rag,
    dueAt: new Date(r.due_at),
  }));
}
