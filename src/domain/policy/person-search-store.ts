import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';
import { toPersonRecord, type PersonRecord, type PersonRecordRow } from './person-record-store.ts';
import {
  liveGrantsAndLimitsColumn,
  parseLiveGrantsAndLimits,
  textArray,
  visibleRecordFilter,
  type LiveGrantsAndLimits,
  type Visibility,
} from './visibility.ts';

/**
 * Person search, private to domain/policy: it reads agency_person's identifiers (the records
 * schema), which hold identity as the agencies recorded it. Only agency persons whose holder's
 * identity group is in the actor's scope are matched, so a search never finds a person through
 * an identifier the actor may not see (an NHS number held only by the police, say); the persons
 * found are then described only by identity items in scope.
 */
export interface SearchTerms {
  /** Words each matching a first, middle or last name, in any case. */
  readonly nameWords?: readonly string[];
  readonly dob?: string;
  readonly nhsNumber?: string;
  readonly upn?: string;
}

export const MAX_SEARCH_RESULTS = 25;

function termsFilter(terms: SearchTerms): SQL[] {
  const filters: SQL[] = [];
  for (const word of terms.nameWords ?? []) {
    filters.push(
      // The same expression as the agency_person_name_words GIN index (records/schema.ts), so a
      // name search probes the index rather than reading every person held.
      sql`string_to_array(lower(coalesce(a.first_name, '') || ' ' || coalesce(a.middle_names, '') || ' ' || coalesce(a.last_name, '')), ' ') @> array[${word}::text]`,
    );
  }
  if (terms.dob) filters.push(sql`a.dob = ${terms.dob}::date`);
  if (terms.nhsNumber) filters.push(sql`a.nhs_number = ${terms.nhsNumber}`);
  if (terms.upn) filters.push(sql`upper(a.upn) = ${terms.upn}`);
  return filters;
}

/**
 * The identity items visible (visibility.ts) of up to MAX_SEARCH_RESULTS + 1 persons matching
 * every term, and the grants and limits live on them for the second layer. Matching looks only
 * at the identifiers of holders whose identity group is in the standing scope.
 */
export async function findPersonsMatching(
  db: Db,
  visibility: Visibility,
  terms: SearchTerms,
): Promise<{ found: Map<string, PersonRecord[]>; live: LiveGrantsAndLimits }> {
  const partnershipId = visibility.partnershipId;
  const identityHolders = [...visibility.scope.holders]
    .filter(([, groups]) => groups.includes('identity'))
    .map(([h]) => h);
  const filters = termsFilter(terms);
  const found = new Map<string, PersonRecord[]>();
  if (identityHolders.length === 0 || filters.length === 0)
    return { found, live: { grants: [], limits: [], consents: [] } };
  const rows = await queryRows<PersonRecordRow & { person_id: string | null; live: unknown }>(
    db,
    sql`with matched as (
          select distinct l.person_id from agency_person a
          join person_link l on l.partnership_id = a.partnership_id and l.agency_person_id = a.id
          where a.partnership_id = ${partnershipId}
            and a.organisation_id::text = any(${textArray(identityHolders)}::text[])
            and ${sql.join(filters, sql` and `)}
          order by l.person_id limit ${MAX_SEARCH_RESULTS + 1}),
        described as (
          select m.person_id, r.id, r.subject_id, l.match_probability, r.organisation_id, o.name as holder_name,
                 r.field_group, r.kind, r.payload, r.event_date::text as event_date,
                 ((extract(epoch from r.recorded_at) * 1000)::bigint)::text as recorded_ms,
                 r.fact_or_opinion, r.source_reference, r.version, r.recorded_at
          from matched m
          join person_link l on l.partnership_id = ${partnershipId} and l.person_id = m.person_id
          join subject_record r on r.partnership_id = l.partnership_id and r.subject_id = l.agency_person_id::text
          left join organisation o on o.partnership_id = r.partnership_id and o.id = r.organisation_id
          where r.kind = 'person_details' and ${visibleRecordFilter(visibility)})
        select d.*, ${liveGrantsAndLimitsColumn(
          visibility,
          sql`(select coalesce(array_agg(distinct subject_id), '{}'::text[]) from described)`,
        )} as live
        from (select 1) one left join described d on true
        order by d.person_id, d.recorded_at desc, d.id`,
  );
  for (const r of rows) {
    if (r.person_id === null) continue;
    const list = found.get(r.person_id) ?? [];
    list.push(toPersonRecord(r));
    found.set(r.person_id, list);
  }
  return { found, live: parseLiveGrantsAndLimits(rows[0]?.live) };
}
