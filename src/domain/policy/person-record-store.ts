import { sql, type SQL } from 'drizzle-orm';
import { auditEventInsert, type AuditEventInput } from '../audit/append-audit-event.ts';
import { hotStatement, queryRows, type Db } from '../shared/database.ts';
import { isUuid, type OrganisationId, type PartnershipId } from '../shared/ids.ts';
import type { AllowedScope } from './decide-access.ts';
import type { FieldGroup } from './field-groups.ts';
import { projectPayload } from './project-fields.ts';
import { scopeFilter, type StoredRecord } from './subject-record-store.ts';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * The queries for a person (people module's person_link: every agency person linked to one
 * person id) rather than one agency person. Private to domain/policy like the record store,
 * and filtered on the same scope, so hidden records never leave the database.
 */
export interface PersonRecord extends StoredRecord {
  /** The agency person the record is about (subject_id). */
  readonly agencyPersonId: string;
  /** person_link.match_probability of that agency person: the confidence of the link. */
  readonly linkConfidence: number;
}

/** A row of the person record queries (the SQL aliases of both stores). */
export interface PersonRecordRow {
  id: string;
  subject_id: string;
  match_probability: number;
  organisation_id: string;
  holder_name: string | null;
  field_group: string;
  kind: string;
  payload: unknown;
  event_date: string | null;
  recorded_ms: string;
  fact_or_opinion: string;
  source_reference: string;
  version: number;
}

export function toPersonRecord(r: PersonRecordRow): PersonRecord {
  return {
    id: r.id,
    agencyPersonId: r.subject_id,
    linkConfidence: Number(r.match_probability),
    holderOrganisationId: r.organisation_id as OrganisationId,
    holderName: r.holder_name,
    fieldGroup: r.field_group as FieldGroup,
    kind: r.kind,
    payload: projectPayload(r.field_group, r.payload),
    eventDate: r.event_date,
    recordedAt: new Date(Number(r.recorded_ms)),
    factOrOpinion: r.fact_or_opinion as 'fact' | 'opinion',
    sourceReference: r.source_reference,
    version: Number(r.version),
  };
}

/** A (holder, field group) the policy allows, with the flow it rests on, for the audit event. */
export interface AllowedPair {
  /** "holder|field group", as scopeFilter keys them. */
  readonly pair: string;
  readonly agreementId: string | null;
  readonly reference: string | null;
  readonly version: number | null;
  readonly flowId: string | null;
  /** The viewer's own organisation's records (no agreement needed). */
  readonly own: boolean;
  /** The flow's place in the audit event's stable order of agreements relied on. */
  readonly order: number;
}

export interface PersonReadEvents {
  /** subject.viewed, inserted only if something is shown; its disclosure parts are computed. */
  readonly viewed: Omit<AuditEventInput<'subject.viewed'>, 'details' | 'disclosed' | 'agreementId'>;
  readonly view: string;
}

export type PersonRead =
  | { readonly kind: 'stale' }
  /** The caller's gate did not hold: nothing was read or written. */
  | { readonly kind: 'gate_closed' }
  | {
      readonly kind: 'read';
      readonly records: PersonRecord[];
      /**
       * When nothing was shown: every (holder, field group) the person's agency persons have
       * records in, and whether any agency person is linked to the id at all, for the caller to
       * audit the refusal with its real reasons. Empty when something was shown.
       */
      readonly held: { holderOrganisationId: OrganisationId; fieldGroup: FieldGroup }[];
      readonly known: boolean;
      readonly viewerName: string | undefined;
      /** The value of `alsoRead`, read in the same snapshot (undefined if none was asked). */
      readonly alsoRead: unknown;
    };

/**
 * The records of every agency person linked to the person, within the scope, newest event
 * first, AND the read's audit event, in ONE statement (a data-modifying CTE: one implicit
 * transaction and one round trip, where BEGIN, read, insert, COMMIT took four; bench/view).
 * DESIGN.md rule 3 holds: the event commits with the read or neither happens. What the event
 * says is computed from the rows the statement itself returns: the field groups disclosed, the
 * count, the flows relied on (from `pairs`, the policy's decision for each pair in scope), and
 * whether any were the viewer's own. When nothing is shown the statement inserts nothing and
 * returns what is held (pairs only, never a value), and the caller records the refusal with its
 * reasons, which need the agreements (read-person-records.ts); a missing id takes the same path.
 *
 * `alsoRead` is one more value read in the same statement and snapshot, returned as it is: a
 * system-level read that discloses nothing by itself (the family network's facts, which the
 * view filters with mayShow before showing any of it). It must never select a payload.
 *
 * `gate` is the caller's precondition, checked in the same snapshot (a session resolved earlier
 * and still live, identity/session-gate.ts): unless it holds, nothing is read or written.
 *
 * With a cached policy, `generation` is the agreements' generation it was built from: unless
 * the statement finds the same one, it reads nothing, inserts nothing and answers 'stale', and
 * the caller loads the policy afresh (SpeculativePolicy).
 */
