// The single view in a real browser against the real server and Northshire's demo agreements:
// a social worker finds Sam Taylor for a s47 enquiry and sees the police, hospital and school
// records those agreements allow; a police officer opening the same child for the same purpose
// sees a different view, without the hospital's. axe-core must find no problems on any page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { insertPeople, people } from '../support/northshire-people.ts';
import { assertAccessible, browserSuite, heading, menu, signIn, title, needsChromium } from './browser.ts';

const hospital = 'Emergency department: bruising to the forearm';

async function chronologyRows(page: Page): Promise<string[]> {
  await page.locator('table.app-chronology tbody tr').first().waitFor();
  return page.locator('table.app-chronology tbody tr').allTextContents();
}

describe('the single view of a child in Chromium', needsChromium, () => {
  const { journey } = browserSuite({ prepare: (deps) => insertPeople(deps.db) });

  it('a social worker searches for a child for a s47 enquiry and reads the view, filters and prints the chronology', () =>
    journey(async ({ page }) => {
      await signIn(page, 'sam.patel@northshire.example');
      await heading(page, 'Home');
      assert.ok((await menu(page)).includes('Find a child'));
      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Find a child' })
        .click();
      await heading(page, 'Find a child');
      await page
        .getByLabel('What are you searching for?')
        .locator('option')
        .nth(1)
        .waitFor({ state: 'attached' });
      await assertAccessible(page, 'the search page');

      // Without a purpose: the error summary, linked to the field.
      await page.getByLabel('Name').fill('Sam Taylor');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('alert').getByText('Select what you are searching for').waitFor();
      await title(page, 'Error: Find a child – Tessera');
      await assertAccessible(page, 'the search page with an error');

      // A name alone is not enough to search by: the page says what to add.
      await page.getByLabel('What are you searching for?').selectOption('s47_enquiry');
      await page.getByRole('button', { name: 'Search' }).click();
      await page
        .getByRole('alert')
        .getByText('Enter a date of birth with the name, or search by NHS number')
        .waitFor();
      await page.getByLabel('Date of birth').fill('2017-05-12');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('heading', { name: '1 child found' }).waitFor();
      assert.equal(page.url().includes('Taylor'), false, 'search terms never reach the URL');
      await assertAccessible(page, 'the search results');
      await page.getByRole('link', { name: 'Sam Taylor' }).click();

      await heading(page, 'Sam Taylor');
      await page.getByText('Child protection plan since 5 October 2026').waitFor();
      const lead = await page
        .getByRole('row', { name: /Children's Services/ })
        .first()
        .textContent();
      assert.match(lead ?? '', /Sam Patel.*01632 960 101/);
      const rows = await chronologyRows(page);
      assert.ok(
        rows.some((r) => r.includes(hospital)),
        'the trust’s record, under T2 s47',
      );
      assert.ok(
        rows.some((r) => r.includes('99.8%')),
        'the police link’s confidence',
      );
      // "Why can I see this?" grouped by agreement, with what the purpose never shows (issue 14.6).
      await page.getByText('Why can I see this?').click();
      await page
        .getByRole('link', { name: /^T2-\d+: / })
        .first()
        .waitFor();
      await page
        .getByRole('heading', { name: 'What this purpose never shows from other agencies' })
        .waitFor();
      await page.getByRole('heading', { name: 'If you need more' }).waitFor();
      await page.getByRole('img', { name: /Timeline of the chronology/ }).waitFor();
      await assertAccessible(page, 'the child view for a social worker');

      // Kinds of record in words, offered only where the social worker can see one (no housing:
      // Northshire's demo agreements share no housing records for s47 enquiries).
      const kindOptions = () => page.getByLabel('Kind of record').locator('option').allTextContents();
      assert.deepEqual(await kindOptions(), [
        'Any kind',
        'Health contact (emergency department, health visitor)',
        'Involvement (early help, child in need, plans, looked after)',
        'Police incident',
        'School attendance',
      ]);
      await page
        .getByLabel('Kind of record')
        .selectOption({ label: 'Health contact (emergency department, health visitor)' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/kinds=health_contact/);
      await page.waitForFunction(
        () => document.querySelectorAll('table.app-chronology tbody tr').length === 1,
      );
      assert.match((await chronologyRows(page))[0] ?? '', /bruising to the forearm/);
      assert.equal(await page.getByLabel('Kind of record').inputValue(), 'health_contact');
      await assertAccessible(page, 'the chronology filtered by kind');

      // A kind typed into the address that the chronology never holds: the error names the field.
      await page.goto(`${new URL(page.url()).pathname}?purpose=s47_enquiry&kinds=gossip`);
      await page
        .getByRole('alert')
        .getByText(/Choose kinds of record from/)
        .waitFor();
      await page
        .getByRole('alert')
        .getByRole('link', { name: /Choose kinds of record/ })
        .click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'kinds');
      await assertAccessible(page, 'the chronology with a kind it never holds');

      await page.getByRole('link', { name: 'Clear filters' }).click();
      await page.waitForURL((url) => !url.search.includes('kinds'));
      await page.getByLabel('Fact or opinion').selectOption('opinion');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/factOrOpinion=opinion/);
      await page.waitForFunction(
        () => document.querySelectorAll('table.app-chronology tbody tr').length === 1,
      );
      assert.match((await chronologyRows(page))[0] ?? '', /HYPERLINK/);
      await assertAccessible(page, 'the filtered chronology');

      await page.getByRole('link', { name: 'Printable chronology' }).click();
      await heading(page, 'Multi-agency chronology: Sam Taylor');
      // The printed page says whose chronology it is, who produced it, why and with which filters.
      const details = await page.locator('.app-print-details').innerText();
      assert.match(details, /Sam Taylor/);
      assert.match(details, /Sam Patel, Practitioner, Northshire County Council Children's Services/);
      assert.match(details, /Section 47 enquiry/i);
      assert.match(details, /Opinions only/);
      assert.match(await page.locator('main').innerText(), /OFFICIAL-SENSITIVE/);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByRole('navigation', { name: 'Menu' }).isVisible(), false);
      assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
      await page.emulateMedia({ media: 'screen' });
      await assertAccessible(page, 'the printable chronology');
    }));

  it('a police officer opening the same child for the same purpose sees a different view', () =>
    journey(async ({ page }) => {
      await signIn(page, 'dc.jones@northshire.example');
      await heading(page, 'Home');
      await page.goto(`/persons/${people.samTaylor}?purpose=s47_enquiry`);
      await heading(page, 'Sam Taylor');
      await page.getByText('Child protection plan since 5 October 2026').waitFor();
      const rows = await chronologyRows(page);
      assert.ok(!rows.some((r) => r.includes(hospital)), 'no health records reach the police');
      assert.ok(rows.some((r) => r.includes('Domestic incident at the home address')));
      const kinds = await page.getByLabel('Kind of record').locator('option').allTextContents();
      assert.ok(kinds.includes('Police incident'));
      assert.ok(
        !kinds.some((k) => k.startsWith('Health contact') || k === 'School attendance'),
        'no kind is offered that the officer cannot see: nothing hints at hidden records',
      );
      await assertAccessible(page, 'the child view for a police officer');

      await page.goto(`/persons/${people.miaHughes}?purpose=s47_enquiry`);
      await heading(page, 'Child not found');
      await assertAccessible(page, 'a child the officer may not see');
    }));
});
