import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { repoRoot } from '@cinegraph/stack';

/** Debian's Chromium: tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots the browser tests take, kept as test artefacts (git-ignored). */
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

export interface BrowserHarness {
  /** A page in a browser context of its own (its own storage: another person). */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** What went wrong in this test's pages: uncaught errors, console errors, failed requests. */
  readonly failures: string[];
  screenshot(page: Page, name: string): Promise<void>;
}

/** Headless Chromium for one test file, closed after it. */
export function useBrowser(): BrowserHarness {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const failures: string[] = [];

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is needed (apt-get install -y chromium)`).toBe(true);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    await mkdir(screenshotDir, { recursive: true });
  });

  // Each test answers for its own pages.
  beforeEach(() => {
    failures.length = 0;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
  });

  return {
    failures,
    async newPage(options = {}) {
      const context = await browser!.newContext({
        viewport: options.viewport ?? { width: 1280, height: 900 },
        locale: 'en-GB',
        timezoneId: 'Europe/London',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') failures.push(`console error: ${message.text()}`);
      });
      page.on('requestfailed', (request) => {
        // A socket or a poll cut short by navigating away or closing is not a failure.
        const reason = request.failure()?.errorText ?? '';
        if (reason !== 'net::ERR_ABORTED') failures.push(`${request.url()} failed: ${reason}`);
      });
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
    },
  };
}

let accounts = 0;

/** Registers a new account through the app's form; the page ends signed in. */
export async function registerInBrowser(
  page: Page,
  webUrl: string,
  name: string,
): Promise<{ email: string; password: string }> {
  const email = `${name.toLowerCase()}-${Date.now()}-${accounts++}@web.example`;
  const password = 'correct horse battery';
  await page.goto(`${webUrl}/register`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password (at least 10 characters)').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Signed in (the header names them) and moved on from the form.
  await page.getByRole('banner').getByText(name, { exact: true }).waitFor();
  await page.waitForURL((url) => url.pathname !== '/register');
  return { email, password };
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * What axe-core finds against WCAG 2.1 A and AA on the page as it is now (contrast, names,
 * labels, landmarks, ARIA), one line per rule broken. Evaluated through the DevTools
 * protocol, so the page's CSP does not stop it.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(await axeSource);
  // An expression (this project's TypeScript has no DOM types).
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) => result.violations)`,
  )) as { id: string; help: string; nodes: { target: string[] }[] }[];
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')})`,
  );
}
