import { sql, type SQL } from 'drizzle-orm';
// Allowed by test/boundaries.test.ts: relationships and addresses come from agency feeds, and
// each edge names the item it came from (id, holder, field group); no payload is read here.
import { hotStatement, queryRows, type Db } from '../shared/database.ts';
import { isUuid } from '../shared/ids.ts';
import type { EdgeEvidence } from './family-network.ts';

export interface RecordedRelationship {
  /** The person on the other side of the relationship (resolved through person_link). */
  readonly otherPersonId: string;
  readonly kind: string;
  /** True when the person's own record names the other; false when the other's names the person. */
  readonly recordedAboutPerson: boolean;
  readonly fromDate: string | null;
  readonly toDate: string | null;
  readonly evidence: EdgeEvidence;
}

export interface AddressPeriod {
  readonly personId: string;
  readonly addressKey: string;
  readonly postcode: string | null;
  readonly fromDate: string | null;
  readonly toDate: string | null;
  readonly evidence: EdgeEvidence;
}

/** A parent or carer named by the person's own item, with the other children recorded as theirs. */
export interface ParentFamily {
  readonly parentId: string;
  readonly parentEvidence: EdgeEvidence;
  readonly children: readonly RecordedRelationship[];
}

export interface FamilyFacts {
  readonly relationships: readonly RecordedRelationship[];
  readonly addresses: { readonly own: readonly AddressPeriod[]; readonly others: readonly AddressPeriod[] };
  readonly parents: readonly ParentFamily[];
}

interface FactRow {
  part: 'out' | 'in' | 'own_address' | 'other_address' | 'parent_child';
  /** For parent_child: the person's own item naming the parent. */
  parent_record_id: string | null;
  other_person_id: string;
  kind: string | null;
  address_key: string | null;
  postcode: string | null;
  from_date: string | null;
  to_date: string | null;
  subject_record_id: string;
  organisation_id: string;
  field_group: string;
}

/**
 * Everything the family network is worked out from, as ONE SQL value (a jsonb array of facts),
 * so that the single view reads it in the same statement as the person's records (policy's
 * person read, `alsoRead`): seven round trips for the network cost more than the view's own read.
 * - out: the person's own relationship items, the related person resolved from the agency's
 *   own id through agency_person, then person_link (a relationship may arrive before the
 *   person it names, and then resolves to nothing yet);
 * - in: others' relationship items naming one of the person's agency persons;
 * - own_address / other_address: the person's address items, and everyone else's at the same
 *   address keys;
 * - parent_child: for each parent or carer the person's own item names, the other children
 *   recorded as that parent's (siblings by a shared parent).
 * Each fact names its evidence item (id, holder, field group), never a payload. The person id
 * must be a UUID (the caller checks).
 */
