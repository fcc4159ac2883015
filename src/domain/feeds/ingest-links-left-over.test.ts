import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import {
  csvFile,
  fileChunks,
  northshireSystem,
  openFeedsDatabase,
  orgId,
  peopleHeader,
  personDetailsMapping,
} from '../../../test/support/feed-fixtures.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { LinkIndexes } from '../people/held-index.ts';
import { personLinker } from '../people/person-linker.ts';
import { queryRows } from '../shared/database.ts';
import { ingestFeed, type IngestDeps } from './ingest-feed.ts';

const people = csvFile(
  peopleHeader,
  'L1,Sam,Taylor,14/03/2017,9434765919,,NE1 4ST,',
  'L2,Jo,Taylor,12/02/2015,,,NE1 4ST,',
  'L3,Alex,Reed,03/04/2016,,,,',
);
const corrected = people.replace('L2,Jo,Taylor,12/02/2015', 'L2,Jo,Taylor,12/02/2014');

for (const kind of testDatabaseKinds()) {
  describe(`a killed run's persons are linked by the next run (${kind})`, () => {
    let database: DatabaseHandle;
    let deps: IngestDeps;
    before(async () => {
      ({ database, deps } = await openFeedsDatabase(kind));
    });
    after(() => database.close());

    /** Linking that dies after the batch committed, as a SIGKILL between the two would. */
    const killedBeforeLinking: IngestDeps['linkPeople'] = () => Promise.reject(new Error('killed'));
    const run = (source: string, linking: Partial<IngestDeps>) =>
      ingestFeed({ ...deps, ...linking }, northshireSystem, {
        organisationId: orgId('csc'),
        mapping: personDetailsMapping(),
        source: fileChunks(source),
      });
    const state = () =>
      queryRows<{ ext: string; linked: boolean; current: boolean }>(
        database.db,
        sql`select ap.external_person_id as ext, pl.agency_person_id is not null as linked,
                   coalesce(pl.evaluated_hash = ap.content_hash, false) as current
            from agency_person ap
            left join person_link pl on pl.partnership_id = ap.partnership_id and pl.agency_person_id = ap.id
            where ap.organisation_id = ${orgId('csc')} and ap.external_person_id like 'L%'
            order by ap.external_person_id`,
      );

    test('persons committed but never linked are linked by a replay that writes nothing', async () => {
      await assert.rejects(run(people, { linkPeople: killedBeforeLinking }), /killed/);
      assert.deepEqual(
        (await state()).map((s) => s.linked),
        [false, false, false],
      );
      const linker = personLinker({ ...deps, linkIndexes: new LinkIndexes() });
      const replay = await run(people, linker);
      assert.equal(replay.totals.inserted + replay.totals.updated, 0, 'the replay wrote no row');
      assert.deepEqual(await state(), [
        { ext: 'L1', linked: true, current: true },
        { ext: 'L2', linked: true, current: true },
        { ext: 'L3', linked: true, current: true },
      ]);
    });

    test('a corrected record whose relinking was killed is evaluated again by the next run', async () => {
      await assert.rejects(run(corrected, { linkPeople: killedBeforeLinking }), /killed/);
      assert.deepEqual(
        (await state()).map((s) => s.current),
        [true, false, true],
      );
      const linker = personLinker({ ...deps, linkIndexes: new LinkIndexes() });
      await run(corrected, linker);
      assert.deepEqual(
        (await state()).map((s) => s.current),
        [true, true, true],
      );
      const [audited] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from audit_event where action = 'person.linked'`,
      );
      assert.equal(audited!.n, 4, 'three links and one evaluation again, each audited');
    });
  });
}
