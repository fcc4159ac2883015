import { sql, type SQL } from 'drizzle-orm';
import type { AuditDetailsByAction } from '../audit/actions.ts';
import { hotStatement, queryRows, type Db } from '../shared/database.ts';
import { isUuid, type OrganisationId } from '../shared/ids.ts';
import { sessionGate, type CachedSession } from '../identity/session-gate.ts';
import { familyFactsColumn } from '../people/family-network-store.ts';
import type { FieldGroup } from './field-groups.ts';
import { projectPayload } from './project-fields.ts';
import type { StoredRecord } from './subject-record-store.ts';
import {
  grantReliedColumn,
  liveGrantsAndLimitsColumn,
  parseLiveGrantsAndLimits,
  visibleRecordFilter,
  type LiveGrantsAndLimits,
  type Visibility,
} from './visibility.ts';

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
    subjectId: r.subject_id,
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
  /** "holder|field group", as the visibility's standing keys name them. */
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

/**
 * What the subject.viewed event of a read that showed something says it disclosed, computed by
 * the read's own statement from the rows it returned.
 */
export interface PersonReadDisclosure {
  readonly disclosed: readonly string[];
  /** The one agreement relied on, if exactly one was. */
  readonly agreementId: string | undefined;
  readonly details: AuditDetailsByAction['subject.viewed'];
}

export type PersonRead =
  | { readonly kind: 'stale' }
  /** The session the read acts on no longer holds: nothing was read or written. */
  | { readonly kind: 'session_closed' }
  | {
      readonly kind: 'read';
      readonly records: PersonRecord[];
      /** The audit event's disclosure parts; present exactly when records were shown. */
      readonly disclosure: PersonReadDisclosure | undefined;
      /**
       * When nothing was shown: every (holder, field group) the person's agency persons have
       * records in, and whether any agency person is linked to the id at all, for the caller to
       * audit the refusal with its real reasons. Empty when something was shown.
       */
      readonly held: { holderOrganisationId: OrganisationId; fieldGroup: FieldGroup }[];
      readonly known: boolean;
      readonly viewerName: string | undefined;
      /** The grants live for the reader and the limits live on the person's agency persons. */
      readonly live: LiveGrantsAndLimits;
      /**
       * The family network's facts (people module's familyFactsColumn), read in the same
       * snapshot when asked for, and the ids of the evidence records among them that pass the
       * visibility filter: the facts disclose nothing until the view keeps only visible edges.
       */
      readonly family: { readonly facts: unknown; readonly visibleEvidence: ReadonlySet<string> } | undefined;
    };

/**
 * The records of every agency person linked to the person, within the scope, newest event
 * first, AND what the read's audit event must say, in ONE read-only statement (one round trip).
 * The caller commits the event before anything is shown (DESIGN.md rule 3: through the
 * group-commit writer, audit/group-commit-writer.ts). What the event says is computed from the
 * rows the statement itself returns: the field groups disclosed, the count, the flows relied on
 * (from `pairs`, the policy's decision for each pair in scope), and whether any were the
 * viewer's own. When nothing is shown it returns what is held (pairs only, never a value), and
 * the caller records the refusal with its reasons, which need the agreements
 * (read-person-records.ts); a missing id takes the same path.
 *
 * `familyFacts` adds the family network's facts to the same statement and snapshot (one round
 * trip where seven cost more than the view's own read), with the ids of their evidence records
 * that pass the same visibility filter. The facts name records, never a payload.
 *
 * `session` is the session the read acts on, resolved earlier and cached: checked in the same
 * snapshot (identity/session-gate.ts), and unless it still holds nothing is read or written.
 *
 * With a cached policy, `generation` is the agreements' generation it was built from: unless
 * the statement finds the same one, it reads nothing, inserts nothing and answers 'stale', and
 * the caller loads the policy afresh (SpeculativePolicy).
 */