export function familyFactsColumn(partnershipId: string, personId: string): SQL {
  return sql`(with own as (
          select ap.id, ap.organisation_id, ap.external_person_id
          from person_link l
          join agency_person ap on ap.partnership_id = l.partnership_id and ap.id = l.agency_person_id
          where l.partnership_id = ${partnershipId} and l.person_id = ${personId}),
        outgoing as (
          select rl.person_id as other_person_id, ar.kind, ar.from_date, ar.to_date, ar.subject_record_id,
                 ar.organisation_id, sr.field_group
          from agency_relationship ar
          join subject_record sr on sr.partnership_id = ar.partnership_id and sr.id = ar.subject_record_id
          join agency_person rel on rel.partnership_id = ar.partnership_id
               and rel.organisation_id = ar.organisation_id and rel.external_person_id = ar.related_external_person_id
          join person_link rl on rl.partnership_id = rel.partnership_id and rl.agency_person_id = rel.id
          where ar.partnership_id = ${partnershipId} and ar.agency_person_id in (select id from own)),
        incoming as (
          select ol.person_id as other_person_id, ar.kind, ar.from_date, ar.to_date, ar.subject_record_id,
                 ar.organisation_id, sr.field_group
          from own o
          join agency_relationship ar on ar.partnership_id = ${partnershipId}
               and ar.organisation_id = o.organisation_id and ar.related_external_person_id = o.external_person_id
          join subject_record sr on sr.partnership_id = ar.partnership_id and sr.id = ar.subject_record_id
          join person_link ol on ol.partnership_id = ar.partnership_id and ol.agency_person_id = ar.agency_person_id),
        own_address as (
          select l.person_id, aa.address_key, aa.postcode, aa.from_date, aa.to_date, aa.subject_record_id,
                 aa.organisation_id, sr.field_group
          from agency_address aa
          join subject_record sr on sr.partnership_id = aa.partnership_id and sr.id = aa.subject_record_id
          join person_link l on l.partnership_id = aa.partnership_id and l.agency_person_id = aa.agency_person_id
          where aa.partnership_id = ${partnershipId} and aa.agency_person_id in (select id from own)),
        other_address as (
          select l.person_id, aa.address_key, aa.postcode, aa.from_date, aa.to_date, aa.subject_record_id,
                 aa.organisation_id, sr.field_group
          from agency_address aa
          join subject_record sr on sr.partnership_id = aa.partnership_id and sr.id = aa.subject_record_id
          join person_link l on l.partnership_id = aa.partnership_id and l.agency_person_id = aa.agency_person_id
          where aa.partnership_id = ${partnershipId}
            and aa.address_key in (select address_key from own_address)
            and aa.agency_person_id not in (select id from own)),
        parent_child as (
          select p.subject_record_id as parent_record_id, cl.person_id as other_person_id, ar.kind,
                 ar.from_date, ar.to_date, ar.subject_record_id, ar.organisation_id, sr.field_group
          from outgoing p
          join person_link pl on pl.partnership_id = ${partnershipId} and pl.person_id = p.other_person_id
          join agency_person pap on pap.partnership_id = pl.partnership_id and pap.id = pl.agency_person_id
          join agency_relationship ar on ar.partnership_id = pap.partnership_id
               and ar.organisation_id = pap.organisation_id and ar.related_external_person_id = pap.external_person_id
               and ar.kind = 'parent_or_carer'
          join subject_record sr on sr.partnership_id = ar.partnership_id and sr.id = ar.subject_record_id
          join person_link cl on cl.partnership_id = ar.partnership_id and cl.agency_person_id = ar.agency_person_id
          where p.kind = 'parent_or_carer')
        select coalesce(jsonb_agg(to_jsonb(f) order by f.part, f.parent_record_id, f.subject_record_id), '[]'::jsonb)
        from (
        select 'out' as part, null::uuid as parent_record_id, other_person_id, kind, null as address_key,
               null as postcode, from_date::text, to_date::text, subject_record_id, organisation_id, field_group
          from outgoing
        union all
        select 'in', null, other_person_id, kind, null, null, from_date::text, to_date::text, subject_record_id,
               organisation_id, field_group from incoming
        union all
        select 'own_address', null, person_id, null, address_key, postcode, from_date::text, to_date::text,
               subject_record_id, organisation_id, field_group from own_address
        union all
        select 'other_address', null, person_id, null, address_key, postcode, from_date::text, to_date::text,
               subject_record_id, organisation_id, field_group from other_address
        union all
        select 'parent_child', parent_record_id, other_person_id, kind, null, null, from_date::text, to_date::text,
               subject_record_id, organisation_id, field_group from parent_child) f)`;
}

/** The family facts alone, in one statement (the network without the view). */
export async function readFamilyFacts(db: Db, partnershipId: string, personId: string): Promise<FamilyFacts> {
  if (!isUuid(personId)) return familyFactsFrom([]);
  const [row] = await queryRows<{ facts: unknown }>(
    db,
    hotStatement(sql`select ${familyFactsColumn(partnershipId, personId)} as facts`),
  );
  return familyFactsFrom(row?.facts);
}

const evidenceOf = (r: FactRow): EdgeEvidence => ({
  subjectRecordId: r.subject_record_id,
  organisationId: r.organisation_id,
  fieldGroup: r.field_group,
});

const relationshipOf = (r: FactRow, recordedAboutPerson: boolean): RecordedRelationship => ({
  otherPersonId: r.other_person_id,
  kind: r.kind!,
  recordedAboutPerson,
  fromDate: r.from_date,
  toDate: r.to_date,
  evidence: evidenceOf(r),
});

const addressOf = (r: FactRow): AddressPeriod => ({
  personId: r.other_person_id,
  addressKey: r.address_key!,
  postcode: r.postcode,
  fromDate: r.from_date,
  toDate: r.to_date,
  evidence: evidenceOf(r),
});

/** The facts from familyFactsColumn's value (a jsonb array; anything else is no facts). */
export function familyFactsFrom(value: unknown): FamilyFacts {
  const rows = Array.isArray(value) ? (value as FactRow[]) : [];
  const of = (part: FactRow['part']) => rows.filter((r) => r.part === part);
  const outgoing = of('out').map((r) => relationshipOf(r, true));
  // Each of the person's own items naming a parent or carer opens one family, as the view shows
  // a sibling by a shared parent only if both items (the person's and the sibling's) are visible.
  const parents = outgoing
    .filter((r) => r.kind === 'parent_or_carer')
    .map((r) => ({
      parentId: r.otherPersonId,
      parentEvidence: r.evidence,
      children: of('parent_child')
        .filter((c) => c.parent_record_id === r.evidence.subjectRecordId)
        .map((c) => relationshipOf(c, false)),
    }));
  return {
    relationships: [...outgoing, ...of('in').map((r) => relationshipOf(r, false))],
    addresses: { own: of('own_address').map(addressOf), others: of('other_address').map(addressOf) },
    parents,
  };
}
