import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { buildZip, zeroBombEntry } from '../../../test/support/zip-files.ts';
import { builtInCatalogue } from '../../domain/gateways/builtin-catalogue.ts';
import { GATEWAY_SHEET } from '../../domain/gateways/gateway-workbook-layout.ts';
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
    const upload = (body: Uint8Array, session: SignedInSession, path = '/api/gateways/import') =>
      app.request(path, {
        method: 'POST',
        session,
        body: new Uint8Array(body),
        headers: { 'content-type': SPREADSHEET_TYPE },
      });
    const exported = async () => {
      const response = await app.request('/api/gateways/export.xlsx', { session: sam });
      assert.equal(response.status, 200);
      return Buffer.from(await response.arrayBuffer());
    };

    /** An upload that must be refused with `status`, naming `field`, and change nothing but what `audits` says. */
    async function refusedUpload(
      body: Uint8Array,
      expected: { status: number; code: string; field?: string; problem?: RegExp; session?: SignedInSession },
    ): Promise<ErrorBody> {
      const before_ = await counts();
      const response = await upload(body, expected.session ?? chris);
      assert.equal(response.status, expected.status);
      const error = (await response.json()) as ErrorBody;
      assert.equal(error.error.code, expected.code);
      if (expected.field) {
        const named = error.error.fields?.find((f) => f.field === expected.field);
        assert.ok(named, JSON.stringify(error));
        if (expected.problem) assert.match(named.problem, expected.problem);
      }
      assert.doesNotMatch(JSON.stringify(error), /at \w+ \(|node_modules|stack/i, 'no internals leak');
      assert.deepEqual(await counts(), before_, 'nothing was written');
      return error;
    }

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

    test('the system administrator imports a workbook as a new version, audited', async () => {
      const response = await upload(await exported(), chris, '/api/gateways/import?note=Annual%20review');
      assert.equal(response.status, 201);
      const { version } = (await response.json()) as {
        version: { version: number; note: string; rowCount: number };
      };
      assert.deepEqual(
        [version.version, version.note, version.rowCount],
        [2, 'Annual review', builtInCatalogue.length],
      );
      const events = await audited('gateway_catalogue.imported');
      assert.deepEqual(events.at(-1)?.details, {
        version: 2,
        rowCount: builtInCatalogue.length,
        note: 'Annual review',
      });
      const list = (await (await app.request('/api/gateways', { session: sam })).json()) as {
        version: { version: number };
      };
      assert.equal(list.version.version, 2);
    });

    test('anyone else is told "not found", and the refusal is audited', async () => {
      const workbook = await exported();
      const alex = await app.signIn('alex.morgan@northshire.example');
      for (const session of [sam, alex]) {
        const deniedBefore = (await audited('access.denied')).length;
        const [gateways, versions] = await counts();
        const response = await upload(workbook, session);
        assert.equal(response.status, 404);
        assert.deepEqual(await response.json(), {
          error: { code: 'not_found', message: 'The page was not found' },
        });
        const denied = await audited('access.denied');
        assert.equal(denied.length, deniedBefore + 1);
        assert.deepEqual(denied.at(-1)?.details, { attempted: 'gateway_catalogue.import' });
        assert.deepEqual((await counts()).slice(0, 2), [gateways, versions]);
      }
    });

    test('every bad row is named by its line, and nothing is written', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await exported()) as unknown as ExcelJS.Buffer);
      const sheet = book.getWorksheet(GATEWAY_SHEET)!;
      sheet.getRow(12).getCell(2).value = 'Statute';
      sheet.getRow(20).getCell(3).value = '';
      sheet.getRow(21).getCell(1).value = sheet.getRow(2).getCell(1).value;
      const error = await refusedUpload(Buffer.from(await book.xlsx.writeBuffer()), {
        status: 400,
        code: 'validation_failed',
        field: 'rows.12.kind',
        problem: /^Row 12: the kind “Statute” is not one Tessera knows/,
      });
      assert.deepEqual(
        error.error.fields?.map((f) => f.field),
        ['rows.12.kind', 'rows.20.title', 'rows.21.id'],
      );
    });

    test('a body that is not an .xlsx is refused cleanly', async () => {
      await refusedUpload(Buffer.from('ID,Kind\nCA1989-S47,statute_duty\n'), {
        status: 400,
        code: 'validation_failed',
        field: 'file',
        problem: /not an Excel workbook/,
      });
      await refusedUpload(randomBytes(2048), { status: 400, code: 'validation_failed', field: 'file' });
    });

    test('a file over 5 MB is refused before it is read', async () => {
      await refusedUpload(randomBytes(5 * 1024 * 1024 + 1), { status: 413, code: 'payload_too_large' });
    });

    test('a zip bomb of 200 MB of zeros is refused without unpacking it', async () => {
      const bomb = await zeroBombEntry('xl/worksheets/sheet1.xml', 200 * 1024 * 1024);
      await refusedUpload(buildZip([bomb]), {
        status: 400,
        code: 'validation_failed',
        field: 'file',
        problem: /would unpack to 200 MB/,
      });
      await refusedUpload(buildZip([{ ...bomb, declaredSize: 1024 * 1024 }]), {
        status: 400,
        code: 'validation_failed',
        field: 'file',
        problem: /larger than it says/,
      });
    });

    test('only the import route takes a workbook, and it takes nothing else', async () => {
      const asJson = await app.request('/api/gateways/import', {
        method: 'POST',
        session: chris,
        body: json({}),
      });
      assert.equal(asJson.status, 415);
      const elsewhere = await upload(await exported(), chris, '/api/organisations');
      assert.equal(elsewhere.status, 415);
      const noCsrf = await app.request('/api/gateways/import', {
        method: 'POST',
        session: chris,
        body: new Uint8Array(await exported()),
        headers: { 'content-type': SPREADSHEET_TYPE, 'x-csrf-token': 'wrong' },
      });
      assert.equal(noCsrf.status, 403);
    });
  });
}
