// The ingest report in a real browser against the real server, whose demo partnership was loaded
// through the agency feeds: a data manager sees their own organisation's runs only; the system
// administrator sees every run, and the rows refused by line and reason, never their values.
// axe-core must find no problems on any page visited.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, browserSuite, heading, signIn, title, needsChromium } from './browser.ts';

describe('the ingest report in Chromium', needsChromium, () => {
  const { journey } = browserSuite();

  it("shows a partnership administrator their own organisation's runs and a clean run's counts", () =>
    journey(async ({ page }) => {
      await signIn(page, 'alex.morgan@northshire.example');
      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Agency feeds' })
        .click();
      await heading(page, 'Agency feeds');
      await title(page, 'Agency feeds – Tessera');
      await page.locator('table tbody tr').first().waitFor();
      const feeds = await page.locator('table tbody th a').allTextContents();
      assert.deepEqual([...feeds].sort(), [
        'csc-child-protection',
        'csc-involvements',
        'csc-lead-contacts',
        'csc-people',
        'csc-relationships',
      ]);
      await assertAccessible(page, 'the list of ingest runs');
      await page.getByRole('link', { name: 'csc-relationships' }).click();
      await heading(page, 'Ingest run: csc-relationships');
      await page.getByText('Every row was accepted without a warning.').waitFor();
      await assertAccessible(page, 'an ingest run report');
    }));

  it('shows the system administrator every run, and a refused row by line and reason without its value', () =>
    journey(async ({ page }) => {
      await signIn(page, 'chris.lee@northshire.example');
      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Agency feeds' })
        .click();
      await heading(page, 'Agency feeds');
      await page.getByRole('link', { name: 'police-people' }).click();
      await heading(page, 'Ingest run: police-people');
      const row = page.locator('table tbody tr').first();
      await row.waitFor();
      assert.deepEqual(await row.locator('td').allTextContents(), [
        '2',
        'birth_date',
        'Rejected',
        'The date does not exist',
      ]);
      assert.equal(await page.getByText('31/02/2015').count(), 0, 'the report never repeats the value');
      await assertAccessible(page, 'an ingest run report with a refused row');
    }));

  it('keeps the incident of the child whose details were refused, and lists it as waiting for identity', () =>
    journey(async ({ page }) => {
      await signIn(page, 'chris.lee@northshire.example');
      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Agency feeds' })
        .click();
      await heading(page, 'Agency feeds');
      await page.getByRole('link', { name: 'police-incidents', exact: true }).click();
      await heading(page, 'Ingest run: police-incidents');
      await page.getByText('1 record is kept but waiting for identity', { exact: false }).waitFor();
      await assertAccessible(page, 'an ingest run report with a record waiting for identity');
      await page.getByRole('link', { name: 'See the records waiting for identity' }).click();
      await heading(page, 'Records waiting for identity');
      await title(page, 'Records waiting for identity – Tessera');
      await page.getByRole('link', { name: 'police-incidents', exact: true }).click();
      await heading(page, 'Records waiting for identity');
      await page.getByRole('heading', { level: 2, name: 'Records of police-incidents' }).waitFor();
      const rows = page.getByRole('table').nth(1).locator('tbody tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 1);
      assert.equal((await rows.first().locator('th').textContent())?.trim(), 'PNF2c1');
      assert.match((await rows.first().locator('td').first().textContent()) ?? '', /^police-incidents NP\//);
      await assertAccessible(page, 'the records waiting for identity');
    }));
});
