import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, json, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { DEMO_PASSWORD } from '../../domain/demo/northshire.ts';
import { orgId } from '../../../test/support/feed-fixtures.ts';

// Issue 13 hole 12: `Password1234!` met the length rule and was accepted, through the API.
for (const kind of testDatabaseKinds()) {
  describe(`password strength over HTTP (${kind})`, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp(kind);
    });
    after(() => app.close());

    test('a common password dressed up to twelve characters is refused when changing a password, naming the field', async () => {
      const session = await app.signIn('ruth.ali@northshire.example');
      for (const newPassword of ['Password1234!', 'P@ssw0rd2026!', 'Summer2026!!']) {
        const weak = await app.request('/api/session/password', {
          method: 'POST',
          session,
          body: json({ currentPassword: DEMO_PASSWORD, newPassword }),
        });
        assert.equal(weak.status, 400, newPassword);
        const { error } = (await weak.json()) as { error: { fields: { field: string; problem: string }[] } };
        assert.deepEqual(
          error.fields.map((f) => f.field),
          ['newPassword'],
        );
        assert.match(error.fields[0]!.problem, /too easy to guess/);
      }
    });

    test('an administrator cannot give a new user Password1234! either', async () => {
      const admin = await app.signIn('alex.morgan@northshire.example');
      const response = await app.request('/api/users', {
        method: 'POST',
        session: admin,
        body: json({
          email: 'new.starter@northshire.example',
          displayName: 'New Starter',
          password: 'Password1234!',
          organisationId: orgId('csc'),
          role: 'practitioner',
        }),
      });
      assert.equal(response.status, 400, await response.clone().text());
      assert.match(await response.text(), /"password".*too easy to guess/);
    });
  });
}
