import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import {
  actorFor,
  agreementDeps,
  createActivePair,
  healthChecks,
  org,
  tier2Content,
} from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { exportGatewayCatalogue } from '../gateways/export-gateway-catalogue.ts';
import { GATEWAY_SHEET } from '../gateways/gateway-workbook-layout.ts';
import { getCurrentCatalogueVersion } from '../gateways/get-current-catalogue-version.ts';
import { importGatewayCatalogue } from '../gateways/import-gateway-catalogue.ts';
import { systemActor } from '../shared/actor.ts';
import { DomainError } from '../shared/errors.ts';
import { PLATFORM_PARTNERSHIP_ID } from '../shared/ids.ts';
import { createAgreement } from './create-agreement.ts';
import { findGatewayCitations } from './find-gateway-citations.ts';
import { terminateAgreement } from './terminate-agreement.ts';

const platform = systemActor(PLATFORM_PARTNERSHIP_ID, 'test:gateways-import');

for (const kind of testDatabaseKinds()) {
  describe(`the gateways that live agreements cite (${kind})`, () => {
    let app: TestApp;
    let tier1Id: string;
    let tier2Id: string;
    const cited = async () =>
      (await findGatewayCitations(app.database.db, app.clock.now())).map(
        (c) => `${c.reference}:${c.gatewayId}`,
      );

    before(async () => {
      app = await createTestApp(kind, { demoAgreements: false });
      ({ tier1Id, tier2Id } = await createActivePair(agreementDeps(app), app.database.db));
    });
    after(() => app.close());

    test('a Tier 1 cites its appendix, a Tier 2 every basis, condition and statute of its flows', async () => {
      const all = await cited();
      for (const id of ['CA2004-S11', 'CA1989-S47', 'UKGDPR-6-1-a', 'CLDC'])
        assert.ok(all.includes(`T1-001:${id}`), id);
      for (const id of ['UKGDPR-6-1-e', 'UKGDPR-10', 'DPA-S1-P18', 'CA2004-S11', 'UKGDPR-9-2-g', 'CLDC'])
        assert.ok(all.includes(`T2-001:${id}`), id);
      assert.equal(new Set(all).size, all.length, 'each gateway once per agreement');
    });

    test('a draft counts; a terminated agreement cites nothing any more', async () => {
      const dana = await actorFor(app.database.db, 'dana.okafor@northshire.example');
      await createAgreement(agreementDeps(app), dana, {
        tier: 'tier2',
        tier1AgreementId: tier1Id,
        content: tier2Content([org.csc, org.trust]),
        flows: [{ ...healthChecks, statutoryGatewayIds: ['CDA1998-S115'] }],
      });
      assert.ok((await cited()).includes('T2-002:CDA1998-S115'));
      await terminateAgreement(agreementDeps(app), dana, { agreementId: tier2Id, reason: 'Replaced' });
      assert.equal((await cited()).filter((c) => c.startsWith('T2-001:')).length, 0);
    });

    test('the platform cannot import a catalogue that drops a gateway a draft cites; nothing is written', async () => {
      const { workbook } = await exportGatewayCatalogue(app.deps, platform);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(workbook as unknown as ExcelJS.Buffer);
      const sheet = book.getWorksheet(GATEWAY_SHEET)!;
      sheet.spliceRows(
        sheet.getColumn(1).values.findIndex((v) => v === 'CDA1998-S115'),
        1,
      );
      const file = Buffer.from(await book.xlsx.writeBuffer());
      const before_ = await getCurrentCatalogueVersion(app.database.db);
      const deps = { ...app.deps, gatewayCitations: findGatewayCitations };
      await assert.rejects(importGatewayCatalogue(deps, platform, { file }), (e: unknown) => {
        assert.ok(e instanceof DomainError && e.code === 'validation_failed');
        assert.match(e.fields?.[0]?.problem ?? '', /must keep CDA1998-S115: .* T2-002 \(1 partnership\)/);
        return true;
      });
      assert.deepEqual(await getCurrentCatalogueVersion(app.database.db), before_);
    });
  });
}
