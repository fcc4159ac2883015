import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
// The one system-level reader of agency_person (test/boundaries.test.ts names this file): person
// linkage compares identifiers and discloses nothing; what a practitioner sees of identity comes
// from the person details items, through the policy's scoped reader.
import { agencyPerson } from '../records/schema.ts';
import { hotStatement, queryRows, type Db } from '../shared/database.ts';
import { isUuid } from '../shared/ids.ts';
import type { PersonFields } from './linkage/fields.ts';

export interface HeldAgencyPerson {
  readonly id: string;
  readonly organisationId: string;
  readonly fields: PersonFields;
}

const columns = {
  id: agencyPerson.id,
  organisationId: agencyPerson.organisationId,
  firstName: agencyPerson.firstName,
  middleNames: agencyPerson.middleNames,
  lastName: agencyPerson.lastName,
  dob: agencyPerson.dob,
  sex: agencyPerson.sex,
  nhsNumber: agencyPerson.nhsNumber,
  upn: agencyPerson.upn,
  postcode: agencyPerson.postcode,
  address: agencyPerson.address,
  city: agencyPerson.city,
  email: agencyPerson.email,
  phone: agencyPerson.phone,
};
type Row = { [K in keyof typeof columns]: string | null };

/** The linkage engine's canonical fields from an agency person; the pupil number is its identifier. */
function toHeld(row: Row): HeldAgencyPerson {
  const fields: PersonFields = {};
  const put = (field: keyof PersonFields, value: string | null) => {
    if (value !== null && value !== '') fields[field] = value;
  };
  put('first_name', row.firstName);
  put('middle_names', row.middleNames);
  put('last_name', row.lastName);
  put('dob', row.dob);
  put('sex', row.sex);
  put('nhs_number', row.nhsNumber);
  put('identifier', row.upn);
  put('postcode', row.postcode);
  put('address', row.address);
  put('city', row.city);
  put('email', row.email);
  put('phone', row.phone);
  return { id: row.id!, organisationId: row.organisationId!, fields };
}

/** An agency person to link, with whether linkage has already evaluated it as it is now. */
export interface AgencyPersonToLink extends HeldAgencyPerson {
  readonly contentHash: string | null;
  readonly linked: boolean;
  /** Its person and the link's probability, when linked. */
  readonly link: { readonly personId: string; readonly probability: number } | undefined;
  /** Linked, and the link was evaluated on this content: nothing to do. */
  readonly upToDate: boolean;
}

/**
 * The named agency persons of a partnership (missing ids are left out), with their link's state,
 * in one fixed statement: it runs for every batch ingest commits.
 */
export async function readAgencyPersonsToLink(
  db: Db,
  partnershipId: string,
  ids: readonly string[],
): Promise<AgencyPersonToLink[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await queryRows<
    Row & {
      contentHash: string | null;
      personId: string | null;
      probability: number | null;
      upToDate: boolean;
    }
  >(
    db,
    hotStatement(sql`select ap.id::text as "id", ap.organisation_id::text as "organisationId", ap.first_name as "firstName",
          ap.middle_names as "middleNames", ap.last_name as "lastName", ap.dob::text as "dob", ap.sex as "sex",
          ap.nhs_number as "nhsNumber", ap.upn as "upn", ap.postcode as "postcode", ap.address as "address",
          ap.city as "city", ap.email as "email", ap.phone as "phone", ap.content_hash as "contentHash",
          pl.person_id::text as "personId", pl.match_probability as "probability",
          (pl.agency_person_id is not null and pl.evaluated_hash is not distinct from ap.content_hash) as "upToDate"
        from agency_person ap
        left join person_link pl on pl.partnership_id = ap.partnership_id and pl.agency_person_id = ap.id
        where ap.partnership_id = ${partnershipId}::uuid and ap.id = any(${`{${valid.join(',')}}`}::uuid[])`),
  );
  return rows.map((r) => ({
    ...toHeld(r),
    contentHash: r.contentHash,
    linked: r.personId !== null,
    link: r.personId === null ? undefined : { personId: r.personId, probability: r.probability! },
    upToDate: r.upToDate,
  }));
}

