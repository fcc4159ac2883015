import { sql } from 'drizzle-orm';
import { londonDateOf } from '../deadlines/london-time.ts';
import { parseFeedMapping } from '../feeds/feed-mapping.ts';
import { ingestFeed, type IngestDeps } from '../feeds/ingest-feed.ts';
import { systemActor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { demoFeeds } from './northshire-feed-mappings.ts';
import { demoOrganisations, demoPartnership } from './northshire.ts';

const org = (key: string) => demoOrganisations.find((o) => o.key === key)!.id;

/**
 * The day after the demo's first load (DEMO ONLY): the hospital and the police send today's
 * items, as they would once the partnership is running, so that the demo shows alerts raised
 * the real way (alerts/on-items-ingested.ts). A child on a child protection plan for each lead practitioner
 * attends the emergency department (so Sam Patel's inbox has one, and the council's team managers
 * have one for a lead who is not a Tessera user), and the police notify a
 * domestic abuse incident with a pupil of Riverside Primary present (Jo Baker's inbox, due by the
 * start of the next school day). Chosen among children linkage placed across the agencies.
 */
export async function seedDemoAlerts(deps: IngestDeps): Promise<{ contacts: number; notices: number }> {
  const partnershipId = demoPartnership.id;
  const flagged = await queryRows<{ trust_person: string }>(
    deps.db,
    sql`select distinct on (lead.lead_user_id) t.external_person_id as trust_person
        from alert_basis f
        join person_link a on a.partnership_id = f.partnership_id and a.agency_person_id = f.agency_person_id
        join person_link b on b.partnership_id = a.partnership_id and b.person_id = a.person_id
        join agency_person t on t.partnership_id = b.partnership_id and t.id = b.agency_person_id
          and t.organisation_id = ${org('trust')}
        left join alert_basis lead on lead.partnership_id = f.partnership_id
          and lead.agency_person_id = f.agency_person_id and lead.basis = 'lead_practitioner'
        where f.partnership_id = ${partnershipId} and f.basis = 'child_protection_plan' and f.end_date is null
        order by lead.lead_user_id, t.external_person_id
        limit 3`,
  );
  const pupils = await queryRows<{ police_person: string }>(
    deps.db,
    sql`select p.external_person_id as police_person
        from alert_basis e
        join person_link a on a.partnership_id = e.partnership_id and a.agency_person_id = e.agency_person_id
        join person_link b on b.partnership_id = a.partnership_id and b.person_id = a.person_id
        join agency_person p on p.partnership_id = b.partnership_id and p.id = b.agency_person_id
          and p.organisation_id = ${org('police')}
        where e.partnership_id = ${partnershipId} and e.basis = 'school_enrolment'
        order by p.external_person_id
        limit 1`,
  );
  const actor = systemActor(partnershipId as PartnershipId, 'demo-seed');
  const today = londonDateOf(deps.clock.now().getTime());
  const send = async (key: 'nhsContacts' | 'policeDomesticAbuse', lines: string[]) => {
    const mapping = parseFeedMapping(demoFeeds[key].mapping);
    await ingestFeed(deps, actor, {
      organisationId: mapping.organisation,
      mapping,
      source: [Buffer.from(`${lines.join('\n')}\n`)],
      fileName: `${demoFeeds[key].name}-today.${mapping.format === 'json' ? 'jsonl' : 'csv'}`,
    });
  };
  if (flagged.length > 0)
    await send('nhsContacts', [
      'person_id,contact_id,type,date,setting,notes',
      ...flagged.map(
        (f, i) =>
          `${f.trust_person},CTODAY${i + 1},ed_attendance,${today},Northshire General ED,Fall at home`,
      ),
    ]);
  if (pupils.length > 0)
    await send(
      'policeDomesticAbuse',
      pupils.map((p, i) =>
        JSON.stringify({
          person_id: p.police_person,
          occurrence: `NP/TODAY${i + 1}/26`,
          type: 'domestic_abuse',
          date: today,
          child_present: 'yes',
          summary: 'Child present during incident',
        }),
      ),
    );
  return { contacts: flagged.length, notices: pupils.length };
}
