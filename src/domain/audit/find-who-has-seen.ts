import { sql, type SQL } from 'drizzle-orm';
import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import { isUuid, type PartnershipId } from '../shared/ids.ts';
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
 * disclosed, or a view action), which the policy reader records.
 *
 * A person is seen under more than one id: the single view names the person, the records
 * endpoint and the link review name an agency person, and a view made before a merge (or an
 * undo) named the person the records belonged to then. So a person id is widened through the
 * linkage history (person_link and link_move, ids only): every agency person ever linked to it,
 * and every person those agency persons were ever linked to. It may list a viewer of a person
 * later found to be someone else; for "who has seen this child" that is the safe side.
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
            and e.subject_type = ${subject.type} and e.subject_id in (${subjectIds(actor.partnershipId, subject)})
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

/** The ids the person has been seen under (see findWhoHasSeen), as a subquery of text ids. */
function subjectIds(partnershipId: PartnershipId, subject: { type: string; id: string }): SQL {
  if (subject.type !== 'person' || !isUuid(subject.id)) return sql`select ${subject.id}::text`;
  return sql`with agency as (
      select l.agency_person_id from person_link l
      where l.partnership_id = ${partnershipId} and l.person_id = ${subject.id}::uuid
      union
      select m.agency_person_id from link_move m
      where m.partnership_id = ${partnershipId}
        and (m.to_person_id = ${subject.id}::uuid or m.from_person_id = ${subject.id}::uuid))
    select ${subject.id}::text
    union select a.agency_person_id::text from agency a
    union select m.to_person_id::text from link_move m join agency a using (agency_person_id)
      where m.partnership_id = ${partnershipId}
    union select m.from_person_id::text from link_move m join agency a using (agency_person_id)
      where m.partnership_id = ${partnershipId} and m.from_person_id is not null`;
}
