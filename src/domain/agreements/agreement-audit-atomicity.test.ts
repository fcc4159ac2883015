import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  actorFor,
  agreementDeps,
  org,
  policeChecks,
  signatories,
  tier2Content,
} from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { createAgreement } from './create-agreement.ts';
import { findAgreements } from './find-agreements.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { getAgreement } from './get-agreement.ts';
import { signAgreement } from './sign-agreement.ts';
import { submitAgreement } from './submit-agreement.ts';
import { suspendAgreement } from './suspend-agreement.ts';

/** DESIGN.md rule 3: if the audit write fails, the act fails with it, signatures included. */
for (const kind of testDatabaseKinds()) {
  describe(`an agreement change whose audit event cannot be written does not happen (${kind})`, () => {
    let app: TestApp;
    let deps: AgreementDeps;
    before(async () => {
      app = await createTestApp(kind);
      deps = agreementDeps(app);
      await app.database.db.execute(
        sql.raw(`create function test_fail_agreement_audit() returns trigger language plpgsql as $$
          begin
            if new.action in ('agreement.activated', 'agreement.suspended') then raise exception 'audit store unavailable'; end if;
            return new;
          end $$`),
      );
      await app.database.db.execute(
        sql.raw(
          `create trigger test_fail_agreement_audit before insert on audit_event for each row execute function test_fail_agreement_audit()`,
        ),
      );
    });
    after(() => app.close());

    test('the last signature, and the coming into force it causes, roll back together', async () => {
      const dana = await actorFor(app.database.db, 'dana.okafor@northshire.example');
      const tier1 = (await findAgreements(deps, dana))[0]!;
      const created = await createAgreement(deps, dana, {
        tier: 'tier2',
        tier1AgreementId: tier1.id,
        content: tier2Content([org.csc, org.police]),
        flows: [policeChecks],
      });
      await submitAgreement(deps, dana, { agreementId: created.id });
      await signAgreement(deps, await actorFor(app.database.db, signatories.csc), {
        agreementId: created.id,
        version: 1,
        declaration: true,
      });
      const signaturesBefore = await app.count('agreement_signature');
      await assert.rejects(
        signAgreement(deps, await actorFor(app.database.db, signatories.police), {
          agreementId: created.id,
          version: 1,
          declaration: true,
        }),
      );
      assert.equal(await app.count('agreement_signature'), signaturesBefore);
      const detail = await getAgreement(deps, dana, created.id);
      assert.equal(detail.status, 'awaiting_signatures');
      assert.equal(detail.versions[0]!.signatures.length, 1);
    });

    test('a suspension is not recorded if its audit event is not', async () => {
      const alex = await actorFor(app.database.db, 'alex.morgan@northshire.example');
      const active = (await findAgreements(deps, alex))[1]!;
      await assert.rejects(suspendAgreement(deps, alex, { agreementId: active.id, reason: 'Test' }));
      assert.equal(await app.count('agreement_suspension'), 0);
      assert.equal((await getAgreement(deps, alex, active.id)).status, 'active');
    });
  });
}
