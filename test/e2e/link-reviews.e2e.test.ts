// The review queue of person linkage in a real browser: the partnership administrator opens a
// possible match, sees both records side by side with the explanation of the score, confirms it
// with a reason, and undoes it, with axe-core finding no accessibility problems on any page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedReviewPairs } from '../support/review-pairs.ts';
import { assertAccessible, browserSuite, heading, menu, signIn, title, needsChromium } from './browser.ts';

describe('the review queue in Chromium', needsChromium, () => {
  const { journey } = browserSuite({
    prepare: async (deps) => {
      await seedReviewPairs(deps);
    },
  });

  it('lets the partnership administrator confirm a possible match and undo it', () =>
    journey(async ({ page }) => {
      await signIn(page, 'alex.morgan@northshire.example');
      await heading(page, 'Home');
      assert.ok((await menu(page)).includes('Possible matches'));
      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Possible matches' })
        .click();
      await heading(page, 'Possible matches');
      const pair = page.locator('table tbody tr', { hasText: 'It matches two people kept apart' }).first();
      await pair.waitFor();
      await assertAccessible(page, 'the review queue');

      await pair.getByRole('link').click();
      await heading(page, 'Are these the same person?');
      await page.getByRole('table', { name: 'The two records' }).waitFor();
      await page.getByRole('table', { name: 'Why the records scored this' }).getByText('Total').waitFor();
      await assertAccessible(page, 'a pair side by side');

      await page.getByRole('button', { name: 'Save decision' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      assert.deepEqual(
        await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
        ['#decision', '#reason'],
      );
      await title(page, 'Error: Are these the same person? – Tessera');
      await assertAccessible(page, 'a pair with errors');

      await page.getByLabel('Yes, the same person').check();
      await page.getByLabel('Reason for your decision').fill('Same NHS number, date of birth and address');
      await page.getByRole('button', { name: 'Save decision' }).click();
      await page.getByText('The records are now one person').waitFor();
      await page.getByText('They are one person now.').waitFor();
      await assertAccessible(page, 'a confirmed pair');

      await page.getByLabel('Why are you undoing it?').fill('Confirmed in error: checked with the school');
      await page.getByRole('button', { name: 'Undo the match' }).click();
      await page.getByText('The match has been undone').waitFor();
      await page.getByText('They are kept as different people now.').waitFor();
      await page.getByText('Match undone').waitFor();
      await assertAccessible(page, 'an undone pair');

      await page.getByRole('link', { name: 'All possible matches' }).click();
      await heading(page, 'Possible matches');
      await page.getByRole('link', { name: 'Confirmed, then undone' }).click();
      await page.locator('table tbody tr').first().waitFor();
      await assertAccessible(page, 'the undone pairs');
    }));
});
