// The web app's shell in a real browser against the real server: sign-in and its errors, the
// header and navigation, the audit log and its verification, sign-out and an ended session, with
// axe-core finding no accessibility problems on any page visited.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertAccessible,
  browserSuite,
  heading,
  isFocused,
  menu,
  signIn,
  title,
  needsChromium,
} from './browser.ts';

const dana = 'dana.okafor@northshire.example';

describe('web app shell in Chromium', needsChromium, () => {
  const { journey } = browserSuite();

  it('shows a wrong password in the error summary, linked to the password field', () =>
    journey(async ({ page }) => {
      await page.goto('/');
      await page.waitForURL('**/sign-in');
      await heading(page, 'Sign in to Tessera');
      await title(page, 'Sign in – Tessera');
      await assertAccessible(page, 'the sign-in page');

      await page.getByLabel('Email address').fill(dana);
      await page.getByLabel('Password', { exact: true }).fill('not-the-right-password');
      await page.getByRole('button', { name: 'Sign in' }).click();

      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      await title(page, 'Error: Sign in – Tessera');
      assert.ok(await isFocused(page, '.govuk-error-summary'), 'the error summary has focus');
      const link = summary.getByRole('link');
      assert.equal(await link.count(), 1);
      assert.equal(await link.getAttribute('href'), '#password');
      const message = (await link.textContent())?.trim() ?? '';
      assert.notEqual(message, '');
      assert.match((await page.locator('#password-error').textContent()) ?? '', new RegExp(message));
      assert.match(
        (await page.locator('#password').getAttribute('aria-describedby')) ?? '',
        /\bpassword-error\b/,
      );
      assert.equal(await page.locator('#email').inputValue(), dana, 'the email address is kept');
      await assertAccessible(page, 'the sign-in page with an error');

      await link.click();
      assert.ok(await isFocused(page, '#password'), 'the summary link moves focus to the password field');
    }));

  it('lets the data protection officer sign in, read and verify the audit log, and sign out', () =>
    journey(async ({ page }) => {
      await signIn(page, dana);
      await heading(page, 'Home');
      await title(page, 'Home – Tessera');
      const header = (await page.locator('header').textContent()) ?? '';
      assert.match(header, /Tessera/);
      assert.match(header, /Dana Okafor/);
      assert.match(header, /Data protection officer, Northshire County Council Children's Services/);
      assert.match(
        (await page.locator('main').textContent()) ?? '',
        /Signed in as Dana Okafor, Data protection officer at Northshire County Council Children's Services/,
      );
      assert.deepEqual(await menu(page), [
        'Home',
        'Alerts',
        'Legal gateways',
        'Agreements',
        'Role grants',
        'Break-glass reviews',
        'Audit',
        'Change password',
        'Sign out',
      ]);
      await assertAccessible(page, 'the home page');

      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audit' }).click();
      await heading(page, 'Audit log');
      await title(page, 'Audit log – Tessera');
      const verified = page.locator('.govuk-notification-banner', { hasText: 'Audit log verified' });
      await verified.waitFor();
      assert.match(
        (await verified.textContent()) ?? '',
        /Audit log verified: [\d,]+ events?, [\d,]+ checkpoints?/,
      );
      const signedIn = page
        .locator('table tbody tr')
        .filter({ hasText: 'Signed in' })
        .filter({ hasText: 'Dana Okafor' });
      await signedIn.first().waitFor();
      await assertAccessible(page, 'the audit page');

      await page.getByLabel('Action').selectOption({ label: 'Sign-in failed' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/action=session\.sign_in_failed/);
      await page
        .getByRole('status')
        .filter({ hasText: /Showing 1 event, newest first/ })
        .waitFor();
      const actions = await page.locator('table tbody tr td:nth-child(3)').allTextContents();
      assert.equal(actions.length, 1);
      assert.match(actions[0] ?? '', /^Sign-in failedReason: Wrong password/);
      await assertAccessible(page, 'the audit page, filtered');

      await page.goto('/no-such-page');
      await heading(page, 'Page not found');
      await title(page, 'Page not found – Tessera');
      await assertAccessible(page, 'the not-found page');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await heading(page, 'Sign in to Tessera');
      assert.match(page.url(), /\/sign-in$/);
      await page.getByText('You have signed out').waitFor();
      await assertAccessible(page, 'the sign-in page after signing out');

      await page.goto('/audit');
      await page.waitForURL('**/sign-in');
      await heading(page, 'Sign in to Tessera');
    }));

  it('goes back to sign-in, with a notice, when the session has ended', () =>
    journey(async ({ page }) => {
      await signIn(page, dana);
      await heading(page, 'Home');
      await page.context().clearCookies();
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audit' }).click();
      await heading(page, 'Sign in to Tessera');
      await page.getByText('You have been signed out').waitFor();
      await assertAccessible(page, 'the sign-in page after the session ended');
    }));

  it('shows an audit log that fails verification in red, naming the event and the problem', () =>
    journey(async ({ page }) => {
      // The real chain verifies; to see the failure panel, answer the verification request as a
      // tampered database would.
      await page.route('**/api/audit/verification', (route) =>
        route.fulfill({
          json: {
            status: 'tampered',
            verifiedEvents: 41,
            pendingEvents: 0,
            checkpointsVerified: 0,
            problem: {
              seq: 42,
              kind: 'edited',
              message: 'The digest of event 42 does not match its chain entry',
            },
            checkedAt: new Date().toISOString(),
          },
        }),
      );
      await signIn(page, dana);
      await heading(page, 'Home');
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audit' }).click();
      const banner = page.locator('.app-notification-banner--error');
      await banner.waitFor();
      const text = (await banner.textContent()) ?? '';
      assert.match(text, /The audit log has been changed at event 42/);
      assert.match(text, /Edited/);
      assert.match(text, /The digest of event 42 does not match its chain entry/);
      await page.locator('table').waitFor();
      await assertAccessible(page, 'the audit page with a failed verification');
    }));

  // Last: its failed sign-ins must not show in the audit log journey above.
  it('says plainly that sign-in is locked after five wrong passwords, and what to do if that was not you', () =>
    journey(async ({ page }) => {
      await page.goto('/sign-in');
      await heading(page, 'Sign in to Tessera');
      const email = 'ellie.shaw@northshire.example';
      for (let i = 0; i <= 5; i++) {
        await page.getByLabel('Email address').fill(email);
        await page.getByLabel('Password', { exact: true }).fill(`wrong-guess-${i}-here`);
        await page.getByRole('button', { name: 'Sign in' }).click();
        // The page clears the password when the answer comes: one attempt at a time.
        await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#password')?.value === '');
      }
      await page
        .locator('.govuk-error-summary')
        .getByText(/Sign-in is locked for 15 minutes.*tell your organisation’s administrator/)
        .waitFor();
      await assertAccessible(page, 'the sign-in page when locked');
    }));
});