/**
 * The agency persons of an organisation that linkage has not evaluated as they are now: never
 * linked (ingest was killed between committing them and linking them) or changed since their
 * link was decided. Ingest sweeps them up at the end of every run.
 */
export async function findAgencyPersonsToLink(
  db: Db,
  partnershipId: string,
  organisationId: string,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select ap.id::text as id
        from agency_person ap
        left join person_link pl on pl.partnership_id = ap.partnership_id and pl.agency_person_id = ap.id
        where ap.partnership_id = ${partnershipId}::uuid and ap.organisation_id = ${organisationId}::uuid
          and (pl.agency_person_id is null or pl.evaluated_hash is distinct from ap.content_hash)
        order by ap.id`,
  );
  return rows.map((r) => r.id);
}

/**
 * Every agency person of a partnership, page by page in id order (keyset pagination, so a
 * million rows never sit in one result), to build the in-process linkage index.
 */
export async function* readAllAgencyPersons(
  db: Db,
  partnershipId: string,
  pageSize = 20_000,
): AsyncGenerator<HeldAgencyPerson[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await db
      .select(columns)
      .from(agencyPerson)
      .where(
        after === undefined
          ? eq(agencyPerson.partnershipId, partnershipId)
          : and(eq(agencyPerson.partnershipId, partnershipId), gt(agencyPerson.id, after)),
      )
      .orderBy(asc(agencyPerson.id))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows.map(toHeld);
    after = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) return;
  }
}

/**
 * Agency persons' identifiers, for the link review pair page only: its one caller is the
 * policy's unsafeReadLinkReviewPair, which shows a reviewer no more than the identifiers the
 * comparison used and audits it in the same transaction.
 */
export async function readAgencyPersonIdentities(
  db: Db,
  partnershipId: string,
  ids: readonly string[],
): Promise<Map<string, HeldAgencyPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(columns)
    .from(agencyPerson)
    .where(and(eq(agencyPerson.partnershipId, partnershipId), inArray(agencyPerson.id, [...ids])));
  return new Map(rows.map((r) => [r.id!, toHeld(r)]));
}

/** Which organisation holds each agency person: the review queue names holders, never identity. */
export async function readAgencyPersonHolders(
  db: Db,
  partnershipId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: agencyPerson.id, organisationId: agencyPerson.organisationId })
    .from(agencyPerson)
    .where(and(eq(agencyPerson.partnershipId, partnershipId), inArray(agencyPerson.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.organisationId]));
}

/** After the batch relink: every link was evaluated on its agency person as it is now. */
export async function markLinksEvaluated(tx: Db, partnershipId: string): Promise<void> {
  await tx.execute(
    sql`update person_link pl set evaluated_hash = ap.content_hash
        from agency_person ap
        where pl.partnership_id = ${partnershipId}::uuid and ap.partnership_id = pl.partnership_id
          and ap.id = pl.agency_person_id and pl.evaluated_hash is distinct from ap.content_hash`,
  );
}

/**
 * The agency persons one organisation holds that are linked to a person now: what a holder's
 * decision about "this child" covers of its own records (decisions/record-decision.ts). Only the
 * holder's own, never another agency's, so a disclosure can never name more than the decider's
 * organisation holds; ids only, never identity.
 */
export async function findHeldAgencyPersonsOf(
  db: Db,
  partnershipId: string,
  personId: string,
  organisationId: string,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select ap.id from person_link pl
        join agency_person ap on ap.partnership_id = pl.partnership_id and ap.id = pl.agency_person_id
        where pl.partnership_id = ${partnershipId} and pl.person_id = ${personId}
          and ap.organisation_id = ${organisationId}
        order by ap.id`,
  );
  return rows.map((r) => r.id);
}
