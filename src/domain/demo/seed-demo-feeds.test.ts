import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import { openFeedsDatabase } from '../../../test/support/feed-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { queryRows } from '../shared/database.ts';
import type { IngestDeps } from '../feeds/ingest-feed.ts';
import { demoFeeds, type DemoFeedKey } from './northshire-feed-mappings.ts';
import { generateDemoFeeds } from './northshire-feeds.ts';
import { seedDemoFeeds } from './seed-demo-feeds.ts';

describe('the Northshire demo feeds', () => {
  let database: DatabaseHandle;
  let deps: IngestDeps;
  before(async () => ({ database, deps } = await openFeedsDatabase('pglite')));
  after(() => database.close());

  test('are the same for the same seed, and examples/feeds is exactly what the demo loads', async () => {
    assert.deepEqual(generateDemoFeeds(20).files, generateDemoFeeds(20).files);
    const { files } = generateDemoFeeds();
    for (const key of Object.keys(demoFeeds) as DemoFeedKey[]) {
      const { name, mapping } = demoFeeds[key];
      const data = await readFile(
        `examples/feeds/${name}.${mapping.format === 'json' ? 'jsonl' : 'csv'}`,
        'utf8',
      );
      assert.equal(data, files[key], `${name}: run tessera demo feeds --out examples/feeds`);
      assert.deepEqual(JSON.parse(await readFile(`examples/feeds/${name}.mapping.json`, 'utf8')), mapping);
    }
  });

  test('load through ingest into every kind of record, with the two planted mistakes reported', async () => {
    const { runs } = await seedDemoFeeds(deps);
    assert.equal(runs, 19);
    const kinds = await queryRows<{ kind: string; n: string }>(
      database.db,
      sql`select kind, count(*)::text as n from subject_record group by kind order by kind`,
    );
    assert.deepEqual(
      kinds.map((k) => k.kind),
      [
        'address',
        'health_contact',
        'housing',
        'involvement',
        'lead_contact',
        'person_details',
        'police_incident',
        'relationship',
        'school_attendance',
        'school_enrolment',
        'school_exclusion',
        'youth_justice_order',
      ],
    );
    const [children] = await queryRows<{ n: string }>(
      database.db,
      sql`select count(*)::text as n from agency_person where organisation_id = '5e0f5a1c-8d2b-4a6e-9b3f-1c2d3e4f5a04' and dob > '2008-01-01'`,
    );
    assert.ok(Number(children!.n) >= 180, 'about 200 children, as the NHS trust holds nearly all of them');
    const issues = await queryRows<{ reason: string }>(
      database.db,
      sql`select reason from ingest_issue where severity = 'rejected' order by reason`,
    );
    assert.deepEqual(
      issues.map((i) => i.reason),
      ['The NHS number check digit is wrong', 'The date does not exist'],
    );
    const [involvement] = await queryRows<{ payload: Record<string, string> }>(
      database.db,
      sql`select payload from subject_record where kind = 'involvement' and field_group = 'social_care_involvement' limit 1`,
    );
    for (const key of ['involvement', 'startDate', 'lastContactDate'])
      assert.ok(involvement!.payload[key], key);
    // Whom to call is an item of its own (lead_contact), never inside an involvement or a status.
    const [lead] = await queryRows<{ payload: Record<string, string>; field_group: string }>(
      database.db,
      sql`select payload, field_group from subject_record where kind = 'lead_contact' limit 1`,
    );
    assert.equal(lead!.field_group, 'lead_contact');
    for (const key of [
      'leadPractitioner',
      'leadPractitionerRole',
      'leadPractitionerPhone',
      'leadPractitionerEmail',
    ])
      assert.ok(lead!.payload[key], key);
    const [leaking] = await queryRows<{ n: string }>(
      database.db,
      sql`select count(*)::text as n from subject_record
          where kind = 'involvement' and payload ?| array['leadPractitioner', 'leadPractitionerPhone', 'leadPractitionerEmail']`,
    );
    assert.equal(leaking!.n, '0');
    const [addresses] = await queryRows<{ n: string }>(
      database.db,
      sql`select count(*)::text as n from agency_address`,
    );
    const [relationships] = await queryRows<{ n: string }>(
      database.db,
      sql`select count(*)::text as n from agency_relationship`,
    );
    assert.ok(Number(addresses!.n) > 300 && Number(relationships!.n) > 50);
  });
});

describe('the Northshire demo feeds under the demo agreements', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp('pglite');
  });
  after(() => app.close());

  test('file domestic abuse with a child present as Operation Encompass notifications, and every category reaches someone', async () => {
    const told: string[] = [];
    await seedDemoFeeds(app.deps, { onFeed: (name, n, of) => told.push(`${n} of ${of}: ${name}`) });
    // The first start tells the terminal which feed it is loading (issue 14, point 17).
    assert.equal(told.length, 19);
    assert.equal(told[0], '1 of 19: csc-people');
    assert.ok(told.includes('19 of 19: housing-records'), told.join(', '));
    const groups = await queryRows<{ type: string; present: string | null; group: string }>(
      app.database.db,
      sql`select distinct payload->>'incidentType' as type, payload->>'childPresent' as present, field_group as group
          from subject_record where kind = 'police_incident' order by 1, 2, 3`,
    );
    assert.deepEqual(groups, [
      { type: 'domestic_abuse', present: 'yes', group: 'domestic_abuse_notifications' },
      { type: 'domestic_abuse', present: null, group: 'police_incidents' },
      { type: 'missing_episode', present: null, group: 'police_incidents' },
    ]);
    // Issue 14: in the trial the notifications were filed as police incidents and reached no school.
    const unshared = await queryRows<{ feed: string }>(
      app.database.db,
      sql`select feed from ingest_run where shared_outside is not true order by feed`,
    );
    assert.deepEqual(unshared, []);
  });
});
