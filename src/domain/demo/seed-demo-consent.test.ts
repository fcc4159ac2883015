import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { actorByEmail } from '../../../test/support/actors.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { findFlowsInForce } from '../agreements/find-flows-in-force.ts';
import { LinkIndexes } from '../people/held-index.ts';
import { relinkPartnership } from '../people/relink-partnership.ts';
import { createScopedReader } from '../policy/scoped-reader.ts';
import { queryRows } from '../shared/database.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { sql } from 'drizzle-orm';
import { demoOrganisations, demoPartnership } from './northshire.ts';
import { seedDemoConsent } from './seed-demo-consent.ts';
import { seedDemoFeeds } from './seed-demo-feeds.ts';

const school = demoOrganisations.find((o) => o.key === 'school')!.id;

for (const kind of testDatabaseKinds()) {
  describe(`the demo's consent to early help (${kind})`, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp(kind, { flowsInForce: findFlowsInForce });
      await seedDemoFeeds(app.deps, { children: 12 });
      await relinkPartnership(
        { ...app.deps, linkIndexes: new LinkIndexes() },
        demoPartnership.id as PartnershipId,
      );
    });
    after(() => app.close());

    test('lets the council see the school’s attendance for early help, as the agreement rests on consent', async () => {
      const deps = app.deps;
      const consentId = await seedDemoConsent(app.deps);
      assert.ok(consentId);
      const [child] = await queryRows<{ person_id: string }>(
        app.database.db,
        sql`select person_id::text from person_link l join consent c on c.partnership_id = l.partnership_id
            and l.agency_person_id::text = any(c.subject_ids) where c.id = ${consentId}`,
      );
      const samPatel = await actorByEmail(app.database.db, 'sam.patel@northshire.example');
      const read = await createScopedReader(deps, samPatel, 'early_help').readPersonRecords(child!.person_id);
      assert.ok(read.records.some((r) => r.holderOrganisationId === school));
    });
  });
}
