import { sql, type SQL } from 'drizzle-orm';
import { auditEventInsert } from '../audit/append-audit-event.ts';
import { systemActor } from '../shared/actor.ts';
import { hotStatement, queryRows, type Db } from '../shared/database.ts';
import type { PartnershipId } from '../shared/ids.ts';
import type { CurrentLink, LinkedBy, NewReviewItem } from './person-link-store.ts';

/**
 * The database side of incremental linking, one fixed statement per step (no query building:
 * these run for every record ingest writes, bench/linkage db-incremental): read the links the
 * decision depends on, then write the decision, its move, the link, the review items and the
 * audit event together. Both run inside the caller's transaction, after lockLinking. Each text is
 * fixed (the write has two: with and without a move), so on PostgreSQL each is a hot statement,
 * parsed and planned once per connection rather than on every link.
 */

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

export interface LinkState {
  /** The current link of each agency person asked about that has one. */
  readonly links: Map<string, CurrentLink & { readonly evaluatedHash: string | null }>;
  /** Every agency person of each person that one of `membersOf` belongs to. */
  readonly members: Map<string, string[]>;
}

/**
 * ONE statement: the links of `ids`, and the members of the persons of `membersOf`. Each is a
 * probe of an index per id (a lateral lookup, `offset 0` so the planner keeps it one), whatever
 * the statistics say: right after a batch relink they are stale, and a join planned from them
 * can scan every link of the partnership (the same lesson as records/ingest-store.ts).
 */
export async function readLinkState(
  tx: Db,
  partnershipId: string,
  ids: readonly string[],
  membersOf: readonly string[],
): Promise<LinkState> {
  const rows = await queryRows<{
    member: boolean;
    id: string;
    personId: string;
    probability: number;
    linkedBy: string;
    evaluatedHash: string | null;
  }>(
    tx,
    hotStatement(sql`select false as member, l.agency_person_id::text as id, l.person_id::text as "personId",
          l.match_probability as probability, l.linked_by as "linkedBy", l.evaluated_hash as "evaluatedHash"
        from unnest(${uuidArray(ids)}::uuid[]) as v(id)
        cross join lateral (select * from person_link
          where partnership_id = ${partnershipId}::uuid and agency_person_id = v.id offset 0) l
        union all
        select true, m.agency_person_id::text, m.person_id::text, m.match_probability, m.linked_by, null
        from (select distinct s.person_id
              from unnest(${uuidArray(membersOf)}::uuid[]) as v(id)
              cross join lateral (select person_id from person_link
                where partnership_id = ${partnershipId}::uuid and agency_person_id = v.id offset 0) s) p
        cross join lateral (select * from person_link
          where partnership_id = ${partnershipId}::uuid and person_id = p.person_id offset 0) m`),
  );
  const links: LinkState['links'] = new Map();
  const members = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.member) {
      links.set(r.id, {
        personId: r.personId,
        probability: r.probability,
        linkedBy: r.linkedBy,
        evaluatedHash: r.evaluatedHash,
      });
      continue;
    }
    const list = members.get(r.personId);
    if (list) list.push(r.id);
    else members.set(r.personId, [r.id]);
  }
  return { links, members };
}

