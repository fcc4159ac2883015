import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  csvFile,
  fileChunks,
  northshireSystem,
  orgId,
  peopleHeader,
  personDetailsMapping,
} from '../../../test/support/feed-fixtures.ts';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { ingestFeed } from '../../domain/feeds/ingest-feed.ts';
import { queryRows } from '../../domain/shared/database.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the record erasure API (${kind})`, () => {
    let app: TestApp;
    let dana: SignedInSession;
    let samPatel: SignedInSession;
    let recordId: string;
    const erase = async (id: string, session: SignedInSession, body: unknown) => {
      const response = await app.request(`/api/records/${id}/erasure`, {
        session,
        method: 'POST',
        body: json(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    before(async () => {
      app = await createTestApp(kind);
      await ingestFeed(app.deps, northshireSystem, {
        organisationId: orgId('csc'),
        mapping: personDetailsMapping(),
        source: fileChunks(csvFile(peopleHeader, 'EP-9,Robin,Hale,04/04/2018,,,,')),
      });
      [{ id: recordId }] = (await queryRows<{ id: string }>(
        app.database.db,
        sql`select id::text from subject_record where external_id = 'csc-people:EP-9'`,
      )) as [{ id: string }];
      dana = await app.signIn('dana.okafor@northshire.example');
      samPatel = await app.signIn('sam.patel@northshire.example');
    });
    after(() => app.close());

    test('a practitioner gets exactly the answer a missing record gets', async () => {
      const refused = await erase(recordId, samPatel, { ground: 'inaccurate' });
      const missing = await erase('6f1d0c1e-0000-4000-8000-000000000000', dana, { ground: 'inaccurate' });
      assert.equal(refused.status, 404);
      assert.deepEqual(refused, missing);
    });

    test('a ground outside the list is refused naming the field', async () => {
      const response = await erase(recordId, dana, { ground: 'tidy_up' });
      assert.equal(response.status, 400);
      assert.match(JSON.stringify(response.body), /"field":"ground"/);
    });

    test("the organisation's DPO erases it once; then it is not found", async () => {
      const erased = await erase(recordId, dana, {
        ground: 'no_longer_necessary',
        requestReference: 'ER-77',
      });
      assert.equal(erased.status, 200);
      assert.deepEqual(
        [erased.body.recordId, erased.body.externalId, erased.body.versions],
        [recordId, 'csc-people:EP-9', 1],
      );
      assert.equal((await erase(recordId, dana, { ground: 'no_longer_necessary' })).status, 404);
      assert.equal(await app.count('subject_record_tombstone'), 1);
    });

    test('the OpenAPI document describes the erasure and its grounds', async () => {
      const doc = (await (await app.request('/api/openapi.json')).json()) as {
        paths: Record<string, { post?: unknown }>;
        components: { schemas: Record<string, unknown> };
      };
      assert.match(JSON.stringify(doc.paths['/api/records/{id}/erasure']?.post), /ErasureRequest/);
      assert.match(JSON.stringify(doc.components.schemas.ErasureRequest), /Art 17\(1\)\(a\)/);
    });
  });
}
