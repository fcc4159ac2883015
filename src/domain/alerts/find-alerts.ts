import { sql } from 'drizzle-orm';
import { mayActForAs } from '../policy/role-purposes.ts';
import type { Purpose } from '../policy/purposes.ts';
import type { Actor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import type { AlertKind } from './alert-kinds.ts';
import { alertsOfRecipient } from './alert-recipient-filter.ts';

export interface InboxAlert {
  readonly id: string;
  readonly kind: AlertKind;
  /** The kind's minimal content (alert-kinds.ts): never a name or a record's text. */
  readonly content: Record<string, unknown>;
  /**
   * The child, only as the person to open through the single view (and so the chokepoint), with
   * the purpose to open them for; null when the alert names no child or the reader's role may
   * not act for that purpose.
   */
  readonly child: { readonly personId: string; readonly purpose: Purpose } | null;
  readonly raisedAt: string;
  readonly acknowledgeBy: string | null;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
}

export interface Inbox {
  readonly alerts: readonly InboxAlert[];
  /** Alerts not yet acknowledged: the count in the header. */
  readonly unacknowledged: number;
}

/**
 * The purpose a recipient opens the child for: the one the alert's work serves. A contact with
 * a flagged child is the lead practitioner's casework on the plan (CA1989 s47, s22); an
 * Operation Encompass notice is read for Operation Encompass and no other purpose.
 */
function purposeOf(kind: string, content: Record<string, unknown>): Purpose | null {
  if (kind === 'contact_with_flagged_child')
    return content.flag === 'looked_after' ? 'looked_after_care' : 'child_protection_conference';
  if (kind === 'operation_encompass') return 'operation_encompass';
  return null;
}

const INBOX_LIMIT = 200;

/**
 * The signed-in user's alerts: those to them, or to their role in the organisation they act
 * for (alert-recipient-filter.ts), unacknowledged first, then newest first, with the count of
 * unacknowledged ones. The inbox holds no subject data: the child is an id to open through the
 * single view, which decides and audits what is shown.
 */
export async function findAlerts(deps: Deps, actor: Actor): Promise<Inbox> {
  if (actor.kind !== 'user') return { alerts: [], unacknowledged: 0 };
  const rows = await queryRows<{
    id: string;
    kind: AlertKind;
    content: Record<string, unknown>;
    person_id: string | null;
    raised_at: string | Date;
    acknowledge_by: string | Date | null;
    acknowledged_at: string | Date | null;
    acknowledged_by: string | null;
  }>(
    deps.db,
    sql`select a.id::text, a.kind, a.content, a.raised_at, a.acknowledge_by, a.acknowledged_at,
               u.display_name as acknowledged_by,
               (select pl.person_id::text from person_link pl
                 where pl.partnership_id = a.partnership_id
                   and a.subject_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                   and pl.agency_person_id = a.subject_id::uuid) as person_id
        from alert a
        left join app_user u on u.partnership_id = a.partnership_id and u.id = a.acknowledged_by_user_id
        where ${alertsOfRecipient(actor)}
        order by (a.acknowledged_at is null) desc, a.raised_at desc, a.id
        limit ${INBOX_LIMIT}`,
  );
  const unacknowledged = await countUnacknowledgedAlerts(deps, actor);
  const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
  return {
    unacknowledged,
    alerts: rows.map((r) => {
      const purpose = purposeOf(r.kind, r.content);
      return {
        id: r.id,
        kind: r.kind,
        content: r.content,
        child:
          r.person_id && purpose && mayActForAs(actor, purpose) ? { personId: r.person_id, purpose } : null,
        raisedAt: iso(r.raised_at)!,
        acknowledgeBy: iso(r.acknowledge_by),
        acknowledgedAt: iso(r.acknowledged_at),
        acknowledgedBy: r.acknowledged_by,
      };
    }),
  };
}

/** The header's count: the signed-in user's alerts not yet acknowledged. */
export async function countUnacknowledgedAlerts(deps: Deps, actor: Actor): Promise<number> {
  if (actor.kind !== 'user') return 0;
  const [row] = await queryRows<{ n: number }>(
    deps.db,
    sql`select count(*)::int as n from alert a where ${alertsOfRecipient(actor)} and a.acknowledged_at is null`,
  );
  return row?.n ?? 0;
}
