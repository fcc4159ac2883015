import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import { appUser } from '../partnership/schema.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import { auditChain, auditEvent } from './schema.ts';

export interface AuditFilter {
  readonly actorId?: string | undefined;
  readonly subjectType?: string | undefined;
  readonly subjectId?: string | undefined;
  readonly action?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  /** Page backwards: events with an id below this one. */
  readonly before?: number | undefined;
  readonly limit: number;
}

/**
 * The audit log for data protection officers, newest first, always within the actor's own
 * partnership. Reading the log is itself audited, in the same transaction.
 */
export async function findAuditEvents(deps: Deps, actor: Actor, filter: AuditFilter) {
  await authorise(deps, actor, 'read_audit', partnershipWide, 'audit.search');
  const conditions: SQL[] = [eq(auditEvent.partnershipId, actor.partnershipId)];
  if (filter.actorId) conditions.push(eq(auditEvent.actorId, filter.actorId));
  if (filter.subjectType) conditions.push(eq(auditEvent.subjectType, filter.subjectType));
  if (filter.subjectId) conditions.push(eq(auditEvent.subjectId, filter.subjectId));
  if (filter.action) conditions.push(eq(auditEvent.action, filter.action));
  if (filter.from) conditions.push(gte(auditEvent.at, filter.from));
  if (filter.to) conditions.push(lte(auditEvent.at, filter.to));
  if (filter.before) conditions.push(lt(auditEvent.id, filter.before));
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ event: auditEvent, actorName: appUser.displayName, seq: auditChain.seq })
      .from(auditEvent)
      .leftJoin(
        appUser,
        and(
          eq(appUser.partnershipId, auditEvent.partnershipId),
          sql`${appUser.id}::text = ${auditEvent.actorId}`,
        ),
      )
      .leftJoin(
        auditChain,
        and(eq(auditChain.partnershipId, auditEvent.partnershipId), eq(auditChain.eventId, auditEvent.id)),
      )
      .where(and(...conditions))
      .orderBy(desc(auditEvent.id))
      .limit(filter.limit + 1);
    const page = rows.slice(0, filter.limit);
    const filters = Object.fromEntries(
      Object.entries(filter)
        .filter(([key, value]) => value !== undefined && key !== 'limit')
        .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : String(value)]),
    );
    await appendAuditEvent(tx, {
      actor,
      action: 'audit.searched',
      outcome: 'success',
      details: { filters, returned: page.length },
    });
    return {
      events: page.map((r) => ({ ...r.event, actorName: r.actorName, sealed: r.seq !== null })),
      nextBefore: rows.length > filter.limit ? (page[page.length - 1]?.event.id ?? null) : null,
    };
  });
}
