import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { actorByEmail } from '../../../test/support/actors.ts';
import {
  csvFile,
  fileChunks,
  northshireSystem,
  orgId,
  policeIncidentMapping,
} from '../../../test/support/feed-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { parseFeedMapping } from './feed-mapping.ts';
import { getIngestRun } from './find-ingest-runs.ts';
import { findUnsharedFeeds } from './find-unshared-feeds.ts';
import { ingestFeed } from './ingest-feed.ts';

/**
 * Issue 14, point 2: records that arrive in a category no agreement in force lets anyone outside
 * the sender see reach no one, and someone must be told. Northshire's demo agreements share the
 * police's incidents with children's services, but no flow carries housing's household records.
 */
const housingHousehold = parseFeedMapping({
  organisation: orgId('housing'),
  feed: 'housing-household',
  format: 'csv',
  recordKind: 'relationship',
  fieldGroup: 'family_household',
  dataCategory: 'personal',
  personIdColumn: 'tenant',
  externalIdColumn: 'ref',
  dateFormat: 'iso',
  columns: {
    other: { key: 'relatedPersonId', item: 'fact' },
    rel: { key: 'relationship', item: 'fact' },
  },
});

for (const kind of testDatabaseKinds()) {
  describe(`records in a category no agreement shares are warned about (${kind})`, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp(kind);
    });
    after(() => app.close());

    test('a run in a category no flow in force shares carries the warning; a shared one does not', async () => {
      const unshared = await ingestFeed(app.deps, northshireSystem, {
        organisationId: orgId('housing'),
        mapping: housingHousehold,
        source: fileChunks(csvFile('ref,tenant,other,rel', 'R1,T2,T1,parent_or_carer')),
      });
      assert.equal(unshared.sharedOutside, false);
      assert.equal((await getIngestRun(app.deps, northshireSystem, unshared.runId)).run.sharedOutside, false);

      const shared = await ingestFeed(app.deps, northshireSystem, {
        organisationId: orgId('police'),
        mapping: policeIncidentMapping(),
        source: fileChunks(
          '{"ref":"INC-1","subject":"PN-1","type":"missing_episode","occurred":"2026-10-05"}\n',
        ),
      });
      assert.equal(shared.sharedOutside, true);
      assert.equal((await getIngestRun(app.deps, northshireSystem, shared.runId)).run.sharedOutside, true);
    });

    test('a run that kept no record is not checked', async () => {
      const refused = await ingestFeed(app.deps, northshireSystem, {
        organisationId: orgId('housing'),
        mapping: housingHousehold,
        source: fileChunks(csvFile('ref,tenant,other,rel', 'R9,T2,T1,aunt')),
      });
      assert.equal(refused.sharedOutside, undefined);
    });

    test('the coverage page lists the categories received that reach no one, for anyone who reads agreements', async () => {
      const sam = await actorByEmail(app.database.db, 'sam.patel@northshire.example');
      const unshared = await findUnsharedFeeds(app.deps, sam);
      assert.deepEqual(
        unshared.map((u) => [u.organisationId, u.fieldGroup, u.feeds]),
        [[orgId('housing'), 'family_household', ['housing-household']]],
      );
    });
  });
}
