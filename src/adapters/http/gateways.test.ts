import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { builtInCatalogue } from '../../domain/gateways/builtin-catalogue.ts';
import { queryRows } from '../../domain/shared/database.ts';
import { SPREADSHEET_TYPE } from './json-body-guard.ts';

type ErrorBody = { error: { code: string; message: string; fields?: { field: string; problem: string }[] } };

for (const kind of testDatabaseKinds()) {
  describe(`the legal gateway catalogue over HTTP (${kind})`, () => {
    let app: TestApp;
    let sam: SignedInSession;
    let chris: SignedInSession;
    before(async () => {
      app = await createTestApp(kind);
      sam = await app.signIn('sam.patel@northshire.example');
      chris = await app.signIn('chris.lee@northshire.example');
    });
    after(() => app.close());

    const counts = () => Promise.all(['gateway', 'gateway_catalogue_version', 'audit_event'].map(app.count));
    const audited = (action: string) =>
      queryRows<{ actor_id: string; outcome: string; details: Record<string, unknown> }>(
        app.database.db,
        sql`select actor_id, outcome, details from audit_event where action = ${action} order by id`,
      );
    const exported = async () => {
      const response = await app.request('/api/gateways/export.xlsx', { session: sam });
      assert.equal(response.status, 200);
      return Buffer.from(await response.arrayBuffer());
    };

    test('any signed-in user reads the catalogue, filtered', async () => {
      const all = await app.request('/api/gateways', { session: sam });
      assert.equal(all.status, 200);
      const body = (await all.json()) as {
        version: { version: number; rowCount: number };
        gateways: { id: string; kindLabel: string; organisationTypes: { label: string }[] }[];
        kinds: { id: string }[];
      };
      assert.equal(body.version.version, 1);
      assert.equal(body.gateways.length, builtInCatalogue.length);
      assert.equal(body.kinds.length, 9);
      const filtered = await app.request(
        '/api/gateways?kind=statute_duty&organisationType=school&q=welfare&checked=false',
        {
          session: sam,
        },
      );
      const list = ((await filtered.json()) as typeof body).gateways;
      assert.ok(list.length > 0);
      assert.ok(
        list.every(
          (g) => g.kindLabel === 'Statutory duty' && g.organisationTypes.some((t) => t.label === 'School'),
        ),
      );
    });

    test('one gateway by its id, and an unknown id answers 404', async () => {
      const found = await app.request('/api/gateways/UKGDPR-9-2-g', { session: sam });
      assert.equal(found.status, 200);
      const { gateway } = (await found.json()) as { gateway: { citation: string; wordingChecked: boolean } };
      assert.match(gateway.citation, /Article 9\(2\)\(g\)/);
      assert.equal(gateway.wordingChecked, false);
      const missing = await app.request('/api/gateways/NO-SUCH-GATEWAY', { session: sam });
      assert.equal(missing.status, 404);
      assert.equal(((await missing.json()) as ErrorBody).error.code, 'not_found');
    });

    test('bad filters are refused naming the field', async () => {
      for (const [query, field] of [
        ['kind=statute', 'kind'],
        ['organisationType=fire_service', 'organisationType'],
        ['checked=maybe', 'checked'],
        ['q=' + 'x'.repeat(201), 'q'],
        ['colour=red', 'colour'],
      ] as const) {
        const response = await app.request(`/api/gateways?${query}`, { session: sam });
        assert.equal(response.status, 400, query);
        assert.ok(
          ((await response.json()) as ErrorBody).error.fields?.some((f) => f.field === field),
          query,
        );
      }
    });

    test('signed out, nothing about the catalogue is shown', async () => {
      assert.equal((await app.request('/api/gateways')).status, 401);
      assert.equal((await app.request('/api/gateways/export.xlsx')).status, 401);
      assert.equal((await app.request('/api/gateways/CLDC')).status, 401);
    });

    test('the export is an Excel workbook, and each download is audited', async () => {
      const response = await app.request('/api/gateways/export.xlsx', { session: sam });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), SPREADSHEET_TYPE);
      assert.equal(
        response.headers.get('content-disposition'),
        'attachment; filename="legal-gateways-v1.xlsx"',
      );
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(bytes.subarray(0, 2).toString(), 'PK');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      assert.deepEqual(
        book.worksheets.map((s) => s.name),
        ['Legal gateways', 'Read me'],
      );
      const events = await audited('gateway_catalogue.exported');
      assert.deepEqual(events.at(-1)?.details, { version: 1, rowCount: builtInCatalogue.length });
    });

    test('no one can replace the national catalogue over HTTP, not even a system administrator', async () => {
      const before_ = await counts();
      const workbook = await exported();
      // No body but JSON is taken anywhere: a workbook is refused before any route sees it.
      for (const path of ['/api/gateways/import', '/api/organisations']) {
        const response = await app.request(path, {
          method: 'POST',
          session: chris,
          body: new Uint8Array(workbook),
          headers: { 'content-type': SPREADSHEET_TYPE },
        });
        assert.equal(response.status, 415);
      }
      const asJson = await app.request('/api/gateways/import', {
        method: 'POST',
        session: chris,
        body: json({}),
      });
      assert.equal(asJson.status, 404);
      assert.deepEqual((await counts()).slice(0, 2), before_.slice(0, 2));
      const list = (await (await app.request('/api/gateways', { session: chris })).json()) as {
        version: { version: number };
      };
      assert.equal(list.version.version, 1);
    });
  });
}