export async function readPersonRecordsAudited(
  db: Db,
  partnershipId: PartnershipId,
  personId: string,
  scope: AllowedScope,
  viewerOrganisationId: OrganisationId,
  audit: { readonly pairs: readonly AllowedPair[]; readonly events: PersonReadEvents },
  options: {
    readonly generation?: { readonly column: SQL; readonly expected: string } | undefined;
    readonly alsoRead?: SQL | undefined;
    readonly gate?: SQL | undefined;
  } = {},
): Promise<PersonRead> {
  const { events } = audit;
  const { generation, alsoRead, gate } = options;
  // An id that is not a UUID names no one: look up the nil UUID, which no person is given, so
  // the statement finds nothing and records the denial as for anyone unknown.
  const lookup = isUuid(personId) ? personId : NIL_UUID;
  const pairs = JSON.stringify(audit.pairs);
  const rows = await queryRows<
    Partial<PersonRecordRow> & {
      generation: string | null;
      viewer_name: string | null;
      also_read: unknown;
      gate_ok: boolean;
      held_pairs: string[] | null;
      known: boolean | null;
    }
  >(
    db,
    hotStatement(sql`with meta as (
          select ${generation?.column ?? sql`null::text`} as generation,
                 (select v.name from organisation v
                   where v.partnership_id = ${partnershipId} and v.id = ${viewerOrganisationId}) as viewer_name,
                 ${alsoRead ?? sql`null::jsonb`} as also_read,
                 ${gate ?? sql`true`} as gate_ok),
        go as (select 1 as one from meta where meta.gate_ok
               ${generation === undefined ? sql`` : sql`and meta.generation = ${generation.expected}`}),
        shown as (
          select r.id, r.subject_id, l.match_probability, r.organisation_id, o.name as holder_name,
                 r.field_group, r.kind, r.payload, r.event_date::text as event_date,
                 ((extract(epoch from r.recorded_at) * 1000)::bigint)::text as recorded_ms,
                 r.fact_or_opinion, r.source_reference, r.version, r.event_date as event_day, r.recorded_at,
                 r.organisation_id::text || '|' || r.field_group as pair
          from person_link l
          join subject_record r on r.partnership_id = l.partnership_id and r.subject_id = l.agency_person_id::text
          left join organisation o on o.partnership_id = r.partnership_id and o.id = r.organisation_id
          where l.partnership_id = ${partnershipId} and l.person_id = ${lookup} and ${scopeFilter(scope)}
            and exists (select 1 from go)),
        relied as (
          select p.* from jsonb_to_recordset(${pairs}::jsonb)
            as p(pair text, "agreementId" text, reference text, version int, "flowId" text, own boolean, "order" int)
          where p.pair in (select pair from shown)),
        viewed as (${auditEventInsert(events.viewed, {
          disclosed: sql`(select jsonb_agg(g order by g collate "C")
                           from (select distinct field_group as g from shown) d)`,
          agreementId: sql`(select case when count(distinct "agreementId") = 1 then min("agreementId") end
                             from relied)`,
          details: sql`jsonb_build_object('view', ${events.view}::text, 'records', (select count(*) from shown),
                         'agreements', coalesce((select jsonb_agg(jsonb_build_object('agreementId', "agreementId",
                             'reference', reference, 'version', version, 'flowId', "flowId") order by "order")
                           from (select distinct "agreementId", reference, version, "flowId", "order"
                                 from relied where "flowId" is not null) a), '[]'::jsonb),
                         'ownRecords', exists (select 1 from relied where own),
                         'shown', (select jsonb_agg(jsonb_build_array(id, version) order by id) from shown))`,
          when: sql`exists (select 1 from shown)`,
        })}),
        held as (
          select coalesce(jsonb_agg(distinct r.organisation_id::text || '|' || r.field_group), '[]'::jsonb) as pairs,
                 exists (select 1 from person_link k
                         where k.partnership_id = ${partnershipId} and k.person_id = ${lookup}) as known
          from person_link l
          join subject_record r on r.partnership_id = l.partnership_id and r.subject_id = l.agency_person_id::text
          where l.partnership_id = ${partnershipId} and l.person_id = ${lookup}
            and exists (select 1 from go) and not exists (select 1 from shown))
        select m.generation, m.viewer_name, m.also_read, m.gate_ok, h.pairs as held_pairs, h.known,
               s.id, s.subject_id, s.match_probability, s.organisation_id,
               s.holder_name, s.field_group, s.kind, s.payload, s.event_date, s.recorded_ms, s.fact_or_opinion,
               s.source_reference, s.version
        from meta m cross join held h left join shown s on true
        order by s.event_day desc nulls last, s.recorded_at desc, s.id`),
  );
  if (rows[0]?.gate_ok !== true) return { kind: 'gate_closed' };
  if (generation !== undefined && rows[0]?.generation !== generation.expected) return { kind: 'stale' };
  const records = rows.filter((r) => r.id != null).map((r) => toPersonRecord(r as PersonRecordRow));
  const held = (records.length > 0 ? [] : (rows[0]?.held_pairs ?? [])).map((pair) => {
    const [holder, group] = pair.split('|');
    return { holderOrganisationId: holder as OrganisationId, fieldGroup: group as FieldGroup };
  });
  return {
    kind: 'read',
    records,
    held,
    known: rows[0]?.known === true,
    viewerName: rows[0]?.viewer_name ?? undefined,
    alsoRead: alsoRead === undefined ? undefined : rows[0]?.also_read,
  };
}
