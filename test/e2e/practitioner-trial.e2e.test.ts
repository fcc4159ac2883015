// Issue 14, as the people in the trial would walk it, at desktop and phone (390 px) widths:
// a social worker opens a child without a purpose, reads the chronology in plain sentences,
// meets the not-found and no-access pages, finds the child again on the home page's worklist and
// is warned before the session times out; a police officer is not offered looked-after care; the
// partnership administrator finds doubtful matches waiting; the DPO reads the audit in words.
// axe-core (WCAG 2.2 AA rules) must find nothing on any page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { insertPeople, people } from '../support/northshire-people.ts';
import { DEMO_PASSWORD, assertAccessible, browserSuite, heading, signIn } from './browser.ts';

const PHONE = { width: 390, height: 844 };

async function noSidewaysScroll(page: Page, where: string): Promise<void> {
  const [scroll, width, wide] = await page.evaluate(() => {
    const w = window.innerWidth;
    const over = [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1 && e.getClientRects().length > 0)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
    return [document.documentElement.scrollWidth, w, over.join(', ')] as const;
  });
  assert.ok(scroll <= width, `${where}: the page is ${scroll}px wide in a ${width}px window (${wide})`);
}

describe('a practitioner walks issue 14 in Chromium', () => {
  const { journey } = browserSuite({ prepare: (deps) => insertPeople(deps.db) });

  it('a social worker opens a child without a purpose, reads the chronology, and comes back to it from home', () =>
    journey(async ({ page }) => {
      await page.clock.install();
      await signIn(page, 'sam.patel@northshire.example');
      await heading(page, 'Home');
      await page.getByRole('heading', { name: 'Children you looked at recently' }).waitFor();
      await page.getByText('You have not opened a child’s record yet.').waitFor();
      await assertAccessible(page, 'the home page worklist, empty');

      // A link with no purpose asks for one, before anything about the child is read.
      await page.goto(`/persons/${people.samTaylor}`);
      await heading(page, 'Why are you looking at this child?');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('alert').getByText('Select why you are looking').waitFor();
      await assertAccessible(page, 'the purpose question with an error');
      await page.getByLabel('Purpose').selectOption('s47_enquiry');
      await page.getByRole('button', { name: 'Continue' }).click();
      await heading(page, 'Sam Taylor');

      // The chronology in sentences: dates in words, no ISO dates, no codes, no agency ids.
      const rows = page.locator('table.app-chronology tbody tr');
      await rows.first().waitFor();
      const text = (await rows.allTextContents()).join('\n');
      assert.match(text, /Child protection plan from 5 Oct 2026/);
      assert.match(text, /Domestic abuse incident: Domestic incident at the home address/);
      assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}|relatedPersonId|[a-z]+_[a-z]+/);
      assert.match(text, /Not given by the agency/, "'Recorded' is the agency's own date, not the load time");
      await assertAccessible(page, 'the child view with sentences');

      // A purpose this role may not act for: asked again, saying why; nothing about the child.
      await page.goto(`/persons/${people.samTaylor}?purpose=operation_encompass`);
      await heading(page, 'Why are you looking at this child?');
      await page.getByText('Your role cannot look at children for Operation Encompass').waitFor();
      await assertAccessible(page, 'a purpose the role may not act for');

      // A child not there: the same page as a child not hers (the police journey compares them),
      // with the way back to search.
      await page.goto(`/persons/${people.nobody}?purpose=s47_enquiry`);
      await heading(page, 'Child not found');
      await assertAccessible(page, 'child not found');
      await page.getByRole('link', { name: 'Find a child' }).last().click();
      await heading(page, 'Find a child');

      // An admin page: the function is named, and who has it, rather than "page not found".
      await page.goto('/link-reviews');
      await heading(page, 'You cannot use this page');
      await page.getByText('It is for the partnership administrator.').waitFor();
      await assertAccessible(page, 'a page the role cannot use');

      // Home: the child she opened is on her worklist, for the purpose she opened it for.
      await page.goto('/');
      await page.getByRole('link', { name: 'Sam Taylor' }).click();
      await heading(page, 'Sam Taylor');
      assert.match(page.url(), /purpose=s47_enquiry/);

      // Phone width: the chronology as summary cards, nothing runs off the screen.
      await page.setViewportSize(PHONE);
      await page.locator('.app-chronology-cards .govuk-summary-card').first().waitFor();
      assert.equal(await page.locator('table.app-chronology').isVisible(), false);
      assert.equal(await page.locator('.app-family__graph').isVisible(), false);
      await noSidewaysScroll(page, 'the child view at 390 px');
      await assertAccessible(page, 'the child view at 390 px');

      // Two minutes before the idle timeout: the GOV.UK timeout warning, and staying signed in.
      const path = new URL(page.url()).pathname + new URL(page.url()).search;
      await page.clock.fastForward('27:30');
      const dialog = page.getByRole('dialog', { name: 'You’re about to be signed out' });
      await dialog.waitFor();
      await assertAccessible(page, 'the timeout warning');
      await dialog.getByRole('button', { name: 'Stay signed in' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // Left alone past the timeout: signed out, and back on the same page after signing in.
      await page.clock.fastForward('29:30');
      await heading(page, 'Sign in to Tessera');
      await page.getByText('You have been signed out').first().waitFor();
      await page.getByLabel('Email address').fill('sam.patel@northshire.example');
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await heading(page, 'Sam Taylor');
      assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, path);
    }));

  it('a police officer is not offered, nor shown, looked-after care', () =>
    journey(async ({ page }) => {
      await signIn(page, 'dc.jones@northshire.example');
      await heading(page, 'Home');
      await page.goto('/persons');
      const options = page.getByLabel('What are you searching for?').locator('option');
      await options.nth(1).waitFor({ state: 'attached' });
      const offered = await options.allTextContents();
      assert.ok(offered.includes('Section 47 enquiry'));
      assert.equal(offered.includes('Care of a looked-after child'), false);
      await page.goto(`/persons/${people.samTaylor}?purpose=looked_after_care`);
      await heading(page, 'Why are you looking at this child?');
      await page.getByText('Your role cannot look at children for Care of a looked-after child').waitFor();
      await assertAccessible(page, 'looked-after care refused to the police');

      // A child he may not see and no child at all answer the same page (DESIGN.md rule 2).
      await page.goto(`/persons/${people.nobody}?purpose=s47_enquiry`);
      await heading(page, 'Child not found');
      const missing = await page.locator('main').textContent();
      await page.goto(`/persons/${people.miaHughes}?purpose=s47_enquiry`);
      await heading(page, 'Child not found');
      assert.equal(await page.locator('main').textContent(), missing);
    }));

  for (const [label, viewport] of [
    ['desktop', null],
    ['390 px', PHONE],
  ] as const)
    it(`the partnership administrator finds doubtful matches and rejected rows on the home page (${label})`, () =>
      journey(async ({ page }) => {
        if (viewport) await page.setViewportSize(viewport);
        await signIn(page, 'alex.morgan@northshire.example');
        await heading(page, 'Home');
        await page.getByRole('link', { name: /possible match(es)? (is|are) waiting for review/ }).waitFor();
        await page.getByRole('heading', { name: 'Feed runs with rejected rows' }).waitFor();
        // Feed runs are shown to the administrator of the organisation that sent them.
        await page
          .getByText(/No recent feed run rejected any rows|rows? rejected/)
          .first()
          .waitFor();
        await noSidewaysScroll(page, `home at ${label}`);
        await assertAccessible(page, `the administrator's worklist at ${label}`);
        await page.getByRole('link', { name: /possible match(es)? (is|are) waiting for review/ }).click();
        await heading(page, 'Possible matches');
        await page.locator('table tbody tr').first().waitFor();
      }));

  it('the system administrator is told the review queue belongs to the partnership administrator', () =>
    journey(async ({ page }) => {
      await signIn(page, 'chris.lee@northshire.example');
      await heading(page, 'Home');
      // Every organisation's feed runs: the police's, with the impossible date, is waiting.
      await page.getByRole('link', { name: /^police-people/ }).waitFor();
      await page.goto('/link-reviews');
      await heading(page, 'You cannot use this page');
      await page.getByText('It is for the partnership administrator.').waitFor();
      await assertAccessible(page, 'the review queue refused to the system administrator');
    }));

  it('the data protection officer reads the audit in words', () =>
    journey(async ({ page }) => {
      await signIn(page, 'dana.okafor@northshire.example');
      await heading(page, 'Home');
      await page.goto('/audit');
      await page.locator('table tbody tr').first().waitFor();
      const text = (await page.locator('table').textContent()) ?? '';
      assert.doesNotMatch(text, /Purpose: [a-z0-9]+_[a-z_0-9]+/, 'no purpose codes');
      assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, 'no raw ids');
      await assertAccessible(page, 'the audit page');

      // Starting from a child: every event about them, and who has been shown something. (The
      // social worker's journey above opened Sam Taylor for a s47 enquiry.)
      await page.goto(`/audit?subjectType=person&subjectId=${people.samTaylor}`);
      const seen = page.locator('section', { hasText: 'Who has seen this child' });
      await seen.getByRole('heading', { name: 'Who has seen this child' }).waitFor();
      await seen
        .locator('ul, p')
        .filter({ hasText: /Sam Patel|Nobody has been shown/ })
        .first()
        .waitFor();
      await assertAccessible(page, 'who has seen this child');
    }));
});
