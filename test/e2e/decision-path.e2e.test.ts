// The decision path (issue 16 point 2) in a real browser against the real server: a school's
// designated safeguarding lead answers the question pages for her own concern, checks her
// answers and reads the guidance's recommendation with its reasons; a "yes" to immediate danger
// stops the path at its first page; and, for a child in Tessera, she decides differently from
// the recommendation with a reason and records her decision. axe-core must find no problems on
// any page, at desktop width and at 390 px.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { insertPeople, people } from '../support/northshire-people.ts';
import { assertAccessible, browserSuite, heading, signIn, title, needsChromium } from './browser.ts';

async function choose(page: Page, legend: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('group', { name: legend }).getByLabel(option, { exact: true }).check();
}

async function proceed(page: Page, next: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading(page, next);
}

/** No sideways scrolling at the page's width (WCAG 1.4.10 reflow). */
async function assertFits(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
}

/** A school's own concern after a disclosure, up to "check your answers". */
async function answerOwnConcern(page: Page): Promise<void> {
  await choose(page, 'Immediate danger', 'No');
  // The school's service is taken from the signed-in organisation: no page asks it.
  await proceed(page, 'What is happening?');
  await choose(page, 'The situation', 'I have a concern about a child');
  await proceed(page, 'What are you worried about?');
  await page.getByLabel('The child has told you of abuse').check();
  assert.equal(
    await page.getByLabel('The police attended a domestic abuse incident with the child present').count(),
    0,
    'a school is not asked about police call-outs',
  );
  await assertAccessible(page, 'the concerns page');
  await proceed(page, 'About the child');
  await page.getByLabel('Age in years (optional)').fill('9');
  await proceed(page, 'Has the child or family agreed to the information being shared?');
  await choose(page, 'Consent', 'I have not asked yet');
  await choose(page, /Would asking for consent/, 'Yes');
  await proceed(page, /Would telling the family/);
  await choose(page, 'Risk of telling the family', 'Yes');
  await proceed(page, 'What kind of information would be shared?');
  await proceed(page, 'Check your answers');
}

