import { and, desc, eq, sql } from 'drizzle-orm';
import type { LinkingDeps } from '../../src/domain/people/held-index.ts';
import { linkAgencyPersons } from '../../src/domain/people/link-agency-persons.ts';
import { relinkPartnership } from '../../src/domain/people/relink-partnership.ts';
import { linkReview, personLink } from '../../src/domain/people/schema.ts';
import { queryRows } from '../../src/domain/shared/database.ts';
import { randomIds } from '../../src/domain/shared/ids.ts';
import { generatedAgencyPersons, insertAgencyPersons } from './agency-persons.ts';
import { northshirePartnershipId, org } from './northshire-flows.ts';

const agencies = { council: org.childrensServices, police: org.police, nhs: org.trust, school: org.school };

/**
 * Builds a pending pair the way it arises: one held person split in two (as a rejected match
 * leaves it), then another agency's copy of that person arrives and matches both.
 */
export async function seedReviewPairs(
  deps: LinkingDeps,
): Promise<{ newRecord: string; reviewIds: string[] }> {
  const population = generatedAgencyPersons(300, 5, agencies);
  const specs = population.specs;
  const inserted = await insertAgencyPersons(deps.db, northshirePartnershipId, specs);
  // The demo partnership is already linked (its seed relinks after the demo feeds), and a relink
  // is only for a partnership with no links: then the new persons are linked one by one.
  const linked = await queryRows<{ one: number }>(
    deps.db,
    sql`select 1 as one from person_link where partnership_id = ${northshirePartnershipId} limit 1`,
  );
  if (linked.length === 0) await relinkPartnership(deps, northshirePartnershipId);
  else await linkAgencyPersons(deps, northshirePartnershipId, inserted);
  const [row] = await queryRows<{ person_id: string; agency_person_id: string }>(
    deps.db,
    sql`select person_id, min(agency_person_id::text) as agency_person_id from person_link
          where partnership_id = ${northshirePartnershipId}
          group by person_id having count(*) >= 2 order by person_id limit 1`,
  );
  await deps.db
    .update(personLink)
    .set({ personId: randomIds.uuid() })
    .where(
      and(
        eq(personLink.partnershipId, northshirePartnershipId),
        eq(personLink.agencyPersonId, row!.agency_person_id),
      ),
    );
  const original = specs.find((s) => s.id === row!.agency_person_id)!;
  const [newRecord] = await insertAgencyPersons(deps.db, northshirePartnershipId, [
    { ...original, id: undefined, organisationId: org.housing, externalPersonId: 'HOUSING-1' },
  ]);
  await linkAgencyPersons(deps, northshirePartnershipId, [newRecord!]);
  const pending = await deps.db
    .select({ id: linkReview.id })
    .from(linkReview)
    .where(
      and(
        eq(linkReview.partnershipId, northshirePartnershipId),
        eq(linkReview.agencyPersonId, newRecord!),
        eq(linkReview.reason, 'joins_two_persons'),
      ),
    )
    .orderBy(desc(linkReview.matchWeight));
  return { newRecord: newRecord!, reviewIds: pending.map((r) => r.id) };
}
