// The legal gateway catalogue in a real browser against the real server: a practitioner filters
// the list and opens gateways; a partnership's system administrator downloads the workbook but
// is offered no import, since the national catalogue is the platform's to change (the operator's
// command line). axe-core must find no problems on any page visited.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { assertAccessible, browserSuite, heading, menu, signIn, title, needsChromium } from './browser.ts';

const sam = 'sam.patel@northshire.example';
const chris = 'chris.lee@northshire.example';

describe('legal gateways in Chromium', needsChromium, () => {
  const { journey } = browserSuite();

  it('lets a practitioner filter the catalogue and open a gateway', () =>
    journey(async ({ page }) => {
      await signIn(page, sam);
      await heading(page, 'Home');
      assert.deepEqual(await menu(page), [
        'Home',
        'Alerts',
        'Find a child',
        'Requests',
        'Legal gateways',
        'Agreements',
        'Change password',
        'Sign out',
      ]);
      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Legal gateways' })
        .click();
      await heading(page, 'Legal gateways');
      await title(page, 'Legal gateways – Tessera');
      await page
        .getByRole('status')
        .getByText(/Showing \d+ gateways/)
        .waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Import a new catalogue' }).count(), 0);
      assert.equal(
        await page.getByRole('link', { name: /Download the catalogue/ }).getAttribute('href'),
        '/api/gateways/export.xlsx',
      );
      await assertAccessible(page, 'the legal gateways page');

      await page.getByLabel('Kind').selectOption({ label: 'UK GDPR Article 9 condition' });
      await page.getByLabel('Applies to').selectOption({ label: 'Police' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/kind=uk_gdpr_art9/);
      // The list is replaced once the filtered answer arrives: wait until every row is an Art 9 condition.
      await page.waitForFunction(() => {
        const cells = [...document.querySelectorAll('table tbody tr td:nth-child(2)')];
        return cells.length > 0 && cells.every((c) => c.textContent === 'UK GDPR Article 9 condition');
      });
      const applies = await page.locator('table tbody tr td:nth-child(3)').allTextContents();
      assert.ok(
        applies.every((a) => a.includes('Police') || a === 'All organisation types'),
        applies.join(' | '),
      );
      await assertAccessible(page, 'the filtered legal gateways');

      await page.getByRole('link', { name: 'Clear filters' }).click();
      await page.getByLabel('Search').fill('injunction');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByRole('status').getByText('Showing 1 gateway, in catalogue order.').waitFor();
      await page.getByRole('link', { name: /s16H: information requests/ }).click();
      await heading(page, /Children Act 2004 s16H/);
      await title(page, 'Children Act 2004 s16H: information requests by safeguarding partners – Tessera');
      const warning = page.locator('.govuk-warning-text');
      assert.match(
        (await warning.textContent()) ?? '',
        /Check it against legislation\.gov\.uk before you rely on it/,
      );
      assert.match((await page.locator('dl').textContent()) ?? '', /Children Act 2004, section 16H/);
      const source = page.locator('dl a.govuk-link').first();
      assert.match((await source.getAttribute('href')) ?? '', /^https:\/\//);
      await assertAccessible(page, 'an unchecked gateway');

      await page.goto('/gateways/DPA-S1-P18');
      await heading(page, /Sched 1 para 18/);
      await page.locator('.govuk-tag', { hasText: 'Checked' }).waitFor();
      assert.equal(await page.locator('.govuk-warning-text').count(), 0);
      await assertAccessible(page, 'a checked gateway');

      await page.goto('/gateways/NO-SUCH-GATEWAY');
      await heading(page, 'Page not found');
    }));

  it("lets a partnership's system administrator download the catalogue, but not replace it", () =>
    journey(async ({ page }) => {
      await signIn(page, chris);
      await heading(page, 'Home');
      await page.goto('/gateways');
      await heading(page, 'Legal gateways');
      await page.getByText(/no partnership can change it/).waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Import a new catalogue' }).count(), 0);
      assert.equal(await page.locator('input[type=file]').count(), 0);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /Download the catalogue/ }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'legal-gateways-v1.xlsx');
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
      assert.ok(book.getWorksheet('Legal gateways')!.rowCount > 35);
      await assertAccessible(page, 'the legal gateways page for a system administrator');
    }));
});
