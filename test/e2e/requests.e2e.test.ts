// Requests for information in a real browser: the council's front door officer asks the police
// and the hospital trust about a child; the police responder finds it in their inbox with its
// RAG rating and time left, and asks for clarification, which stops the clock. axe-core finds
// no accessibility problems on any page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, browserSuite, heading, menu, signIn, title, needsChromium } from './browser.ts';

describe('requests for information in Chromium', needsChromium, () => {
  const { journey } = browserSuite();

  it('a front door officer asks police and health; the police responder asks to clarify', async () => {
    await journey(async ({ page }) => {
      await signIn(page, 'grace.obi@northshire.example');
      await heading(page, 'Home');
      assert.ok((await menu(page)).includes('Requests'));
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Requests' }).click();
      await heading(page, 'Requests for information');
      await assertAccessible(page, 'the requests inbox');
      await page.getByRole('link', { name: 'Make a request' }).click();
      await heading(page, 'Make a request for information');
      await page.getByLabel('Legal gateway').waitFor();

      // Sent empty: every field is named.
      await page.getByRole('button', { name: 'Send request' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      await title(page, 'Error: Make a request for information – Tessera');
      await assertAccessible(page, 'a request with errors');

      await page.getByLabel('First name').fill('Ava');
      await page.getByLabel('Last name').fill('Brown');
      await page.getByLabel('Date of birth').fill('2016-05-01');
      await page.getByLabel('Child protection enquiry (Children Act 1989 s47)').check();
      await page.getByLabel('Legal gateway').selectOption('CA1989-S47');
      await page.getByLabel('Red').check();
      await page.getByLabel('What do you want to know?').fill('Any incidents at the home address this year?');
      await page.getByLabel('Northshire Police').check();
      await page.getByLabel('Northshire Hospitals NHS Foundation Trust').check();
      await page.getByRole('button', { name: 'Send request' }).click();
      await page.getByText('Request sent to 2 agencies').waitFor();
      await heading(page, 'Ava Brown');
      await page.getByRole('heading', { name: 'Northshire Police' }).waitFor();
      await page.getByRole('heading', { name: 'Northshire Hospitals NHS Foundation Trust' }).waitFor();
      await assertAccessible(page, 'a request as its requester sees it');
    });

    await journey(async ({ page }) => {
      await signIn(page, 'ps.khan@northshire.example');
      await heading(page, 'Home');
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Requests' }).click();
      await heading(page, 'Requests for information');
      const row = page.locator('table tbody tr', { hasText: 'Ava Brown' });
      await row.waitFor();
      assert.match(await row.innerText(), /Red/);
      assert.match(await row.innerText(), /(1 hour \d+ minutes|2 hours) left/);
      await assertAccessible(page, 'the police inbox');

      await row.getByRole('link', { name: 'Ava Brown' }).click();
      await heading(page, 'Ava Brown');
      await page.getByRole('heading', { name: 'Northshire Police' }).waitFor();
      // The police see their own check only.
      assert.equal(
        await page.getByRole('heading', { name: 'Northshire Hospitals NHS Foundation Trust' }).count(),
        0,
      );
      await assertAccessible(page, 'a request as the asked agency sees it');
      await page.getByLabel('What do you need to know?').fill('Which address: the mother’s or the father’s?');
      await page.getByRole('button', { name: 'Ask to clarify' }).click();
      await page.getByText('The requester has been asked to clarify').waitFor();
      await page.getByText('Waiting for clarification').waitFor();
      await page.getByText('The clock is stopped').waitFor();
      await assertAccessible(page, 'a request waiting for clarification');
    });
  });
});
