import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { southvale } from '../../../test/support/personas.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { DEMO_PASSWORD, demoPartnership } from '../demo/northshire.ts';
import { createOrganisation } from '../partnership/create-organisation.ts';
import { createPartnership } from '../partnership/create-partnership.ts';
import { createUser } from '../partnership/create-user.ts';
import { systemActor } from '../shared/actor.ts';
import { DomainError } from '../shared/errors.ts';
import { SignInRateLimiter } from './rate-limiter.ts';
import { signIn } from './sign-in.ts';

// app_user's unique keys are per partnership so that Citus can distribute it (DESIGN.md
// section 5); an email still names one account on the whole platform, through user_email.
for (const kind of testDatabaseKinds()) {
  describe(`sign-in finds the partnership from the email (${kind})`, () => {
    let app: TestApp;
    const southvaleSystem = systemActor(southvale.partnershipId, 'test');
    const southvaleCouncil = '7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b02';
    before(async () => {
      app = await createTestApp(kind);
      await createPartnership(app.deps, southvaleSystem, { id: southvale.partnershipId, name: 'Southvale' });
      await createOrganisation(app.deps, southvaleSystem, {
        id: southvaleCouncil,
        name: 'Southvale Council',
        type: 'council_childrens_social_care',
      });
    });
    after(() => app.close());

    const signInAs = (email: string) =>
      signIn(
        { ...app.deps, rateLimiter: new SignInRateLimiter(app.clock) },
        { email, password: DEMO_PASSWORD, address: '198.51.100.1' },
      );

    test('a Northshire email signs in to Northshire and a Southvale email to Southvale', async () => {
      await createUser(app.deps, southvaleSystem, {
        email: 'Kim.Ng@Southvale.example',
        displayName: 'Kim Ng',
        password: DEMO_PASSWORD,
        organisationId: southvaleCouncil,
        role: 'practitioner',
      });
      const kim = await signInAs('kim.ng@southvale.example');
      assert.equal(kim.actor.partnershipId, southvale.partnershipId);
      assert.ok(kim.token.startsWith(`${southvale.partnershipId}.`));
      const sam = await signInAs('sam.patel@northshire.example');
      assert.equal(sam.actor.partnershipId, demoPartnership.id);
    });

    test('an email that has an account in Northshire cannot be given one in Southvale', async () => {
      const before = await app.count('app_user');
      await assert.rejects(
        createUser(app.deps, southvaleSystem, {
          email: 'SAM.PATEL@northshire.example',
          displayName: 'Sam Patel',
          password: DEMO_PASSWORD,
          organisationId: southvaleCouncil,
          role: 'practitioner',
        }),
        (error: unknown) =>
          error instanceof DomainError && error.code === 'conflict' && error.fields?.[0]?.field === 'email',
      );
      assert.equal(await app.count('app_user'), before, 'nothing was written');
    });
  });
}
