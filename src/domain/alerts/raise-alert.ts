import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { auditEventInsert } from '../audit/append-audit-event.ts';
import { isRole, type Role } from '../partnership/roles.ts';
import type { Actor } from '../shared/actor.ts';
import { queryRows, type Db } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { alertKinds, type AlertContent, type AlertKind } from './alert-kinds.ts';

/** To one user of an organisation, or to whoever holds a role in it when the alert is read. */
export type AlertRecipient =
  | { readonly organisationId: string; readonly userId: string }
  | { readonly organisationId: string; readonly role: Role };

export interface NewAlert<K extends AlertKind> {
  readonly kind: K;
  readonly to: AlertRecipient;
  readonly subjectId?: string | undefined;
  readonly content: AlertContent<K>;
  readonly source: { readonly type: string; readonly id: string };
  readonly raisedAt: Date;
  readonly acknowledgeBy?: Date | undefined;
}

/**
 * Raises one alert in the caller's transaction, with its `alert.raised` audit event, so the act
 * that calls for it and the alert commit or fail together (DESIGN.md rule 3). The same kind,
 * source and recipient raise one alert however often asked (a retried job, a feed re-read): the
 * answer is then null and nothing is written or audited. The content is checked against its
 * kind's schema (alert-kinds.ts), naming the field that is wrong.
 */
export async function raiseAlert<K extends AlertKind>(
  tx: Db,
  actor: Actor,
  alert: NewAlert<K>,
): Promise<string | null> {
  const content = checkContent(alert.kind, alert.content);
  const role = 'role' in alert.to ? alert.to.role : null;
  if (role !== null && !isRole(role)) throw invalid('to.role', 'Choose a role from the list');
  const userId = 'userId' in alert.to ? alert.to.userId : null;
  const dedupeKey = [
    alert.kind,
    alert.source.type,
    alert.source.id,
    alert.to.organisationId,
    userId ?? role,
  ].join('|');
  const id = randomUUID();
  const event = auditEventInsert(
    {
      actor,
      action: 'alert.raised',
      outcome: 'success',
      at: alert.raisedAt,
      ...(alert.subjectId ? { subject: { type: 'agency_person', id: alert.subjectId } } : {}),
      details: {
        alertId: id,
        kind: alert.kind,
        recipientOrganisationId: alert.to.organisationId,
        recipientUserId: userId,
        recipientRole: role,
        sourceType: alert.source.type,
        sourceId: alert.source.id,
      },
    },
    // Audited only when the alert was written: a repeat writes and audits nothing.
    { when: sql`exists (select 1 from raised)` },
  );
  // The alert and its event in one statement (a data-modifying CTE): one round trip.
  const inserted = await queryRows<{ id: string }>(
    tx,
    sql`with raised as (
          insert into alert (partnership_id, id, kind, recipient_organisation_id, recipient_user_id,
            recipient_role, subject_id, content, source_type, source_id, dedupe_key, raised_at, acknowledge_by)
          values (${actor.partnershipId}, ${id}, ${alert.kind}, ${alert.to.organisationId}, ${userId},
            ${role}, ${alert.subjectId ?? null}, ${JSON.stringify(content)}::jsonb, ${alert.source.type},
            ${alert.source.id}, ${dedupeKey}, ${alert.raisedAt.toISOString()},
            ${alert.acknowledgeBy?.toISOString() ?? null})
          on conflict (partnership_id, dedupe_key) do nothing
          returning id),
        audited as (${event})
        select id from raised`,
  );
  if (inserted.length === 0) return null;
  return id;
}

function checkContent<K extends AlertKind>(kind: K, content: unknown): AlertContent<K> {
  const schema = alertKinds[kind];
  if (!schema) throw invalid('kind', `No alert is named ${String(kind)}`);
  const parsed = schema.safeParse(content);
  if (parsed.success) return parsed.data as AlertContent<K>;
  throw new DomainError('validation_failed', 'The alert is not what its kind takes', {
    fields: parsed.error.issues.map((i) => ({ field: ['content', ...i.path].join('.'), problem: i.message })),
  });
}

function invalid(field: string, problem: string): DomainError {
  return new DomainError('validation_failed', problem, { fields: [{ field, problem }] });
}
