import { sql } from 'drizzle-orm';
import { flagInvolvements } from '../records/record-kinds.ts';
import { queryRows, type Db } from '../shared/database.ts';
import type { AlertBasisKind } from './schema.ts';

/**
 * The alert_basis table (alerts/schema.ts): what alerts are raised on, kept from the items as
 * ingest writes them and read only to decide whom to alert. Never a payload read back.
 */
export interface BasisItem {
  readonly recordId: string;
  readonly agencyPersonId: string;
  readonly basis: AlertBasisKind | null;
  readonly leadEmail?: string | undefined;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

/** Writes the basis of each item, or removes it when the item no longer makes one. */
export async function keepAlertBasis(
  tx: Db,
  scope: { readonly partnershipId: string; readonly organisationId: string; readonly at: Date },
  items: readonly BasisItem[],
): Promise<void> {
  const kept = items.filter((i) => i.basis !== null);
  const gone = items.filter((i) => i.basis === null).map((i) => i.recordId);
  if (kept.length > 0)
    await tx.execute(
      // The lead practitioner is a user only while a member of the holder: a work email of
      // another organisation's account, or of an ended membership, alerts the team instead.
      sql`insert into alert_basis (partnership_id, record_id, agency_person_id, organisation_id, basis, lead_user_id,
            start_date, end_date, updated_at)
          select ${scope.partnershipId}::uuid, x.record_id, x.agency_person_id, ${scope.organisationId}::uuid, x.basis,
                 (select ue.user_id from user_email ue
                   where x.lead_email is not null and ue.email = lower(x.lead_email)
                     and ue.partnership_id = ${scope.partnershipId}::uuid
                     and exists (select 1 from membership m
                                  where m.partnership_id = ue.partnership_id and m.user_id = ue.user_id
                                    and m.organisation_id = ${scope.organisationId}::uuid and m.ended_at is null)),
                 x.start_date, x.end_date, ${scope.at.toISOString()}::timestamptz
          from json_to_recordset(${JSON.stringify(
            kept.map((i) => ({
              record_id: i.recordId,
              agency_person_id: i.agencyPersonId,
              basis: i.basis,
              lead_email: i.leadEmail ?? null,
              start_date: i.startDate,
              end_date: i.endDate,
            })),
          )}::json) as x(record_id uuid, agency_person_id uuid, basis text, lead_email text, start_date date,
            end_date date)
          on conflict (partnership_id, record_id) do update set agency_person_id = excluded.agency_person_id,
            basis = excluded.basis, lead_user_id = excluded.lead_user_id, start_date = excluded.start_date,
            end_date = excluded.end_date, updated_at = excluded.updated_at`,
    );
  if (gone.length > 0)
    await tx.execute(
      sql`delete from alert_basis where partnership_id = ${scope.partnershipId}
            and record_id in (select v::uuid from json_array_elements_text(${JSON.stringify(gone)}::json) as j(v))`,
    );
}

/** One contact or notice item, for finding the bases of the person it is about. */
export interface ContactItem {
  readonly recordId: string;
  readonly agencyPersonId: string;
  /** The day of the contact: a flag or an enrolment must be current on it. */
  readonly day: string;
}

/**
 * Every agency person linked to each item's person (person_link), the item's own included when
 * linkage has not placed it yet, as a statement fragment over a set `c(record_id,
 * agency_person_id, day)`. Joins carry partnership_id (Citus).
 */
const linkedPersons = (partnershipId: string, items: readonly ContactItem[]) => sql`
  c as (select * from json_to_recordset(${JSON.stringify(
    items.map((i) => ({ record_id: i.recordId, agency_person_id: i.agencyPersonId, day: i.day })),
  )}::json) as x(record_id uuid, agency_person_id uuid, day date)),
  linked as (
    select c.record_id, c.day, other.agency_person_id
    from c
    join person_link me on me.partnership_id = ${partnershipId}::uuid and me.agency_person_id = c.agency_person_id
    join person_link other on other.partnership_id = me.partnership_id and other.person_id = me.person_id
    union
    select c.record_id, c.day, c.agency_person_id from c)`;

export interface FlagOfContact {
  readonly record_id: string;
  readonly flag: 'child_protection_plan' | 'looked_after' | 'unborn_baby_plan';
  readonly flagged_agency_person_id: string;
  readonly organisation_id: string;
  readonly lead_user_id: string | null;
}

/**
 * The flags current on each contact's day that another organisation holds on the same person,
 * each with its holder's lead practitioner as a user who is still a member there, if known.
 */
export function findFlagsOfContacts(
  tx: Db,
  scope: { readonly partnershipId: string; readonly contactOrganisationId: string },
  items: readonly ContactItem[],
): Promise<FlagOfContact[]> {
  const p = scope.partnershipId;
  return queryRows<FlagOfContact>(
    tx,
    sql`with ${linkedPersons(p, items)}
        select l.record_id::text, f.basis as flag, f.agency_person_id::text as flagged_agency_person_id,
               f.organisation_id::text,
               (select lp.lead_user_id::text from alert_basis lp
                 where lp.partnership_id = f.partnership_id and lp.agency_person_id = f.agency_person_id
                   and lp.organisation_id = f.organisation_id and lp.basis = 'lead_practitioner'
                   and lp.lead_user_id is not null
                   and exists (select 1 from membership m
                                where m.partnership_id = lp.partnership_id and m.user_id = lp.lead_user_id
                                  and m.organisation_id = lp.organisation_id and m.ended_at is null)
                 order by lp.updated_at desc limit 1) as lead_user_id
        from linked l
        join alert_basis f on f.partnership_id = ${p}::uuid and f.agency_person_id = l.agency_person_id
        where f.basis in (${sql.join(
          flagInvolvements.map((f) => sql`${f}`),
          sql`, `,
        )})
          and f.organisation_id <> ${scope.contactOrganisationId}::uuid
          and (f.start_date is null or f.start_date <= l.day)
          and (f.end_date is null or f.end_date >= l.day)
        order by l.record_id, f.organisation_id, f.basis`,
  );
}

/** The schools each pupil is enrolled at on the item's day (Operation Encompass). */
export function findSchoolsOfPupils(
  tx: Db,
  scope: { readonly partnershipId: string },
  items: readonly ContactItem[],
): Promise<{ record_id: string; school_id: string; pupil_agency_person_id: string }[]> {
  const p = scope.partnershipId;
  return queryRows(
    tx,
    sql`with ${linkedPersons(p, items)}
        select distinct on (l.record_id, e.organisation_id) l.record_id::text, e.organisation_id::text as school_id,
               e.agency_person_id::text as pupil_agency_person_id
        from linked l
        join alert_basis e on e.partnership_id = ${p}::uuid and e.agency_person_id = l.agency_person_id
        where e.basis = 'school_enrolment'
          and (e.end_date is null or e.end_date >= l.day)
        order by l.record_id, e.organisation_id, e.updated_at desc`,
  );
}
