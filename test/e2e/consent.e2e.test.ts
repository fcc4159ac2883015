// Consent in a real browser: a school nurse records a mother's consent to share Sam Taylor's
// physical health with the school for early help, is told what she missed on the way, and then
// records its withdrawal. axe-core must find no problems on any page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertPeople, people } from '../support/northshire-people.ts';
import { assertAccessible, browserSuite, heading, signIn, title, needsChromium } from './browser.ts';

const today = new Date().toISOString().slice(0, 10);
const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;

describe('consent to share in Chromium', needsChromium, () => {
  const { journey } = browserSuite({ prepare: (deps) => insertPeople(deps.db) });

  it('a practitioner records a parent’s consent and its withdrawal from the child’s page', () =>
    journey(async ({ page }) => {
      await signIn(page, 'nurse.walsh@northshire.example');
      await heading(page, 'Home');
      await page.goto(`/persons/${people.samTaylor}?purpose=early_help`);
      await page.getByRole('heading', { name: 'Consent to share' }).waitFor();
      await page.getByRole('heading', { name: 'Consent to share' }).waitFor();
      await page.getByText('Your organisation has recorded no consent for this child.').waitFor();
      await page.getByRole('link', { name: 'Record a consent' }).click();
      await heading(page, 'Record a consent to share');
      await assertAccessible(page, 'the record consent page');

      // Nothing chosen: each problem in the summary, linked to its field.
      await page.getByRole('button', { name: 'Record consent' }).click();
      await page
        .getByRole('alert')
        .getByText('Say whether the child or a person with parental responsibility gave consent')
        .waitFor();
      await title(page, 'Error: Record a consent to share – Tessera');
      await assertAccessible(page, 'the record consent page with errors');

      // A parent, but without saying how she holds parental responsibility: refused at that field.
      await page.getByLabel('A person with parental responsibility').check();
      await page.getByLabel('Their full name').fill('Kelly Taylor');
      await page.getByLabel('Their relationship to the child').fill('Mother');
      await page.getByLabel('Riverside Primary School').check();
      await page.getByLabel('Physical health').check();
      await page.getByLabel('In writing').check();
      await page.getByLabel('Reference of the signed form or case note').fill('EH-CONSENT-3');
      await page.getByLabel('Date consent was given').fill(today);
      await page.getByLabel('Date consent ends').fill(nextYear);
      await page.getByRole('button', { name: 'Record consent' }).click();
      await page
        .getByRole('alert')
        .getByText(/needs a person with parental responsibility/)
        .waitFor();
      await assertAccessible(
        page,
        'the record consent page refusing a giver without parental responsibility',
      );

      await page.getByLabel('How do they hold parental responsibility?').selectOption('mother');
      await page.getByRole('button', { name: 'Record consent' }).click();
      await page.getByRole('heading', { name: 'Consent to share' }).waitFor();
      await page.getByText('Consent recorded').waitFor();
      await page.getByRole('heading', { name: 'Consent 1: In force' }).waitFor();
      await assertAccessible(page, 'the child’s page with a consent');

      await page.getByRole('link', { name: 'Withdraw consent 1' }).click();
      await heading(page, 'Withdraw consent');
      await assertAccessible(page, 'the withdraw consent page');
      await page.getByLabel('A person with parental responsibility').check();
      await page.getByLabel('Verbally').check();
      await page.getByRole('button', { name: 'Withdraw consent' }).click();
      await page.getByRole('heading', { name: 'Consent to share' }).waitFor();
      await page.getByText('Consent withdrawn').waitFor();
      const card = await page.getByRole('heading', { name: /^Consent 1: Withdrawn/ }).textContent();
      assert.match(card ?? '', /Withdrawn/);
      await assertAccessible(page, 'the child’s page with a withdrawn consent');
    }));
});
