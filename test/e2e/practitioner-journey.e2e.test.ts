// Issue 14's points 1–6 and 10–11 as the people in the trial walk them, in one run at desktop
// width and again at 390 px: the system administrator finds the police incident kept while its
// child's identity was refused (1); the partnership administrator is warned on the coverage page
// of information that reaches no one (2); a social worker reads Sam Taylor's chronology in plain
// sentences (3), prints it and downloads it marked OFFICIAL-SENSITIVE (4), sees whom to call at each
// agency (5) and why she can see each thing, by agreement (6); a police signatory, told on his home
// page, signs with a declaration an agreement that starts in the future, which then says when it
// comes into force and is not shown as in force (10, 11). axe-core must find nothing on any page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { catalogueGatewayDirectory } from '../../src/domain/agreements/catalogue-gateway-directory.ts';
import { londonDate } from '../../src/domain/agreements/calendar-dates.ts';
import { createAgreement } from '../../src/domain/agreements/create-agreement.ts';
import { signAgreement } from '../../src/domain/agreements/sign-agreement.ts';
import { submitAgreement } from '../../src/domain/agreements/submit-agreement.ts';
import { parseFeedMapping } from '../../src/domain/feeds/feed-mapping.ts';
import { ingestFeed } from '../../src/domain/feeds/ingest-feed.ts';
import type { LinkingDeps } from '../../src/domain/people/held-index.ts';
import { queryRows } from '../../src/domain/shared/database.ts';
import { plainDate } from '../../src/domain/shared/plain-date.ts';
import { actorFor, org, policeChecks, signatories, tier2Content } from '../support/agreement-fixtures.ts';
import { csvFile, fileChunks, northshireSystem, orgId } from '../support/feed-fixtures.ts';
import { insertPeople, people } from '../support/northshire-people.ts';
import { assertAccessible, browserSuite, heading, needsChromium, signIn, title } from './browser.ts';

const PHONE = { width: 390, height: 844 };
const police = 'Northshire Police';

/** A London calendar day, days from today (the demo runs on the real clock). */
function dayAhead(days: number): string {
  return londonDate(new Date(Date.now() + days * 86_400_000));
}
const startDate = dayAhead(28);

/**
 * A Tier 2 agreement starting in four weeks, signed by the council and waiting for the police:
 * one for each width, since each walk signs its own.
 */
async function agreementAwaitingThePolice(deps: LinkingDeps, title: string): Promise<string> {
  const agreementDeps = { ...deps, gateways: catalogueGatewayDirectory(deps.db) };
  const [tier1] = await queryRows<{ id: string }>(
    deps.db,
    sql`select id from agreement where tier = 'tier1' order by reference limit 1`,
  );
  const alex = await actorFor(deps.db, 'alex.morgan@northshire.example');
  const created = await createAgreement(agreementDeps, alex, {
    tier: 'tier2',
    tier1AgreementId: tier1?.id ?? null,
    content: {
      ...tier2Content([org.csc, org.police]),
      title,
      startDate,
      reviewDate: dayAhead(400),
    },
    flows: [policeChecks],
  });
  await submitAgreement(agreementDeps, alex, { agreementId: created.id });
  await signAgreement(agreementDeps, await actorFor(deps.db, signatories.csc), {
    agreementId: created.id,
    version: 1,
    declaration: true,
  });
  return created.id;
}

/**
 * The trial's gap, made again: housing sends its household records, which no agreement in force
 * lets anyone outside housing see, and the coverage page must say so.
 */
async function housingSendsWhatNoOneSees(deps: LinkingDeps): Promise<void> {
  await ingestFeed(deps, northshireSystem, {
    organisationId: orgId('housing'),
    mapping: parseFeedMapping({
      organisation: orgId('housing'),
      feed: 'housing-household',
      format: 'csv',
      recordKind: 'relationship',
      fieldGroup: 'family_household',
      dataCategory: 'personal',
      personIdColumn: 'tenant',
      externalIdColumn: 'ref',
      dateFormat: 'iso',
      columns: {
        other: { key: 'relatedPersonId', item: 'fact' },
        rel: { key: 'relationship', item: 'fact' },
      },
    }),
    source: fileChunks(csvFile('ref,tenant,other,rel', 'R1,T2,T1,parent_or_carer')),
  });
}

/** What the page shows now, whether its tables are tables (desktop) or summary cards (phone). */
async function shown(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

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

/** Each person starts afresh: a new sign-in, as they would at their own desk. */
async function as(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, email);
  await heading(page, 'Home');
}

const walks = [
  { label: 'desktop', viewport: null, agreement: 'Police checks for the new year (desktop)' },
  { label: '390 px', viewport: PHONE, agreement: 'Police checks for the new year (phone)' },
] as const;

