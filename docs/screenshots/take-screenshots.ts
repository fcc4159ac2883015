// Takes the screenshots in docs/screenshots (issue 14: before and after the practitioner trial's
// fixes) from a running Tessera with the Northshire demo loaded. Usage:
//   node --import tsx docs/screenshots/take-screenshots.ts http://localhost:3000 docs/screenshots/after
// It signs in as Sam Patel (a social worker, demo only), finds Isaac Gray (known to children's
// services, the police, the hospital trust and his school in a s47 enquiry, and to more agencies
// than any other demo child) through the search page, and saves the home page, his single view, the chronology and the
// printable chronology at 1280 px, and the view and chronology at 390 px (a phone).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const DEMO_USER = 'sam.patel@northshire.example';
const DEMO_PASSWORD = 'demo-only-Northshire-2026';
const CHILD = { name: 'Isaac Gray', dateOfBirth: '2013-10-01' };
const PURPOSE = 's47_enquiry';
/** A full page longer than this is saved as one screen instead, to keep the repository small. */
const MAX_PNG_BYTES = 1_000_000;

const [baseUrl, outDir] = process.argv.slice(2);
if (!baseUrl || !outDir) {
  console.error('usage: take-screenshots.ts <base URL> <output folder>');
  process.exit(2);
}

async function save(page: Page, name: string, options: { fullPage: boolean }): Promise<void> {
  let png = await page.screenshot({ fullPage: options.fullPage, animations: 'disabled' });
  if (png.length > MAX_PNG_BYTES) png = await page.screenshot({ animations: 'disabled' });
  await writeFile(path.join(outDir!, `${name}.png`), png);
  console.log(`${name}.png  ${Math.round(png.length / 1024)} KB`);
}

/** The chronology section (filters, timeline and entries), across the page's full width. */
async function saveChronology(page: Page, name: string): Promise<void> {
  const section = page.locator('section[aria-labelledby="chronology-heading"]');
  const box = await section.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { y: rect.top + window.scrollY, height: rect.height };
  });
  const clip = {
    x: 0,
    y: Math.max(0, box.y - 16),
    width: page.viewportSize()!.width,
    height: box.height + 32,
  };
  let png = await page.screenshot({ fullPage: true, clip, animations: 'disabled' });
  if (png.length > MAX_PNG_BYTES) {
    png = await page.screenshot({ fullPage: true, clip: { ...clip, height: page.viewportSize()!.height } });
  }
  await writeFile(path.join(outDir!, `${name}.png`), png);
  console.log(`${name}.png  ${Math.round(png.length / 1024)} KB`);
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(DEMO_USER);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Searches as a practitioner would and returns the address of the child's view. */
async function findChild(page: Page): Promise<string> {
  await page.goto('/persons');
  const purpose = page.getByLabel('What are you searching for?');
  await purpose.locator(`option[value="${PURPOSE}"]`).waitFor({ state: 'attached' });
  await purpose.selectOption(PURPOSE);
  await page.getByLabel('Name', { exact: true }).fill(CHILD.name);
  await page.getByLabel('Date of birth').fill(CHILD.dateOfBirth);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: CHILD.name }).first().click();
  await page.getByRole('heading', { level: 1, name: CHILD.name }).waitFor();
  await page.locator('#chronology-heading').waitFor();
  await page.waitForLoadState('networkidle');
  return page.url();
}

async function run(browser: Browser): Promise<void> {
  await mkdir(outDir!, { recursive: true });
  const desktop = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await desktop.newPage();
  await signIn(page);

  const viewUrl = new URL(await findChild(page));
  await save(page, 'single-view', { fullPage: true });
  await saveChronology(page, 'chronology');

  await page.goto(`${viewUrl.pathname}/chronology/print${viewUrl.search}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  await save(page, 'chronology-print', { fullPage: true });

  const phone = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 390, height: 844 },
    storageState: await desktop.storageState(),
  });
  const small = await phone.newPage();
  await small.goto(viewUrl.href);
  await small.getByRole('heading', { level: 1, name: CHILD.name }).waitFor();
  await small.locator('#chronology-heading').waitFor();
  await small.waitForLoadState('networkidle');
  await save(small, 'single-view-390', { fullPage: true });
  await saveChronology(small, 'chronology-390');

  // Last, so that a home page with a worklist shows the child just opened.
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  await save(page, 'home', { fullPage: true });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  await run(browser);
} finally {
  await browser.close();
}
