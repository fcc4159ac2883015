import { and, asc, eq, gt, inArray } from 'drizzle-orm';
// The one system-level reader of agency_person (test/boundaries.test.ts names this file): person
// linkage compares identifiers and discloses nothing; what a practitioner sees of identity comes
// from the person details items, through the policy's scoped reader.
import { agencyPerson } from '../records/schema.ts';
import type { Db } from '../shared/database.ts';
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

/** The named agency persons of a partnership (missing ids are left out). */
export async function readAgencyPersons(
  db: Db,
  partnershipId: string,
  ids: readonly string[],
): Promise<HeldAgencyPerson[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(agencyPerson)
    .where(and(eq(agencyPerson.partnershipId, partnershipId), inArray(agencyPerson.id, [...ids])));
  return rows.map(toHeld);
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

/** What a reviewer sees of one agency person: its identifiers and which agency holds it. */
export interface AgencyPersonIdentity extends HeldAgencyPerson {
  readonly externalPersonId: string;
}

export async function readAgencyPersonIdentities(
  db: Db,
  partnershipId: string,
  ids: readonly string[],
): Promise<Map<string, AgencyPersonIdentity>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ ...columns, externalPersonId: agencyPerson.externalPersonId })
    .from(agencyPerson)
    .where(and(eq(agencyPerson.partnershipId, partnershipId), inArray(agencyPerson.id, [...ids])));
  return new Map(rows.map((r) => [r.id, { ...toHeld(r), externalPersonId: r.externalPersonId }]));
}
