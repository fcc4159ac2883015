import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { chrisTheSystemAdmin, samThePractitioner } from '../../../test/support/personas.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../test/support/test-database.ts';
import { buildZip, zeroBombEntry } from '../../../test/support/zip-files.ts';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import { fixedClock } from '../shared/clock.ts';
import { queryRows } from '../shared/database.ts';
import { systemActor } from '../shared/actor.ts';
import { silentLogger } from '../shared/deps.ts';
import { DomainError } from '../shared/errors.ts';
import { PLATFORM_PARTNERSHIP_ID, randomIds } from '../shared/ids.ts';
import { builtInCatalogue } from './builtin-catalogue.ts';
import { exportGatewayCatalogue } from './export-gateway-catalogue.ts';
import { findGateways, findGatewaysByIds } from './find-gateways.ts';
import { getCurrentCatalogueVersion } from './get-current-catalogue-version.ts';
import { getGateway } from './get-gateway.ts';
import { GATEWAY_SHEET } from './gateway-workbook-layout.ts';
import type { GatewayCitation } from './check-cited-gateways.ts';
import { importGatewayCatalogue, type ImportGatewayCatalogueDeps } from './import-gateway-catalogue.ts';
import { installGatewayCatalogue } from './install-gateway-catalogue.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the legal gateway catalogue (${kind})`, () => {
    let handle: DatabaseHandle;
    let deps: ImportGatewayCatalogueDeps;
    // What live agreements cite, as the agreements module would answer (tested there).
    let citations: GatewayCitation[] = [];
    // The operator at the command line: the only one who may replace national law.
    const platform = systemActor(PLATFORM_PARTNERSHIP_ID, 'test:gateways-import');
    before(async () => {
      handle = await openTestDatabase(kind);
      deps = {
        db: handle.db,
        clock: fixedClock(new Date('2026-11-02T09:00:00Z')),
        ids: randomIds,
        logger: silentLogger,
        gatewayCitations: () => Promise.resolve(citations),
      };
    });
    after(() => handle.close());

    const count = async (table: string) =>
      Number(
        (await queryRows<{ n: string }>(handle.db, sql.raw(`select count(*)::text as n from ${table}`)))[0]!
          .n,
      );
    const counts = () => Promise.all(['gateway', 'gateway_catalogue_version', 'audit_event'].map(count));
    const events = (action: string) =>
      queryRows<{
        partnership_id: string;
        actor_id: string;
        outcome: string;
        details: Record<string, unknown>;
      }>(
        handle.db,
        sql`select partnership_id::text, actor_id, outcome, details from audit_event where action = ${action} order by id`,
      );

    /** The current catalogue exported, changed in Excel by `edit`, as the bytes to import. */
    async function editedExport(edit: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
      const { workbook } = await exportGatewayCatalogue(deps, chrisTheSystemAdmin);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(workbook as unknown as ExcelJS.Buffer);
      edit(book.getWorksheet(GATEWAY_SHEET)!);
      return Buffer.from(await book.xlsx.writeBuffer());
    }

    test('installing into an empty database writes the built-in catalogue as version 1, audited once', async () => {
      assert.equal(await getCurrentCatalogueVersion(handle.db), null);
      assert.deepEqual(await installGatewayCatalogue(deps), { installed: true, version: 1 });
      assert.deepEqual(await installGatewayCatalogue(deps), { installed: false, version: 1 });
      const version = await getCurrentCatalogueVersion(handle.db);
      assert.equal(version?.version, 1);
      assert.equal(version?.rowCount, builtInCatalogue.length);
      assert.equal(version?.createdBy, 'system:gateway-catalogue-install');
      assert.equal(await count('gateway'), builtInCatalogue.length);
      const installed = await events('gateway_catalogue.installed');
      assert.equal(installed.length, 1);
      assert.equal(installed[0]!.partnership_id, PLATFORM_PARTNERSHIP_ID);
      assert.deepEqual(installed[0]!.details, { version: 1, rowCount: builtInCatalogue.length });
    });

    test('the whole catalogue reads back in its own order, every field as installed', async () => {
      assert.deepEqual(await findGateways(handle.db), builtInCatalogue);
    });

    test('filters by kind, organisation type, wording checked and text', async () => {
      const kinds = new Set((await findGateways(handle.db, { kind: 'uk_gdpr_art9' })).map((g) => g.kind));
      assert.deepEqual([...kinds], ['uk_gdpr_art9']);
      const forPolice = await findGateways(handle.db, { organisationType: 'police' });
      assert.ok(forPolice.some((g) => g.id === 'VPA2024-OPENCOMPASS'));
      assert.ok(!forPolice.some((g) => g.id === 'EA2002-S175'), 'the schools duty is not police law');
      const checked = await findGateways(handle.db, { checked: true });
      assert.deepEqual(checked.map((g) => g.id).sort(), [
        'DPA-S1-P18',
        'DPA-S1-P2',
        'DPA-S1-P36',
        'UKGDPR-6-1-ea',
      ]);
      // Text is found in the id, the title, the citation or what it permits, ignoring case.
      assert.deepEqual(
        (await findGateways(handle.db, { q: 'ca1989-s47' })).map((g) => g.id),
        ['CA1989-S47'],
      );
      assert.ok((await findGateways(handle.db, { q: 'INJUNCTION' })).some((g) => g.id === 'CA2004-S16H'));
      // LIKE wildcards are searched for literally.
      assert.deepEqual(await findGateways(handle.db, { q: '%_%' }), []);
      const combined = await findGateways(handle.db, {
        kind: 'statute_duty',
        organisationType: 'school',
        q: 'welfare',
      });
      assert.ok(
        combined.length > 0 &&
          combined.every((g) => g.kind === 'statute_duty' && g.organisationTypes.includes('school')),
      );
    });

    test('other modules look gateways up by id: unknown ids are simply absent', async () => {
      const found = await findGatewaysByIds(handle.db, [
        'UKGDPR-6-1-e',
        'NO-SUCH-GATEWAY',
        'CA1989-S47',
        'CA1989-S47',
      ]);
      assert.deepEqual(
        found.map((g) => [g.id, g.kind]),
        [
          ['CA1989-S47', 'statute_duty'],
          ['UKGDPR-6-1-e', 'uk_gdpr_art6'],
        ],
      );
      assert.deepEqual(await findGatewaysByIds(handle.db, []), []);
      assert.equal((await getGateway(handle.db, 'CLDC')).kind, 'common_law');
      await assert.rejects(
        getGateway(handle.db, 'NO-SUCH-GATEWAY'),
        (e: unknown) => e instanceof DomainError && e.code === 'not_found',
      );
    });

    test('an export and re-import loses nothing, and makes version 2 audited with it', async () => {
      const { workbook, filename } = await exportGatewayCatalogue(deps, samThePractitioner);
      assert.equal(filename, 'legal-gateways-v1.xlsx');
      const exported = await events('gateway_catalogue.exported');
      assert.equal(
        exported.at(-1)?.actor_id,
        samThePractitioner.kind === 'user' ? samThePractitioner.userId : '',
      );
      const version = await importGatewayCatalogue(deps, platform, {
        file: workbook,
        note: 'Round trip',
      });
      assert.equal(version.version, 2);
      assert.equal((await getCurrentCatalogueVersion(handle.db))?.note, 'Round trip');
      assert.deepEqual(await findGateways(handle.db), builtInCatalogue);
      const imported = await events('gateway_catalogue.imported');
      assert.deepEqual(imported.at(-1)?.details, {
        version: 2,
        rowCount: builtInCatalogue.length,
        note: 'Round trip',
      });
      // Version 1 is kept, unchanged, for agreements that cited it.
      assert.equal(await count('gateway'), 2 * builtInCatalogue.length);
    });

    test('an edited workbook becomes the current catalogue', async () => {
      const file = await editedExport((sheet) => {
        sheet.getRow(2).getCell(8).value = 'Yes';
        sheet.addRow([
          'LA2011-S1',
          'Statutory power',
          'Localism Act 2011 s1',
          'Localism Act 2011, section 1',
          'General power of competence.',
          'Housing',
          '',
          'No',
        ]);
      });
      const version = await importGatewayCatalogue(deps, platform, { file });
      assert.equal(version.version, 3);
      assert.equal(version.note, 'Imported from a workbook');
      assert.equal((await getGateway(handle.db, builtInCatalogue[0]!.id)).wordingChecked, true);
      assert.deepEqual((await getGateway(handle.db, 'LA2011-S1')).organisationTypes, ['housing']);
      assert.equal((await findGatewaysByIds(handle.db, ['LA2011-S1']))[0]?.kind, 'statute_power');
    });

    test('a workbook with any bad row writes nothing at all', async () => {
      const file = await editedExport((sheet) => {
        sheet.getRow(5).getCell(2).value = 'Something else';
      });
      const before_ = await counts();
      await assert.rejects(importGatewayCatalogue(deps, platform, { file }), (e: unknown) => {
        assert.ok(e instanceof DomainError && e.code === 'validation_failed');
        assert.deepEqual(
          e.fields?.map((f) => f.field),
          ['rows.5.kind'],
        );
        return true;
      });
      assert.deepEqual(await counts(), before_);
      assert.equal((await getCurrentCatalogueVersion(handle.db))?.version, 3);
    });

    test('a catalogue that drops the law a purpose relies on is refused', async () => {
      const file = await editedExport((sheet) => {
        const line = sheet.getColumn(1).values.findIndex((v) => v === 'CA1989-S47');
        sheet.spliceRows(line, 1);
      });
      const before_ = await counts();
      await assert.rejects(importGatewayCatalogue(deps, platform, { file }), (e: unknown) => {
        assert.ok(e instanceof DomainError);
        assert.match(
          e.fields?.[0]?.problem ?? '',
          /must keep CA1989-S47: the purpose “Strategy discussion” relies on it/,
        );
        return true;
      });
      assert.deepEqual(await counts(), before_);
    });

    test('no partnership user may import, not even a system administrator: "not found", audited', async () => {
      const { workbook } = await exportGatewayCatalogue(deps, chrisTheSystemAdmin);
      for (const actor of [samThePractitioner, chrisTheSystemAdmin]) {
        const before_ = await counts();
        await assert.rejects(
          importGatewayCatalogue(deps, actor, { file: workbook }),
          (e: unknown) => e instanceof DomainError && e.code === 'not_found',
        );
        const denied = await events('access.denied');
        assert.deepEqual(denied.at(-1)?.details, { attempted: 'gateway_catalogue.import' });
        assert.equal(denied.at(-1)?.outcome, 'denied');
        assert.equal(denied.at(-1)?.partnership_id, chrisTheSystemAdmin.partnershipId);
        const [gateways, versions, audit] = await counts();
        assert.deepEqual([gateways, versions, audit], [before_[0], before_[1], before_[2]! + 1]);
      }
      // Nor may another partnership's own system process.
      await assert.rejects(
        importGatewayCatalogue(deps, systemActor(chrisTheSystemAdmin.partnershipId, 'test'), {
          file: workbook,
        }),
        (e: unknown) => e instanceof DomainError && e.code === 'not_found',
      );
    });

    test('a catalogue that drops a gateway a live agreement cites is refused, naming the agreements', async () => {
      citations = [
        { gatewayId: 'CDA1998-S115', partnershipId: 'p1', reference: 'T2-003' },
        { gatewayId: 'CDA1998-S115', partnershipId: 'p2', reference: 'T2-001' },
      ];
      const file = await editedExport((sheet) => {
        const line = sheet.getColumn(1).values.findIndex((v) => v === 'CDA1998-S115');
        sheet.spliceRows(line, 1);
      });
      const before_ = await counts();
      await assert.rejects(importGatewayCatalogue(deps, platform, { file }), (e: unknown) => {
        assert.ok(e instanceof DomainError && e.code === 'validation_failed');
        assert.deepEqual(e.fields, [
          {
            field: 'rows',
            problem:
              'The catalogue must keep CDA1998-S115: agreements in force or in draft cite it: T2-001, T2-003 (2 partnerships)',
          },
        ]);
        return true;
      });
      assert.deepEqual(await counts(), before_);
      citations = [];
    });

    test('a catalogue that changes the kind of a cited gateway is refused at its row', async () => {
      citations = [{ gatewayId: 'UKGDPR-6-1-e', partnershipId: 'p1', reference: 'T2-002' }];
      let line = 0;
      const file = await editedExport((sheet) => {
        line = sheet.getColumn(1).values.findIndex((v) => v === 'UKGDPR-6-1-e');
        sheet.getRow(line).getCell(2).value = 'Statutory power';
      });
      const before_ = await counts();
      await assert.rejects(importGatewayCatalogue(deps, platform, { file }), (e: unknown) => {
        assert.ok(e instanceof DomainError && e.code === 'validation_failed');
        assert.deepEqual(e.fields, [
          {
            field: `rows.${line}.kind`,
            problem: `Row ${line}: UKGDPR-6-1-e must stay “UK GDPR Article 6 lawful basis”: agreements in force or in draft cite it as that: T2-002 (1 partnership)`,
          },
        ]);
        return true;
      });
      assert.deepEqual(await counts(), before_);
      citations = [];
    });

    test('a file that is not a workbook, over 5 MB, or a zip bomb is refused safely, nothing written', async () => {
      const bomb = await zeroBombEntry('xl/worksheets/sheet1.xml', 200 * 1024 * 1024);
      for (const [file, problem] of [
        [Buffer.from('ID,Kind\nCA1989-S47,statute_duty\n'), /not an Excel workbook/],
        [randomBytes(5 * 1024 * 1024 + 1), /larger than 5 MB/],
        [buildZip([bomb]), /would unpack to 200 MB/],
        [buildZip([{ ...bomb, declaredSize: 1024 * 1024 }]), /larger than it says/],
      ] as const) {
        const before_ = await counts();
        await assert.rejects(importGatewayCatalogue(deps, platform, { file }), (e: unknown) => {
          assert.ok(e instanceof DomainError && e.code === 'validation_failed');
          assert.equal(e.fields?.[0]?.field, 'file');
          assert.match(e.fields?.[0]?.problem ?? '', problem);
          return true;
        });
        assert.deepEqual(await counts(), before_);
      }
    });

    test('two imports at once get consecutive versions', async () => {
      const { workbook } = await exportGatewayCatalogue(deps, chrisTheSystemAdmin);
      const versions = await Promise.all(
        [1, 2].map(() => importGatewayCatalogue(deps, platform, { file: workbook })),
      );
      assert.deepEqual(versions.map((v) => v.version).sort(), [4, 5]);
    });

    test('a written catalogue version can be neither changed nor deleted', async () => {
      const refusedByTrigger = (error: unknown) => {
        assert.match(String((error as { cause?: unknown }).cause ?? error), /insert-only/);
        return true;
      };
      for (const statement of [
        sql`update gateway set title = 'changed' where version = 1`,
        sql`delete from gateway_catalogue_version where version = 1`,
        sql`truncate gateway`,
      ])
        await assert.rejects(handle.db.execute(statement), refusedByTrigger);
      assert.equal((await getCurrentCatalogueVersion(handle.db))?.version, 5);
    });
  });
}