describe('a practitioner walks issue 14 points 1–6 and 10–11 in Chromium', needsChromium, () => {
  const agreementIds = new Map<string, string>();
  const { journey } = browserSuite({
    prepare: async (deps) => {
      await insertPeople(deps.db);
      for (const walk of walks)
        agreementIds.set(walk.label, await agreementAwaitingThePolice(deps, walk.agreement));
      await housingSendsWhatNoOneSees(deps);
    },
  });

  for (const walk of walks)
    it(`at ${walk.label}`, () =>
      journey(async ({ page }) => {
        if (walk.viewport) await page.setViewportSize(walk.viewport);
        const check = async (where: string) => {
          if (walk.viewport) await noSidewaysScroll(page, where);
          await assertAccessible(page, `${where} at ${walk.label}`);
        };

        // 1. The police incident of the child whose date of birth was refused is kept, and waits.
        await as(page, 'chris.lee@northshire.example');
        await page.goto('/feeds/waiting');
        await heading(page, 'Records waiting for identity');
        await check('the records waiting for identity');
        await page.getByRole('link', { name: 'police-incidents', exact: true }).click();
        await page.getByRole('heading', { level: 2, name: 'Records of police-incidents' }).waitFor();
        assert.match(await shown(page), /PNF2c1/);
        await check('the police incidents waiting for identity');

        // 2. The coverage page warns of categories received that no agreement in force shares.
        await as(page, 'alex.morgan@northshire.example');
        await page.goto('/agreements/coverage');
        await heading(page, 'Check whether a flow is covered');
        await page.getByRole('heading', { name: 'Information that reaches no one' }).waitFor();
        const coverage = await shown(page);
        assert.match(coverage, /no agreement in force lets anyone outside the agency\s+see them/);
        assert.match(coverage, /Northshire Homes[\s\S]{0,80}housing-household/);
        await check('the coverage page with its warning');

        // 3. The chronology in plain sentences, with dates like "5 Oct 2026".
        await as(page, 'sam.patel@northshire.example');
        await page.goto(`/persons/${people.samTaylor}?purpose=s47_enquiry`);
        await heading(page, 'Sam Taylor');
        const chronology = walk.viewport
          ? page.locator('.app-chronology-cards .govuk-summary-card')
          : page.locator('table.app-chronology tbody tr');
        await chronology.first().waitFor();
        const entries = (await chronology.allInnerTexts()).join('\n');
        assert.match(entries, /Child protection plan from 5 Oct 2026/);
        assert.match(entries, /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/);
        assert.doesNotMatch(entries, /\d{4}-\d{2}-\d{2}|relatedPersonId|parent_or_carer|CSC-1001/);

        // 5. Whom to call at each agency involved, as far as the grants allow.
        const view = await shown(page);
        assert.match(view, /Sam Patel[\s\S]{0,200}01632 960 101/);

        // 6. "Why can I see this?", by agreement, with what the purpose never shows.
        await page.getByText('Why can I see this?').click();
        await page
          .getByRole('link', { name: /^T2-\d+: / })
          .first()
          .waitFor();
        await page
          .getByRole('heading', { name: 'What this purpose never shows from other agencies' })
          .waitFor();
        await page.getByRole('heading', { name: 'If you need more' }).waitFor();
        await check('the child view');

        // 4. The CSV and the printed chronology: whose, by whom, why, and OFFICIAL-SENSITIVE.
        const csvHref = await page
          .getByRole('link', { name: 'Download the chronology as CSV' })
          .getAttribute('href');
        const csv = await (await page.request.get(csvHref ?? '')).text();
        const [marking, ...heading_] = csv.split(/\r?\n/);
        assert.match(marking ?? '', /^\uFEFF?"?OFFICIAL-SENSITIVE"?$/);
        assert.match(heading_.slice(0, 8).join('\n'), /Sam Taylor/);
        assert.match(heading_.slice(0, 8).join('\n'), /Sam Patel/);
        await page.getByRole('link', { name: 'Printable chronology' }).click();
        await heading(page, 'Multi-agency chronology: Sam Taylor');
        const printed = await shown(page);
        assert.match(printed, /OFFICIAL-SENSITIVE/);
        assert.match(await page.locator('.app-print-details').innerText(), /Sam Patel, Practitioner/);
        assert.match(await page.locator('.app-print-details').innerText(), /Section 47 enquiry/i);
        await check('the printable chronology');

        // 10. The police signatory is told on his home page, and signs with a declaration.
        const id = agreementIds.get(walk.label) ?? '';
        await as(page, signatories.police);
        const awaited = page.locator('section', {
          hasText: 'Agreements waiting for your organisation’s signature',
        });
        await awaited.getByRole('link', { name: walk.agreement, exact: false }).waitFor();
        await check('the signatory’s home page');
        await page.goto(`/agreements/${id}`);
        await heading(page, walk.agreement);
        await page.getByText(`${police} has not signed version 1 yet`).waitFor();
        await page.getByRole('button', { name: `Sign for ${police}` }).click();
        await heading(page, `Sign for ${police}`);
        await check('the declaration page');
        await page.getByRole('button', { name: 'Sign the agreement' }).click();
        await page
          .locator('.govuk-error-summary')
          .getByRole('link', { name: /^Confirm that you have authority to commit your organisation/ })
          .waitFor();
        await title(page, `Error: Sign for ${police} – Tessera`);
        await check('the declaration page with an error');
        await page.getByLabel(/^I confirm that I have authority to commit/).check();
        await page.getByRole('button', { name: 'Sign the agreement' }).click();
        await page.locator('.govuk-panel', { hasText: 'Agreement signed' }).waitFor();
        await check('the signing confirmation');

        // 11. Signed by every party but starting in four weeks: not shown as in force.
        await page.getByRole('link', { name: 'Go to the agreement' }).click();
        await heading(page, walk.agreement);
        await page
          .getByText(`Version 1 is signed by every party and comes into force on ${plainDate(startDate)}.`)
          .waitFor();
        assert.equal(await page.getByText('Version 1 is in force.').count(), 0);
        assert.equal(await page.locator('.govuk-tag', { hasText: /^Active$/ }).count(), 0);
        await check('an agreement signed but not yet in force');
      }));
});
