// The alert inbox in a real browser against the real server, whose demo received today's items
// from the hospital and the police: Sam Patel's flagged child attended the emergency department,
// and Riverside Primary's DSL has an Operation Encompass notice. Each sees the count in the menu,
// the alert without a name, opens the child through the single view, and acknowledges it.
// axe-core must find no problems on any page visited.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, browserSuite, heading, signIn, title, needsChromium } from './browser.ts';

describe('the alert inbox in Chromium', needsChromium, () => {
  const { journey } = browserSuite();

  it('shows the lead practitioner the contact alert, opens the child for the plan, and acknowledges it', () =>
    journey(async ({ page }) => {
      await signIn(page, 'sam.patel@northshire.example');
      const alerts = page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: /^Alerts/ });
      await alerts.filter({ hasText: '1 waiting' }).waitFor();
      await alerts.click();
      await heading(page, 'Alerts');
      await title(page, 'Alerts – Tessera');
      const card = page.getByRole('region', { name: /Contact with a flagged child/ });
      await card.waitFor();
      const text = (await card.textContent()) ?? '';
      assert.match(
        text,
        /on a child protection plan attended an emergency department: Northshire Hospitals NHS Foundation Trust/,
      );
      await assertAccessible(page, 'the alert inbox');
      await card.getByRole('button', { name: /Acknowledge/ }).click();
      await card.getByText(/by Sam Patel/).waitFor();
      await page.getByText('You have no alerts to acknowledge.').waitFor();
      await assertAccessible(page, 'the alert inbox after acknowledging');
      await card.getByRole('link', { name: 'Open the child’s record' }).click();
      await page.waitForURL(/\/persons\/[0-9a-f-]+\?purpose=child_protection_conference/);
    }));

  it('shows the designated safeguarding lead the Operation Encompass notice with its deadline', () =>
    journey(async ({ page }) => {
      await signIn(page, 'jo.baker@northshire.example');
      await heading(page, 'Home');
      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: /^Alerts/ })
        .click();
      await heading(page, 'Alerts');
      const card = page.getByRole('region', { name: /Operation Encompass notice/ });
      await card.waitFor();
      await card.getByText('Acknowledge by').waitFor();
      assert.match((await card.textContent()) ?? '', /Northshire Police attended a domestic abuse incident/);
      await assertAccessible(page, 'an Operation Encompass notice');
    }));
});
