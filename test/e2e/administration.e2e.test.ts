// Partnership administration in a real browser against the real server: the partnership
// administrator's organisations and partnership roles, an organisation administrator's people
// and roles, the DPO's register of role grants, changing organisation and changing password,
// with axe-core finding no accessibility problems on any page visited.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertAccessible,
  browserSuite,
  DEMO_PASSWORD,
  heading,
  menu,
  signIn,
  title,
  needsChromium,
} from './browser.ts';

const alex = 'alex.morgan@northshire.example';
const csc = "Northshire County Council Children's Services";

describe('partnership administration in Chromium', needsChromium, () => {
  const { journey } = browserSuite();

  it('lets each administrator grant only their own roles, and the DPO see every grant', () =>
    journey(async ({ page }) => {
      await signIn(page, alex);
      await heading(page, 'Home');
      assert.deepEqual(await menu(page), [
        'Home',
        'Alerts',
        'Legal gateways',
        'Agreements',
        'Organisations',
        'Users',
        'Possible matches',
        'Audit',
        'Agency feeds',
        'Change password',
        'Sign out',
      ]);
      const nav = page.getByRole('navigation', { name: 'Menu' });

      await nav.getByRole('link', { name: 'Organisations' }).click();
      await heading(page, 'Organisations');
      await page.getByRole('rowheader', { name: 'Northshire Police' }).waitFor();
      await assertAccessible(page, 'the organisations page');
      await page.getByRole('button', { name: 'Add organisation' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      assert.deepEqual(
        await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
        ['#name', '#type'],
      );
      await title(page, 'Error: Organisations – Tessera');
      await assertAccessible(page, 'the organisations page with errors');
      await page.getByLabel('Name').fill('Northshire Youth Club');
      await page.getByLabel('Type of organisation').selectOption({ label: 'Charity' });
      await page.getByRole('button', { name: 'Add organisation' }).click();
      await page.getByText('Northshire Youth Club has been added').waitFor();
      await page.locator('table tr', { hasText: 'Northshire Youth Club' }).waitFor();
      await assertAccessible(page, 'the organisations page after adding one');

      // The directory entry partners see when no record names a lead worker (issue 14 point 5).
      await page.getByRole('link', { name: 'Contact point for Northshire Police' }).click();
      await heading(page, 'Contact point for partners');
      await page.getByLabel('Team or post').fill('Child abuse investigation team');
      await page.getByLabel('Work telephone (optional)').fill('ring the front desk');
      await page.getByRole('button', { name: 'Save contact point' }).click();
      await page
        .locator('.govuk-error-summary')
        .getByRole('link', { name: /Enter a telephone number/ })
        .waitFor();
      await title(page, 'Error: Contact point for partners – Tessera');
      await assertAccessible(page, 'the contact point page with an error');
      await page.getByLabel('Work telephone (optional)').fill('01632 960 222');
      await page.getByRole('button', { name: 'Save contact point' }).click();
      await page.getByText('The contact point has been saved').waitFor();
      await assertAccessible(page, 'the contact point page after saving');
      await nav.getByRole('link', { name: 'Organisations' }).click();
      await heading(page, 'Organisations');

      await nav.getByRole('link', { name: 'Users' }).click();
      await heading(page, 'Users');
      await page.getByRole('rowheader', { name: /Dana Okafor/ }).waitFor();
      await assertAccessible(page, 'the users page');

      await page.getByRole('button', { name: 'Add a user' }).click();
      await heading(page, 'Add a user');
      await page.getByLabel('Organisation').waitFor();
      await page.getByRole('button', { name: 'Add user' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      await assertAccessible(page, 'the add user page with errors');
      // A partnership administrator gives partnership roles, in his own organisation only.
      assert.deepEqual(await page.getByLabel('Role').locator('option').allTextContents(), [
        'Select a role',
        'Partnership administrator',
      ]);
      await page.getByLabel('Email address').fill('kai.newton@northshire.example');
      await page.getByLabel('Full name').fill('Kai Newton');
      await page.getByLabel('Password for their first sign-in').fill('orbit lantern meadow 7');
      await page.getByLabel('Organisation').selectOption({ label: csc });
      await page.getByLabel('Role').selectOption({ label: 'Partnership administrator' });
      await page.getByRole('button', { name: 'Add user' }).click();
      await heading(page, 'Users');
      await page.getByText('Kai Newton has been added').waitFor();
      assert.equal(
        await page.getByRole('link', { name: /End Sam Patel.s membership/ }).count(),
        0,
        "a council practitioner's role is the council's administrator's to end",
      );
      assert.equal(await page.getByRole('link', { name: 'Add membership for Alex Morgan' }).count(), 0);

      await nav.getByRole('link', { name: 'Audit' }).click();
      await heading(page, 'Audit log');
      await page.locator('.govuk-notification-banner', { hasText: 'Audit log verified' }).waitFor();
      assert.equal(await page.locator('table').count(), 0, 'verify_audit alone does not show the events');
      await assertAccessible(page, 'the audit page with verification only');

      await nav.getByRole('link', { name: 'Change password' }).click();
      await heading(page, 'Change your password');
      await assertAccessible(page, 'the change password page');
      await page.getByLabel('Current password').fill(DEMO_PASSWORD);
      await page.getByLabel('New password', { exact: true }).fill('quiet harbour signal 9');
      await page.getByLabel('Confirm new password').fill('something else entirely');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page
        .locator('.govuk-error-summary')
        .getByRole('link', { name: 'The passwords do not match' })
        .waitFor();
      await assertAccessible(page, 'the change password page with an error');

      // The council's own administrator gives Kai a council role, and ends another.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, 'lee.harper@northshire.example');
      await heading(page, 'Home');
      assert.deepEqual(await menu(page), [
        'Home',
        'Alerts',
        'Legal gateways',
        'Agreements',
        'Contact point',
        'Users',
        'Agency feeds',
        'Change password',
        'Sign out',
      ]);
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Users' }).click();
      await heading(page, 'Users');
      await page.getByRole('link', { name: 'Add membership for Kai Newton' }).click();
      await heading(page, 'Add a membership');
      await page.getByLabel('Organisation').waitFor();
      await assertAccessible(page, 'the add membership page');
      await page.getByLabel('Organisation').selectOption({ label: csc });
      await page.getByLabel('Role').selectOption({ label: 'Practitioner' });
      await page.getByRole('button', { name: 'Add membership' }).click();
      await page.getByText(`Kai Newton is now a member of ${csc}`).waitFor();
      const kai = page.locator('table tbody tr', { hasText: 'Kai Newton' });
      assert.match((await kai.textContent()) ?? '', /Practitioner, Northshire County Council/);
      await page
        .getByRole('link', { name: /End Grace Obi.s membership as Front door \(MASH\) officer/ })
        .click();
      await heading(page, 'Are you sure you want to end this membership?');
      await assertAccessible(page, 'the end membership page');
      await page.getByRole('button', { name: 'End membership' }).click();
      await page.getByText(/Grace Obi.s membership as Front door \(MASH\) officer, .* has ended/).waitFor();
      assert.equal(await page.locator('table tbody tr', { hasText: 'Grace Obi' }).count(), 0);

      // The council's DPO sees both grants and the end in the register, and who made each.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, 'dana.okafor@northshire.example');
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Role grants' }).click();
      await heading(page, 'Role grants');
      await title(page, 'Role grants – Tessera');
      const kaiRows = page.locator('table tbody tr', { hasText: 'Kai Newton' });
      await kaiRows.first().waitFor();
      assert.deepEqual(
        (await kaiRows.allTextContents()).map((t) => /Lee Harper|Alex Morgan/.exec(t)?.[0]),
        ['Lee Harper', 'Alex Morgan'],
      );
      assert.match(
        (await page.locator('table tbody tr', { hasText: 'Grace Obi' }).textContent()) ?? '',
        /The platform operator.*Lee Harper/,
      );
      await assertAccessible(page, 'the register of role grants');

      // Kai, now with two roles, acts as a practitioner instead, then changes password.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, 'kai.newton@northshire.example', 'orbit lantern meadow 7');
      await heading(page, 'Home');
      assert.match(
        (await page.locator('header').textContent()) ?? '',
        /Partnership administrator, Northshire/,
      );
      await assertAccessible(page, 'the home page with a choice of organisation');
      await page.getByLabel(`Practitioner at ${csc}`).check();
      await page.getByRole('button', { name: 'Change', exact: true }).click();
      await page.getByText(`You are now acting as Practitioner at ${csc}`).waitFor();
      assert.match((await page.locator('header').textContent()) ?? '', /Practitioner, Northshire County/);

      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Change password' })
        .click();
      await heading(page, 'Change your password');
      await page.getByLabel('Current password').fill('orbit lantern meadow 7');
      await page.getByLabel('New password', { exact: true }).fill('quiet harbour signal 9');
      await page.getByLabel('Confirm new password').fill('quiet harbour signal 9');
      await page.getByRole('button', { name: 'Change password' }).click();
      await heading(page, 'Home');
      await page.getByText('Your password has been changed').waitFor();
      // The new session (and its new CSRF token) is in use: a state change still works.
      await page.getByLabel(`Partnership administrator at ${csc}`).check();
      await page.getByRole('button', { name: 'Change', exact: true }).click();
      await page.getByText(`You are now acting as Partnership administrator at ${csc}`).waitFor();
    }));
});