describe('the decision path in Chromium', needsChromium, () => {
  const { journey } = browserSuite({ prepare: (deps) => insertPeople(deps.db) });

  it('a school DSL seeks advice on her own concern and reads the recommendation with its reasons', () =>
    journey(async ({ page }) => {
      await signIn(page, 'jo.baker@northshire.example');
      await heading(page, 'Home');
      await page.getByRole('link', { name: 'Get advice on sharing information' }).click();
      await heading(page, 'Is the child in immediate danger, or is anyone’s life at risk?');
      await assertAccessible(page, 'the first question');

      // Continue without an answer: the GOV.UK error summary, linked to the field.
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('alert').getByText('Select yes if the child is in immediate danger').waitFor();
      await title(page, 'Error: Is the child in immediate danger, or is anyone’s life at risk? – Tessera');
      await assertAccessible(page, 'the first question with an error');

      await answerOwnConcern(page);
      const answers = await page.locator('.govuk-summary-list').textContent();
      assert.match(answers ?? '', /Your service\s*School/);
      assert.match(answers ?? '', /The child has told you of abuse/);
      await assertAccessible(page, 'check your answers');

      await page.getByRole('button', { name: 'See the recommendation' }).click();
      await heading(page, 'Share the information without consent');
      await page.getByText('Refer to children’s social care now').first().waitFor();
      const summary = (await page.locator('.govuk-summary-list').textContent()) ?? '';
      assert.match(summary, /How soon\s*Today/);
      assert.match(summary, /Do not tell the family/);
      assert.match(summary, /Telling them would put the child or someone else at greater risk/);
      assert.match(summary, /Education Act 2002/, 'the lawful basis by gateway name');
      await page.getByRole('heading', { name: 'Never' }).waitFor();
      await page.getByText('Do not delay sharing to ask for consent').waitFor();
      await page.getByRole('heading', { name: 'How the guidance reached this' }).waitFor();
      await page
        .getByText(/Working Together to Safeguard Children 2023/)
        .first()
        .waitFor();
      // Guidance only: nothing is recorded without a child.
      await page.getByText('This advice is not recorded.').waitFor();
      await assertAccessible(page, 'the recommendation');

      // A change from "check your answers" returns there.
      await page.getByRole('link', { name: 'Back' }).click();
      await heading(page, 'Check your answers');
      await page.getByRole('link', { name: 'Change what is happening' }).click();
      await heading(page, 'What is happening?');
      await choose(page, 'The situation', /Someone has asked me/);
      await proceed(page, 'Who is asking?');
      await assertAccessible(page, 'a page the change brought in');

      // At 390 px the recommendation reads without sideways scrolling.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/decide/check');
      await heading(page, 'Check your answers');
      await page.getByRole('link', { name: 'Change what is happening' }).click();
      await choose(page, 'The situation', 'I have a concern about a child');
      await page.getByRole('button', { name: 'Continue' }).click();
      await heading(page, 'Check your answers');
      await assertFits(page, 'check your answers at 390 px');
      await assertAccessible(page, 'check your answers at 390 px');
      await page.getByRole('button', { name: 'See the recommendation' }).click();
      await heading(page, 'Share the information without consent');
      await assertFits(page, 'the recommendation at 390 px');
      await assertAccessible(page, 'the recommendation at 390 px');
    }));

  it('immediate danger stops the path at the first page: call 999, refer now, record afterwards', () =>
    journey(async ({ page }) => {
      await signIn(page, 'jo.baker@northshire.example');
      await heading(page, 'Home');
      await page.goto('/decide');
      await heading(page, 'Is the child in immediate danger, or is anyone’s life at risk?');
      await choose(page, 'Immediate danger', 'Yes');
      await page.getByRole('button', { name: 'Continue' }).click();
      await heading(page, 'Call 999 now if the child is in immediate danger');
      await page.getByText('Refer to children’s social care now, by phone').waitFor();
      await page.getByText(/record what you shared, with whom, when and why/).waitFor();
      await assertAccessible(page, 'the danger stop');
      await page.setViewportSize({ width: 390, height: 844 });
      await assertFits(page, 'the danger stop at 390 px');
      await assertAccessible(page, 'the danger stop at 390 px');
    }));

  it('from the child’s page, the DSL decides differently from the recommendation, with a reason', () =>
    journey(async ({ page }) => {
      await signIn(page, 'jo.baker@northshire.example');
      await heading(page, 'Home');
      await page.goto(`/persons/${people.samTaylor}?purpose=early_help`);
      await heading(page, 'Sam Taylor');
      await page.getByRole('link', { name: 'Record a decision to share or not to share' }).click();
      await heading(page, 'Is the child in immediate danger, or is anyone’s life at risk?');
      await page.getByText('Decide whether to share: Sam Taylor').waitFor();
      await answerOwnConcern(page);
      await page.getByRole('button', { name: 'See the recommendation' }).click();
      await heading(page, 'Share the information without consent');

      // Deciding differently needs a reason.
      await choose(page, 'Do you follow this recommendation?', 'No, I decide differently');
      await page.getByRole('button', { name: 'Continue to record your decision' }).click();
      await page
        .getByRole('alert')
        .getByText('Enter why you decide differently from the recommendation')
        .waitFor();
      await assertAccessible(page, 'a departure without its reason');
      await page
        .getByLabel('Why you decide differently')
        .fill('Children’s social care already know: the police referred last night');
      await page.getByRole('button', { name: 'Continue to record your decision' }).click();

      await heading(page, 'What have you decided?');
      await choose(page, 'Your decision', 'Do not share the information');
      await page.getByLabel('Your reasons').fill('The council already has this disclosure from the police');
      await assertAccessible(page, 'the decision page');
      await proceed(page, 'Which organisation asked for the information, if any?');
      await proceed(page, 'How do you tell them of your decision?');
      await choose(page, 'Method', 'By phone');
      await proceed(page, 'Has the family been told?');
      await choose(page, 'Telling the family', 'No');
      await page
        .getByLabel('Why the family has not been told, or not fully')
        .fill('It would put Sam at risk');
      await proceed(page, 'Who advised you, if anyone?');
      await page.getByLabel('Name and role (optional)').fill('Tom Reid, team manager');
      await proceed(page, 'Check your decision before recording it');
      const record = (await page.locator('.govuk-summary-list').textContent()) ?? '';
      assert.match(record, /You decide differently: Children’s social care already know/);
      assert.match(record, /Do not share/);
      await assertAccessible(page, 'check your decision');
      await page.setViewportSize({ width: 390, height: 844 });
      await assertFits(page, 'check your decision at 390 px');
    }));
  it('the DSL follows the recommendation, records the share once, and sees the confirmation', () =>
    journey(async ({ page }) => {
      await signIn(page, 'jo.baker@northshire.example');
      await heading(page, 'Home');
      await page.goto(`/persons/${people.samTaylor}?purpose=early_help`);
      await heading(page, 'Sam Taylor');
      await page.getByRole('link', { name: 'Record a decision to share or not to share' }).click();
      await heading(page, 'Is the child in immediate danger, or is anyone’s life at risk?');
      await answerOwnConcern(page);
      await page.getByRole('button', { name: 'See the recommendation' }).click();
      await heading(page, 'Share the information without consent');
      await choose(page, 'Do you follow this recommendation?', 'Yes, I follow it');
      await page.getByRole('button', { name: 'Continue to record your decision' }).click();

      await heading(page, 'What have you decided?');
      // Following the recommendation fills in the decision it implies.
      assert.ok(await page.getByLabel('Share the information', { exact: true }).isChecked());
      await page.getByLabel('Your reasons').fill('Sam told me of abuse at home today');
      await proceed(page, 'Which organisation receives the information?');
      await page
        .getByLabel('Receiving organisation')
        .selectOption({ label: "Northshire County Council Children's Services" });
      await proceed(page, 'What information do you share?');
      await page.getByLabel('Attendance and exclusions').check();
      await proceed(page, 'Why is each kind of information needed?');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('alert').getByText('Enter why this information is needed').waitFor();
      await assertAccessible(page, 'a justification missing');
      await page.getByLabel(/Why the recipient needs/).fill('Absences since the disclosure');
      await proceed(page, 'What is the lawful basis for sharing?');
      // The recommendation's lawful basis is already ticked.
      assert.ok(
        await page
          .getByLabel(/Education Act 2002/)
          .first()
          .isChecked(),
      );
      await assertAccessible(page, 'the lawful basis page');
      await proceed(page, 'How do you share it?');
      await choose(page, 'Method', 'By phone');
      await proceed(page, 'Has the family been told?');
      await choose(page, 'Telling the family', 'No');
      await page
        .getByLabel('Why the family has not been told, or not fully')
        .fill('It would put Sam at risk');
      await proceed(page, 'Who advised you, if anyone?');
      await proceed(page, 'When should the recipient’s access end?');
      await proceed(page, 'Check your decision before recording it');
      await assertAccessible(page, 'check your decision to share');

      await page.getByRole('button', { name: 'Record the decision' }).dblclick();
      await page.locator('.govuk-panel').getByRole('heading', { name: 'Decision recorded' }).waitFor();
      const reference = (await page.locator('.app-decision-reference').textContent()) ?? '';
      assert.match(reference, /^[0-9a-f-]{36}$/);
      await assertAccessible(page, 'the confirmation');
      await page.setViewportSize({ width: 390, height: 844 });
      await assertFits(page, 'the confirmation at 390 px');

      // Submitting the same path again (Back, then Record) records nothing more: the same reference.
      await page.goBack();
      await heading(page, 'Check your decision before recording it');
      await page.getByRole('button', { name: 'Record the decision' }).click();
      await page.locator('.govuk-panel').getByRole('heading', { name: 'Decision recorded' }).waitFor();
      assert.equal(await page.locator('.app-decision-reference').textContent(), reference);
    }));
});