/** Which of these pairs (record, candidate) have been queued before, whatever became of them. */
export async function queuedPairs(
  tx: Db,
  partnershipId: string,
  agencyPersonId: string,
  candidates: readonly string[],
): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select candidate_agency_person_id::text as id from link_review
        where partnership_id = ${partnershipId}::uuid and agency_person_id = ${agencyPersonId}::uuid
          and candidate_agency_person_id = any(${uuidArray(candidates)}::uuid[])`,
  );
  return new Set(rows.map((r) => r.id));
}

export interface LinkOutcomeWrite {
  readonly partnershipId: PartnershipId;
  readonly decisionId: string;
  /** 'kept' when a changed record was evaluated again and stays where it was. */
  readonly kind: LinkedBy | 'kept';
  readonly decidedAt: Date;
  readonly decidedBy: string;
  readonly agencyPersonId: string;
  /** The content the decision was made on (agency_person.content_hash). */
  readonly contentHash: string | null;
  readonly from: CurrentLink | undefined;
  readonly to: { personId: string; probability: number; linkedBy: LinkedBy };
  readonly modelId: string;
  readonly reviews: readonly (NewReviewItem & { id: string })[];
}

/**
 * ONE data-modifying statement: the decision, its move (none when the record stays), the link,
 * the review items (a pair queued or decided before is not queued again) and the `person.linked`
 * audit event, whose count of reviews queued comes from the same statement. Returns that count.
 */
export async function writeLinkOutcome(tx: Db, w: LinkOutcomeWrite): Promise<number> {
  const pid = sql`${w.partnershipId}::uuid`;
  const at = sql`${w.decidedAt.toISOString()}::timestamptz`;
  const moved = w.from?.personId !== w.to.personId;
  const move = moved
    ? sql`, move as (
        insert into link_move (partnership_id, decision_id, agency_person_id, from_person_id, from_probability,
          from_linked_by, to_person_id, to_probability, to_linked_by)
        values (${pid}, ${w.decisionId}::uuid, ${w.agencyPersonId}::uuid, ${w.from?.personId ?? null}::uuid,
          ${w.from?.probability ?? null}::float8, ${w.from?.linkedBy ?? null}, ${w.to.personId}::uuid,
          ${w.to.probability}::float8, ${w.to.linkedBy}))`
    : sql``;
  const link: SQL = moved
    ? sql`insert into person_link (partnership_id, agency_person_id, person_id, match_probability, linked_by,
          linked_at, evaluated_hash)
        values (${pid}, ${w.agencyPersonId}::uuid, ${w.to.personId}::uuid, ${w.to.probability}::float8,
          ${w.to.linkedBy}, ${at}, ${w.contentHash})
        on conflict (partnership_id, agency_person_id) do update set person_id = excluded.person_id,
          match_probability = excluded.match_probability, linked_by = excluded.linked_by,
          linked_at = excluded.linked_at, evaluated_hash = excluded.evaluated_hash`
    : sql`update person_link set evaluated_hash = ${w.contentHash}
        where partnership_id = ${pid} and agency_person_id = ${w.agencyPersonId}::uuid`;
  const reviews = JSON.stringify(
    w.reviews.map((r) => ({
      id: r.id,
      candidate: r.candidateAgencyPersonId,
      weight: r.weight,
      probability: r.probability,
      reason: r.reason,
    })),
  );
  const details = {
    agencyPersonId: w.agencyPersonId,
    personId: w.to.personId,
    linkedBy: w.kind,
    probability: Math.round(w.to.probability * 1e6) / 1e6,
    decisionId: w.decisionId,
    reviewsQueued: 0,
    ...(w.from ? { previousPersonId: w.from.personId } : {}),
  };
  const audit = auditEventInsert(
    {
      actor: systemActor(w.partnershipId, w.decidedBy),
      action: 'person.linked',
      outcome: 'success',
      subject: { type: 'person', id: w.agencyPersonId },
      details,
    },
    {
      details: sql`${JSON.stringify(details)}::jsonb || jsonb_build_object('reviewsQueued', (select count(*)::int from review))`,
    },
  );
  const [row] = await queryRows<{ queued: number }>(
    tx,
    hotStatement(sql`with decision as (
          insert into link_decision (partnership_id, id, kind, decided_at, decided_by)
          values (${pid}, ${w.decisionId}::uuid, ${w.kind}, ${at}, ${w.decidedBy}))${move},
        link as (${link}),
        review as (
          insert into link_review (partnership_id, id, agency_person_id, candidate_agency_person_id, match_weight,
            match_probability, reason, model_id, status, created_at)
          select ${pid}, x.id, ${w.agencyPersonId}::uuid, x.candidate, x.weight, x.probability, x.reason,
            ${w.modelId}::uuid, 'pending', ${at}
          from json_to_recordset(${reviews}::json) as x(id uuid, candidate uuid, weight float8, probability float8,
            reason text)
          on conflict do nothing
          returning 1),
        audit as (${audit})
        select (select count(*)::int from review) as queued`),
  );
  return row!.queued;
}
