import { sql } from 'drizzle-orm';
import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import { appendAuditEvent } from './append-audit-event.ts';

export interface Viewer {
  readonly actorId: string;
  readonly actorName: string | null;
  readonly organisationName: string | null;
  readonly role: string | null;
  readonly times: number;
  readonly lastSeenAt: Date;
}

/**
 * "Who has seen this person": every user who was shown data about the subject, with how often
 * and when last. It counts only successful disclosures (outcome success with field groups
 * disclosed, or a view action), which later issues record through the policy reader.
 */
export async function findWhoHasSeen(
  deps: Deps,
  actor: Actor,
  subject: { type: string; id: string },
): Promise<Viewer[]> {
  await authorise(deps, actor, 'read_audit', partnershipWide, 'audit.who_has_seen');
  return deps.db.transaction(async (tx) => {
    const rows = await queryRows<{
      actor_id: string;
      actor_name: string | null;
      organisation_name: string | null;
      role: string | null;
      times: string;
      last_seen_at: string;
    }>(
      tx,
      sql`select e.actor_id, u.display_name as actor_name, o.name as organisation_name, e.actor_role as role,
                 count(*)::text as times, ((extract(epoch from max(e.at)) * 1000)::bigint)::text as last_seen_at
          from audit_event e
          left join app_user u on u.partnership_id = e.partnership_id and u.id::text = e.actor_id
          left join organisation o on o.partnership_id = e.partnership_id and o.id = e.actor_organisation_id
          where e.partnership_id = ${actor.partnershipId}
            and e.subject_type = ${subject.type} and e.subject_id = ${subject.id}
            and e.outcome = 'success' and e.actor_type = 'user'
            and (e.disclosed is not null or e.action like '%.viewed')
          group by e.actor_id, u.display_name, o.name, e.actor_role
          -- The embedded engine's clock can give two quick events the same time: the later
          -- insert (higher id) breaks the tie, so "most recent first" is always well defined.
          order by max(e.at) desc, max(e.id) desc`,
    );
    await appendAuditEvent(tx, {
      actor,
      action: 'audit.searched',
      outcome: 'success',
      details: { filters: { whoHasSeen: `${subject.type}:${subject.id}` }, returned: rows.length },
    });
    return rows.map((r) => ({
      actorId: r.actor_id,
      actorName: r.actor_name,
      organisationName: r.organisation_name,
      role: r.role,
      times: Number(r.times),
      lastSeenAt: new Date(Number(r.last_seen_at)),
    }));
  });
}
