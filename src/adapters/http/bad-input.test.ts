import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { demoOrganisations } from '../../domain/demo/northshire.ts';
import { createOrganisation } from '../../domain/partnership/create-organisation.ts';
import { createPartnership } from '../../domain/partnership/create-partnership.ts';
import { systemActor } from '../../domain/shared/actor.ts';
import type { PartnershipId } from '../../domain/shared/ids.ts';

const southvaleSchoolId = '7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b02';

const schoolId = demoOrganisations.find((o) => o.key === 'school')!.id;
const cscId = demoOrganisations.find((o) => o.key === 'csc')!.id;
const newUser = {
  email: 'kai.thompson@northshire.example',
  displayName: 'Kai Thompson',
  password: 'correct horse battery staple',
  // What the partnership administrator may grant: a partnership role in his own organisation.
  organisationId: cscId,
  role: 'partnership_admin',
};

for (const kind of testDatabaseKinds()) {
  describe(`bad input is refused cleanly and changes nothing (${kind})`, () => {
    let app: TestApp;
    let admin: SignedInSession;
    const tables = ['app_user', 'user_email', 'membership', 'organisation', 'partnership'];
    let before_: number[];

    before(async () => {
      app = await createTestApp(kind);
      admin = await app.signIn('alex.morgan@northshire.example');
      // A second partnership, whose school Northshire's administrator must not be able to use.
      const southvale = systemActor('7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b01' as PartnershipId, 'test');
      await createPartnership(app.deps, southvale, {
        id: southvale.partnershipId,
        name: 'Southvale Partnership',
      });
      await createOrganisation(app.deps, southvale, {
        id: southvaleSchoolId,
        name: 'Southvale Academy',
        type: 'school',
      });
      before_ = await Promise.all(tables.map((t) => app.count(t)));
    });
    after(async () => {
      // Nothing any of the bad requests sent was written.
      assert.deepEqual(await Promise.all(tables.map((t) => app.count(t))), before_);
      await app.close();
    });

    async function expectError(
      init: RequestInit & { path?: string },
      status: number,
      code: string,
      field?: string,
    ): Promise<void> {
      const response = await app.request(init.path ?? '/api/users', {
        method: 'POST',
        session: admin,
        ...init,
      });
      assert.equal(response.status, status);
      const body = (await response.json()) as {
        error: { code: string; message: string; fields?: { field: string }[] };
      };
      assert.equal(body.error.code, code);
      assert.doesNotMatch(JSON.stringify(body), /at \w+ \(|node_modules|stack/i, 'no internals leak');
      if (field)
        assert.ok(
          body.error.fields?.some((f) => f.field === field),
          `names ${field}: ${JSON.stringify(body)}`,
        );
    }

    test('malformed JSON', () => expectError({ body: '{"email": ' }, 400, 'validation_failed', '(body)'));
    test('a wrong content type', () =>
      expectError(
        { body: 'email=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        415,
        'unsupported_media_type',
      ));
    test('an oversized body', () =>
      expectError(
        { body: json({ ...newUser, displayName: 'x'.repeat(1024 * 1024 + 10) }) },
        413,
        'payload_too_large',
      ));
    test('unknown fields', () =>
      expectError({ body: json({ ...newUser, isAdmin: true }) }, 400, 'validation_failed', 'isAdmin'));
    test('__proto__ keys', () =>
      expectError(
        { body: `{"__proto__": {"isAdmin": true}, "email": "a@b.example"}` },
        400,
        'validation_failed',
        '__proto__',
      ));
    test('over-long strings', () =>
      expectError(
        { body: json({ ...newUser, displayName: 'x'.repeat(201) }) },
        400,
        'validation_failed',
        'displayName',
      ));
    test('an invalid email', () =>
      expectError({ body: json({ ...newUser, email: 'kai@' }) }, 400, 'validation_failed', 'email'));
    test('a weak password', () =>
      expectError(
        { body: json({ ...newUser, password: 'password1234' }) },
        400,
        'validation_failed',
        'password',
      ));
    test('a short password', () =>
      expectError({ body: json({ ...newUser, password: 'short' }) }, 400, 'validation_failed', 'password'));
    test('a duplicate user', () =>
      expectError(
        { body: json({ ...newUser, email: 'Sam.Patel@northshire.example' }) },
        409,
        'conflict',
        'email',
      ));
    test('a role that does not exist', () =>
      expectError({ body: json({ ...newUser, role: 'superuser' }) }, 400, 'validation_failed', 'role'));
    test('an organisation from another partnership', () =>
      expectError(
        { body: json({ ...newUser, organisationId: southvaleSchoolId }) },
        400,
        'validation_failed',
        'organisationId',
      ));
    test('a bad organisation type', () =>
      expectError(
        { path: '/api/organisations', body: json({ name: 'X', type: 'bank' }) },
        400,
        'validation_failed',
        'type',
      ));
    test('a bad query parameter', async () => {
      const dpo = await app.signIn('dana.okafor@northshire.example');
      const response = await app.request('/api/audit?limit=100000&colour=red', { session: dpo });
      assert.equal(response.status, 400);
      const body = (await response.json()) as { error: { fields: { field: string }[] } };
      assert.deepEqual(body.error.fields.map((f) => f.field).sort(), ['colour', 'limit']);
    });
    test('a bad path id', () =>
      expectError(
        {
          path: '/api/users/not-a-uuid/memberships',
          body: json({ organisationId: schoolId, role: 'practitioner' }),
        },
        400,
        'validation_failed',
        'userId',
      ));
  });
}
