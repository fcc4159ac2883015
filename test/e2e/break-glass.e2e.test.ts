// Break-glass in a real browser (issue 16 points 7 and 8(c)): a housing practitioner breaks glass
// on Sam Taylor, with the warning, the reasons and their errors, and sees the whole view under
// 'emergency' with the time left; then the council's data protection officer, whose organisation
// holds Sam's records, finds it in the review queue and records an outcome. axe-core must find
// no problems on any page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertPeople, people } from '../support/northshire-people.ts';
import { assertAccessible, browserSuite, heading, menu, signIn, title, needsChromium } from './browser.ts';

describe('break-glass in Chromium', needsChromium, () => {
  const { journey } = browserSuite({ prepare: (deps) => insertPeople(deps.db) });

  it('a practitioner breaks glass on a child and sees the whole view with the time left', () =>
    journey(async ({ page }) => {
      await signIn(page, 'ben.carter@northshire.example');
      await heading(page, 'Home');
      await page.goto(`/persons/${people.samTaylor}?purpose=child_protection_conference`);
      await page.getByRole('link', { name: 'Break glass: emergency access' }).click();
      await heading(page, 'Break glass: emergency access');
      await page.getByText('Breaking glass is recorded and reviewed').waitFor();
      await assertAccessible(page, 'the break-glass warning');

      await page.getByRole('button', { name: 'Break glass and open the record' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      assert.deepEqual(
        await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
        ['#reasonCode', '#reasonText'],
      );
      await title(page, 'Error: Break glass: emergency access – Tessera');
      await assertAccessible(page, 'the break-glass form with errors');

      await page.getByLabel('A child is missing and may be in danger').check();
      await page
        .getByLabel('What is happening, and why can it not wait?')
        .fill('Sam did not come home; police asked where the family might have gone');
      await page.getByRole('button', { name: 'Break glass and open the record' }).click();
      await page.getByText('You broke glass to see this child').waitFor();
      assert.match(
        await page.getByTestId('break-glass-time-left').innerText(),
        /^60 minutes left: access ends at /,
      );
      await page.getByText('Emergency (break-glass)').first().waitFor();
      await assertAccessible(page, 'the view under emergency');
    }));

  it('the data protection officer of a holding organisation reviews it', () =>
    journey(async ({ page }) => {
      await signIn(page, 'dana.okafor@northshire.example');
      await heading(page, 'Home');
      assert.ok((await menu(page)).includes('Break-glass reviews'));
      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Break-glass reviews' })
        .click();
      await heading(page, 'Break-glass reviews');
      const row = page.locator('table tbody tr', { hasText: 'Ben Carter' }).first();
      await row.getByText('To review').waitFor();
      await assertAccessible(page, 'the review queue');

      await row.getByRole('link').click();
      await heading(page, 'Break-glass by Ben Carter');
      await page.getByText('Sam did not come home').waitFor();
      await assertAccessible(page, 'a break-glass to review');

      await page.getByLabel('Justified', { exact: true }).check();
      await page.getByLabel('Your reasons').fill('Child missing overnight; access was proportionate');
      await page.getByRole('button', { name: 'Record the outcome' }).click();
      await page.getByText('Outcome recorded: Justified').waitFor();
      await assertAccessible(page, 'a reviewed break-glass');

      await page.getByRole('link', { name: 'Back to break-glass reviews' }).click();
      await heading(page, 'Break-glass reviews');
      await page.locator('table tbody tr', { hasText: 'Ben Carter' }).getByText('Justified').waitFor();
    }));
});
