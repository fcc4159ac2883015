import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  generatedAgencyPersons,
  insertAgencyPersons,
  openLinkedDatabase,
} from '../../../test/support/agency-persons.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import { silentLogger, type Logger } from '../shared/deps.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { LinkIndexes, type LinkingDeps } from './held-index.ts';
import { linkAgencyPersons } from './link-agency-persons.ts';
import { personLink } from './schema.ts';
import { warmLinkIndexes } from './warm-link-indexes.ts';

const partnershipId = '5e0c9a1b-2f3d-4e5f-8a9b-0c1d2e3f4c03' as PartnershipId;
const youthClub = '5e0c9a1b-2f3d-4e5f-8a9b-0c1d2e3f4c99';

for (const kind of testDatabaseKinds()) {
  describe(`warming the linkage index at startup (${kind})`, () => {
    let database: DatabaseHandle;
    let deps: LinkingDeps;
    const population = generatedAgencyPersons(400, 13);
    before(async () => {
      ({ database, deps } = await openLinkedDatabase(
        kind,
        partnershipId,
        population.specs,
        new Date('2026-11-04T09:00:00Z'),
      ));
    });
    after(() => database.close());

    test('a record linked while the index is still warming is linked as it would be after', async () => {
      const logged: { obj: object; msg?: string }[] = [];
      const logger: Logger = { ...silentLogger, info: (obj, msg) => logged.push({ obj, msg }) };
      const restarted: LinkingDeps = { ...deps, logger, linkIndexes: new LinkIndexes() };
      const warming = warmLinkIndexes(restarted);
      assert.equal(restarted.linkIndexes.isReady(partnershipId), false);
      const held = population.specs.find((s) => s.nhsNumber && s.dob && s.lastName)!;
      const [id] = await insertAgencyPersons(deps.db, partnershipId, [
        { ...held, id: undefined, organisationId: youthClub, externalPersonId: 'YC-WARM' },
      ]);
      const [outcome] = await linkAgencyPersons(restarted, partnershipId, [id!]);
      const [heldLink] = await deps.db
        .select({ personId: personLink.personId })
        .from(personLink)
        .where(and(eq(personLink.partnershipId, partnershipId), eq(personLink.agencyPersonId, held.id)));
      assert.equal(outcome!.linkedBy, 'auto');
      assert.equal(outcome!.personId, heldLink!.personId);
      await warming;
      assert.equal(restarted.linkIndexes.isReady(partnershipId), true);
      assert.deepEqual(
        logged.map((l) => l.msg),
        ['link index ready'],
      );
      // The new record is in the index whether the build read it or linking added it.
      assert.ok((logged[0]!.obj as { held: number }).held >= population.specs.length);
    });
  });
}
