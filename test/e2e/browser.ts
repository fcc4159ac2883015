// Shared by the browser tests: Debian's Chromium driven by playwright-core against the real server
// (demo partnership, in-memory database, dist/web as built by `npm run build:web`), with axe-core
// run against pages under the app's real Content-Security-Policy.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startDemoServer } from '../support/demo-server.ts';
import { chromium as chromiumTool, needsSystemTools } from '../support/system-tools.ts';

export const DEMO_PASSWORD = 'demo-only-Northshire-2026';

const chromiumPath = chromiumTool.command;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The options every browser suite passes to its describe(): skipped, with the reason, on a machine
 * without Chromium; a failure where TESSERA_REQUIRE_SYSTEM_TOOLS=1 (.ci/run).
 */
export const needsChromium = needsSystemTools([chromiumTool]);

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium was not found at ${chromiumPath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  readonly page: Page;
  /** Script errors and Content-Security-Policy violations seen so far: there should be none. */
  readonly problems: string[];
}

/** A fresh browser context (no cookies) whose page reports script errors and CSP violations. */
export async function openPage(
  browser: Browser,
  baseURL: string,
): Promise<WatchedPage & { context: BrowserContext }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  return { context, page, problems };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/** Runs axe-core on the page as it is now and fails, listing each violation, if any is found. */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') stays on.
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  })) as AxeViolation[];
  const report = violations
    .map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.html}\n      ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');
  assert.equal(violations.length, 0, `axe found accessibility problems on ${label}:\n${report}`);
}

/**
 * Starts Chromium and a demo server for the calling test file, and returns `journey`: it runs
 * one user's journey in a fresh browser context (no cookies) and fails on any script error or
 * Content-Security-Policy violation.
 */
export function browserSuite(options: Parameters<typeof startDemoServer>[0] = {}): {
  journey(run: (watched: WatchedPage) => Promise<void>): Promise<void>;
} {
  let server: Awaited<ReturnType<typeof startDemoServer>> | undefined;
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchChromium();
    server = await startDemoServer(options);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    async journey(run) {
      if (!browser || !server) throw new Error('the browser suite did not start');
      const { context, page, problems } = await openPage(browser, server.url);
      try {
        await run({ page, problems });
        assert.deepEqual(
          problems,
          [],
          'the page reported script errors or Content-Security-Policy violations',
        );
      } finally {
        await context.close();
      }
    },
  };
}

export async function heading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

export async function title(page: Page, expected: string): Promise<void> {
  await page.waitForFunction((t) => document.title === t, expected);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await heading(page, 'Sign in to Tessera');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The items of the service navigation, as shown. */
export async function menu(page: Page): Promise<string[]> {
  const items = await page.getByRole('navigation', { name: 'Menu' }).getByRole('listitem').allTextContents();
  // The alerts item carries how many are waiting ("Alerts 2 waiting"), which loads after the
  // page: the menu is its items' names.
  return items.map((text) => text.trim().replace(/\s+\d+\s+waiting$/, ''));
}

export async function isFocused(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => element === document.activeElement);
}
