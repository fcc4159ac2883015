import { sql } from 'drizzle-orm';
import type { Actor } from '../shared/actor.ts';
import { queryRows, type Db } from '../shared/database.ts';
import { isUuid } from '../shared/ids.ts';
import { textArray } from './visibility.ts';

/**
 * The agency persons by which the actor's own organisation knows a person (person_link), ids
 * only: what a per-child row its organisation writes about its own records names the child by
 * (a consent, like access_limit: policy/schema.ts says why agency persons, not the person id).
 * An organisation always sees its own records (decide-access.ts, own organisation), so this
 * discloses nothing it does not hold; a person it holds nothing about answers an empty list,
 * which callers answer as "not found" like any other child they cannot see.
 */
export async function findOwnAgencyPersons(
  db: Db,
  actor: Actor & { kind: 'user' },
  personId: string,
): Promise<string[]> {
  if (!isUuid(personId)) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select ap.id from person_link l
        join agency_person ap on ap.partnership_id = l.partnership_id and ap.id = l.agency_person_id
        where l.partnership_id = ${actor.partnershipId} and l.person_id = ${personId}::uuid
          and ap.organisation_id = ${actor.organisationId}
        order by ap.id`,
  );
  return rows.map((r) => r.id);
}

/**
 * The persons the agency persons are linked to now, as person ids: the subject of the single
 * view's `subject.viewed` events (a withdrawal finds who read the child).
 */
export async function findPersonsOf(
  db: Db,
  partnershipId: string,
  agencyPersonIds: readonly string[],
): Promise<string[]> {
  if (agencyPersonIds.length === 0) return [];
  const rows = await queryRows<{ person_id: string }>(
    db,
    sql`select distinct l.person_id::text as person_id from person_link l
        where l.partnership_id = ${partnershipId}
          and l.agency_person_id::text = any(${textArray(agencyPersonIds)}::text[])`,
  );
  return rows.map((r) => r.person_id);
}
