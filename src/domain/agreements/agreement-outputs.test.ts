import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import {
  actorFor,
  agreementDeps,
  createActivePair,
  healthChecks,
  org,
  policeChecks,
} from '../../../test/support/agreement-fixtures.ts';
import { libreOffice, needsSystemTools, unzip } from '../../../test/support/system-tools.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { createOrganisation } from '../partnership/create-organisation.ts';
import { createUser } from '../partnership/create-user.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import { findFlowRegister } from './find-flow-register.ts';
import { flowRegisterCsv } from './flow-register-csv.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { renderAgreementDocument } from './render-agreement-document.ts';

const run = promisify(execFile);

for (const kind of testDatabaseKinds()) {
  describe(`agreements as documents and registers (${kind})`, () => {
    let app: TestApp;
    let deps: AgreementDeps;
    let sam: Actor;
    let tier2Id: string;
    let workDir: string;

    before(async () => {
      app = await createTestApp(kind, { demoAgreements: false });
      deps = agreementDeps(app);
      sam = await actorFor(app.database.db, 'sam.patel@northshire.example');
      const alex = await actorFor(app.database.db, 'alex.morgan@northshire.example');
      const hostile = await createOrganisation(app.deps, alex, {
        name: '=HYPERLINK("http://example.invalid","Click")',
        type: 'school',
      });
      // Its first user comes from the platform operator, as `tessera user add` makes them.
      await createUser(
        app.deps,
        systemActor(alex.partnershipId, 'cli:user-add'),
        {
          email: 'head@hostile.example',
          displayName: 'Head Teacher',
          password: 'not used here',
          organisationId: hostile.id,
          role: 'designated_safeguarding_lead',
        },
        { passwordHash: 'not-a-real-hash' },
      );
      // The school that names itself like a formula receives flow 2, which has a formula-like name.
      ({ tier2Id } = await createActivePair(deps, app.database.db, {
        tier2: {
          parties: [org.csc, org.police, org.trust, org.school, hostile.id].map((organisationId) => ({
            organisationId,
            contact: 'IG lead',
          })),
        },
        flows: [
          policeChecks,
          { ...healthChecks, name: '@SUM(1+1)', toOrganisationIds: [hostile.id, org.csc] },
        ],
        extraSignatories: ['head@hostile.example'],
      }));
      workDir = await mkdtemp(join(tmpdir(), 'tessera-docx-'));
    });
    after(async () => {
      await rm(workDir, { recursive: true, force: true });
      await app.close();
    });

    // unzip and LibreOffice are system tools: skipped with the reason where absent, required in CI.
    test('the Word document carries the reference and the gateways', needsSystemTools([unzip]), async () => {
      const { filename, content } = await renderAgreementDocument(deps, sam, { agreementId: tier2Id });
      assert.equal(filename, 'T2-001-v1.docx');
      const file = join(workDir, filename);
      await writeFile(file, content);
      const { stdout: xml } = await run('unzip', ['-p', file, 'word/document.xml'], {
        maxBuffer: 16 * 1024 * 1024,
      });
      for (const text of ['T2-001', 'UKGDPR-6-1-e', 'DPA-S1-P18', 'Appendix A. Legal gateways', 'Signatures'])
        assert.ok(xml.includes(text), `document.xml contains ${text}`);
    });

    test(
      'LibreOffice opens the Word document and converts it to PDF',
      needsSystemTools([libreOffice]),
      async () => {
        const { filename, content } = await renderAgreementDocument(deps, sam, { agreementId: tier2Id });
        const file = join(workDir, `converted-${filename}`);
        await writeFile(file, content);
        await run(
          'soffice',
          [
            `-env:UserInstallation=file://${join(workDir, 'profile')}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            workDir,
            file,
          ],
          { timeout: 120_000 },
        );
        const pdf = join(workDir, 'converted-T2-001-v1.pdf');
        assert.ok((await stat(pdf)).size > 1000, 'the PDF exists and is not empty');
        assert.equal((await readFile(pdf)).subarray(0, 5).toString(), '%PDF-');
      },
    );

    test('the flow register lists every flow in force, and its CSV cannot smuggle a formula', async () => {
      const { flows } = await findFlowRegister(deps, sam);
      assert.deepEqual(
        flows.map((f) => [f.reference, f.position, f.name]),
        [
          ['T2-001', 1, 'Police checks for the front door'],
          ['T2-001', 2, '@SUM(1+1)'],
        ],
      );
      assert.deepEqual(
        flows[0]!.gateways.map((g) => g.id),
        ['CA2004-S11', 'UKGDPR-6-1-e', 'UKGDPR-10', 'DPA-S1-P18'],
      );
      const csv = flowRegisterCsv(flows);
      assert.ok(csv.startsWith('\uFEFFAgreement,Agreement title,Version,Flow,Flow name,From,To,'));
      assert.ok(csv.includes(`'@SUM(1+1)`), 'a flow name that looks like a formula is quoted');
      assert.ok(
        csv.includes(
          `"'=HYPERLINK(""http://example.invalid"",""Click""); Northshire County Council Children's Services"`,
        ),
        'a recipient whose name starts like a formula is quoted',
      );
      assert.doesNotMatch(csv, /,=|,"=|,\+|,@|,-/);
      assert.equal(csv.trim().split('\r\n').length, 3);
      // A DDE command (|) and an environment reference (%) are neutralised like formulas.
      const dde = flowRegisterCsv([{ ...flows[0]!, name: "|cmd /c calc'!A0", title: '%COMSPEC%' }]);
      assert.ok(dde.includes(`"'|cmd /c calc'!A0"`) || dde.includes(`'|cmd /c calc'!A0`), dde);
      assert.ok(dde.includes(`'%COMSPEC%`), dde);
      assert.doesNotMatch(dde, /,\||,"\||,%|,"%/);
    });
  });
}