export async function readPersonRecordsToAudit(
  db: Db,
  visibility: Visibility,
  personId: string,
  audit: { readonly pairs: readonly AllowedPair[]; readonly view: string },
  options: {
    readonly generation?: { readonly column: SQL; readonly expected: string } | undefined;
    readonly familyFacts?: boolean | undefined;
    readonly session?: CachedSession | undefined;
  } = {},
): Promise<PersonRead> {
  const { view } = audit;
  const { generation, session } = options;
  const partnershipId = visibility.partnershipId;
  const viewerOrganisationId = visibility.viewerOrganisationId;
  // An id that is not a UUID names no one: look up the nil UUID, which no person is given, so
  // the statement finds nothing and records the denial as for anyone unknown.
  const lookup = isUuid(personId) ? personId : NIL_UUID;
  const pairs = JSON.stringify(audit.pairs);
  const familyFacts = options.familyFacts === true && isUuid(personId);
  const rows = await queryRows<
    Partial<PersonRecordRow> & {
      generation: string | null;
      viewer_name: string | null;
      live: unknown;
      family_facts: unknown;
      family_visible: string[] | null;
      gate_ok: boolean;
      held_pairs: string[] | null;
      known: boolean | null;
      audit_disclosed: string[] | null;
      audit_agreement_id: string | null;
      audit_details: AuditDetailsByAction['subject.viewed'] | null;
    }
  >(
    db,
    hotStatement(sql`with meta as (
          select ${generation?.column ?? sql`null::text`} as generation,
                 (select v.name from organisation v
                   where v.partnership_id = ${partnershipId} and v.id = ${viewerOrganisationId}) as viewer_name,
                 ${liveGrantsAndLimitsColumn(
                   visibility,
                   sql`(select coalesce(array_agg(k.agency_person_id::text), '{}'::text[]) from person_link k
                         where k.partnership_id = ${partnershipId} and k.person_id = ${lookup})`,
                 )} as live,
                 ${familyFacts ? familyFactsColumn(partnershipId, lookup) : sql`'[]'::jsonb`} as family_facts,
                 ${session ? sessionGate(session.session, session.now) : sql`true`} as gate_ok),
        go as (select 1 as one from meta where meta.gate_ok
               ${generation === undefined ? sql`` : sql`and meta.generation = ${generation.expected}`}),
        shown as (
          select r.id, r.subject_id, l.match_probability, r.organisation_id, o.name as holder_name,
                 r.field_group, r.kind, r.payload, r.event_date::text as event_date,
                 ((extract(epoch from r.recorded_at) * 1000)::bigint)::text as recorded_ms,
                 r.fact_or_opinion, r.source_reference, r.version, r.event_date as event_day, r.recorded_at,
                 r.organisation_id::text || '|' || r.field_group as pair,
                 ${grantReliedColumn(visibility)} as grant_relied
          from person_link l
          join subject_record r on r.partnership_id = l.partnership_id and r.subject_id = l.agency_person_id::text
          left join organisation o on o.partnership_id = r.partnership_id and o.id = r.organisation_id
          where l.partnership_id = ${partnershipId} and l.person_id = ${lookup}
            and ${visibleRecordFilter(visibility)}
            and exists (select 1 from go)),
        family_visible as (
          select coalesce(jsonb_agg(r.id), '[]'::jsonb) as ids from subject_record r
          where r.partnership_id = ${partnershipId} and exists (select 1 from go)
            and r.id in (select (e ->> 'subject_record_id')::uuid from meta, jsonb_array_elements(meta.family_facts) e
                         union select (e ->> 'parent_record_id')::uuid from meta, jsonb_array_elements(meta.family_facts) e)
            and ${visibleRecordFilter(visibility)}),
        relied as (
          select p.* from jsonb_to_recordset(${pairs}::jsonb)
            as p(pair text, "agreementId" text, reference text, version int, "flowId" text, own boolean, "order" int)
          where p.pair in (select pair from shown)),
        grants_relied as (
          select s.grant_relied ->> 'grantId' as grant_id, min(s.grant_relied ->> 'kind') as kind,
                 min(s.grant_relied ->> 'sourceId') as source_id,
                 coalesce(jsonb_agg(distinct l.value) filter (where l.value is not null), '[]'::jsonb) as set_aside
          from shown s left join lateral jsonb_array_elements(s.grant_relied -> 'setAsideLimitIds') l on true
          where s.grant_relied is not null group by 1),
        viewed as (select
          (select jsonb_agg(g order by g collate "C") from (select distinct field_group as g from shown) d)
            as disclosed,
          (select case when count(distinct "agreementId") = 1 then min("agreementId") end from relied)
            as agreement_id,
          jsonb_build_object('view', ${view}::text, 'records', (select count(*) from shown),
            'agreements', coalesce((select jsonb_agg(jsonb_build_object('agreementId', "agreementId",
                'reference', reference, 'version', version, 'flowId', "flowId") order by "order")
              from (select distinct "agreementId", reference, version, "flowId", "order"
                    from relied where "flowId" is not null) a), '[]'::jsonb),
            'grants', coalesce((select jsonb_agg(jsonb_build_object('grantId', grant_id, 'kind', kind,
                'sourceId', source_id, 'setAsideLimitIds', set_aside) order by grant_id)
              from grants_relied), '[]'::jsonb),
            'ownRecords', exists (select 1 from relied where own),
            'shown', (select jsonb_agg(jsonb_build_array(id, version) order by id) from shown)) as details
          where exists (select 1 from shown)),
        held as (
          select coalesce(jsonb_agg(distinct r.organisation_id::text || '|' || r.field_group), '[]'::jsonb) as pairs,
                 exists (select 1 from person_link k
                         where k.partnership_id = ${partnershipId} and k.person_id = ${lookup}) as known
          from person_link l
          join subject_record r on r.partnership_id = l.partnership_id and r.subject_id = l.agency_person_id::text
          where l.partnership_id = ${partnershipId} and l.person_id = ${lookup}
            and exists (select 1 from go) and not exists (select 1 from shown))
        select m.generation, m.viewer_name, m.live, m.family_facts, f.ids as family_visible, m.gate_ok,
               h.pairs as held_pairs, h.known, v.disclosed as audit_disclosed,
               v.agreement_id as audit_agreement_id, v.details as audit_details,
               s.id, s.subject_id, s.match_probability, s.organisation_id,
               s.holder_name, s.field_group, s.kind, s.payload, s.event_date, s.recorded_ms, s.fact_or_opinion,
               s.source_reference, s.version
        from meta m cross join held h cross join family_visible f left join viewed v on true
          left join shown s on true
        order by s.event_day desc nulls last, s.recorded_at desc, s.id`),
  );
  if (rows[0]?.gate_ok !== true) return { kind: 'session_closed' };
  if (generation !== undefined && rows[0]?.generation !== generation.expected) return { kind: 'stale' };
  const records = rows.filter((r) => r.id != null).map((r) => toPersonRecord(r as PersonRecordRow));
  const held = (records.length > 0 ? [] : (rows[0]?.held_pairs ?? [])).map((pair) => {
    const [holder, group] = pair.split('|');
    return { holderOrganisationId: holder as OrganisationId, fieldGroup: group as FieldGroup };
  });
  const first = rows[0];
  return {
    kind: 'read',
    records,
    disclosure:
      records.length > 0 && first?.audit_details
        ? {
            disclosed: first.audit_disclosed ?? [],
            agreementId: first.audit_agreement_id ?? undefined,
            details: first.audit_details,
          }
        : undefined,
    held,
    known: rows[0]?.known === true,
    viewerName: rows[0]?.viewer_name ?? undefined,
    live: parseLiveGrantsAndLimits(rows[0]?.live),
    family: familyFacts
      ? { facts: rows[0]?.family_facts, visibleEvidence: new Set(rows[0]?.family_visible ?? []) }
      : undefined,
  };
}
