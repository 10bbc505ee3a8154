import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStack } from '@cinegraph/stack/testing';
import { accessibilityViolations, registerInBrowser, useBrowser } from './support/browser.ts';
import { bookableShowtimeId } from './support/showtimes.ts';

// Accounts, the catalog, reviews and the watchlist in the web app (production build) in
// real Chromium, against the whole supergraph.
const stack = useStack({ web: true });
const browser = useBrowser();
// Each test is a customer's journey through several pages in a real browser.
const JOURNEY_MS = 90_000;
const web = () => stack.urls['web']!;

interface StoredSession {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
}
// Browser-side code is written as expressions: this project's TypeScript has no DOM types.
const storedSession = async (page: Page) =>
  (await page.evaluate(
    "JSON.parse(localStorage.getItem('cinegraph.session') ?? 'null')",
  )) as StoredSession | null;

/** Changes the stored session as another tab, or time, would. */
const editSession = (page: Page, change: Partial<StoredSession>) =>
  page.evaluate(
    `localStorage.setItem('cinegraph.session', JSON.stringify({ ...JSON.parse(localStorage.getItem('cinegraph.session')), ...${JSON.stringify(change)} }))`,
  );

/** Every GraphQL request a page sends to the gateway, as sent. */
function recordGraphQL(page: Page): { body: Record<string, unknown>; client?: string }[] {
  const sent: { body: Record<string, unknown>; client?: string }[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(stack.gatewayUrl) || request.method() !== 'POST') return;
    const client = request.headers()['apollographql-client-name'];
    sent.push({
      body: request.postDataJSON() as Record<string, unknown>,
      ...(client ? { client } : {}),
    });
  });
  return sent;
}

/** A movie of the seed, by a word of its title. */
async function someMovie(): Promise<{ title: string; slug: string }> {
  const response = await stack.graphql<{
    movies: { edges: { node: { title: string; slug: string } }[] };
  }>('{ movies(first: 1, orderBy: TITLE_ASC) { edges { node { title slug } } } }');
  return response.data!.movies.edges[0]!.node;
}

describe('an account', { timeout: JOURNEY_MS }, () => {
  it('registers, logs out, is refused a wrong password, and logs in again', async () => {
    const page = await browser.newPage();
    const { email, password } = await registerInBrowser(page, web(), 'Carol');
    expect((await storedSession(page))?.refreshToken).toBeTruthy();

    const header = page.getByRole('banner');
    await header.getByRole('button', { name: 'Log out' }).click();
    await header.getByRole('link', { name: 'Log in' }).waitFor();
    expect(await storedSession(page)).toBeNull();

    await header.getByRole('link', { name: 'Log in' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe('The email or password is wrong.');
    expect(await storedSession(page)).toBeNull();

    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await header.getByText('Carol', { exact: true }).waitFor();
    // A taken email is a clear error, not a second account.
    const other = await browser.newPage();
    await other.goto(`${web()}/register`);
    await other.getByLabel('Name').fill('Carol Again');
    await other.getByLabel('Email').fill(email);
    await other.getByLabel('Password (at least 10 characters)').fill(password);
    await other.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => other.getByRole('alert').innerText()).toMatch(/already|taken|exists/i);
    // The wrong password's answer (HTTP 401) is the only thing the browser reports.
    expect(browser.failures.filter((f) => !f.includes('status of 401'))).toEqual([]);
  });

  it('renews its access token silently: before it expires, and when the gateway refuses it', async () => {
    const page = await browser.newPage();
    await registerInBrowser(page, web(), 'Dan');
    const first = (await storedSession(page))!;

    // About to expire: the app renews before sending anything.
    await editSession(page, { accessTokenExpiresAt: new Date(Date.now() + 1_000).toISOString() });
    await page.goto(`${web()}/watchlist`);
    await page.getByRole('heading', { name: 'My watchlist' }).waitFor();
    await page.getByText('Nothing here yet.').waitFor();
    const second = (await storedSession(page))!;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(Date.parse(second.accessTokenExpiresAt)).toBeGreaterThan(Date.now() + 60_000);

    // Refused (as after a key rotation): renewed once, and the request goes through.
    await editSession(page, { accessToken: 'not.a.token' });
    await page.goto(`${web()}/bookings`);
    await page.getByText('No bookings yet.').waitFor();
    const third = (await storedSession(page))!;
    expect(third.refreshToken).not.toBe(second.refreshToken);
    expect(third.accessToken).not.toBe('not.a.token');
    await page.getByRole('banner').getByText('Dan', { exact: true }).waitFor();
  });
});

describe('the catalog', { timeout: JOURNEY_MS }, () => {
  it('searches, scrolls for more, and sends persisted query ids only, as the web client', async () => {
    const page = await browser.newPage();
    const sent = recordGraphQL(page);
    await page.goto(web());
    const cards = page.locator('.movie-grid > li');
    await cards.first().waitFor();
    const firstPage = await cards.count();
    expect(firstPage).toBeGreaterThan(0);
    // Infinite scroll: the end of the list in view loads the next page.
    await page.locator('.load-more').scrollIntoViewIfNeeded();
    await expect.poll(() => cards.count()).toBeGreaterThan(firstPage);

    const movie = await someMovie();
    await page.getByLabel('Search').fill(movie.title);
    await expect.poll(() => page.url()).toContain('q=');
    await page.getByRole('link', { name: movie.title, exact: true }).first().waitFor();
    await browser.screenshot(page, 'movies');

    await page.getByRole('link', { name: movie.title, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: movie.title }).waitFor();
    expect(page.url()).toContain(`/movies/${movie.slug}`);

    expect(sent.length).toBeGreaterThan(3);
    for (const { body, client } of sent) {
      expect(client).toBe('web');
      expect(body['query']).toBeUndefined();
      expect(body['extensions']).toMatchObject({ persistedQuery: { version: 1 } });
    }
    expect(browser.failures).toEqual([]);
  });

  it('fits a phone’s width', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    const movie = await someMovie();
    await page.goto(`${web()}/movies/${movie.slug}`);
    await page.getByRole('heading', { level: 1, name: movie.title }).waitFor();
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await browser.screenshot(page, 'movie-phone');
  });
});

describe('reviews and the watchlist', { timeout: JOURNEY_MS }, () => {
  it('writes a review that another user marks helpful, and keeps a watchlist', async () => {
    const movie = await someMovie();
    const erin = await browser.newPage();
    await registerInBrowser(erin, web(), 'Erin');
    await erin.goto(`${web()}/movies/${movie.slug}`);
    const form = erin.getByRole('form', { name: 'Write a review' });
    await form.getByLabel('Rating (1 to 10)').fill('9');
    await form.getByLabel('Title (optional)').fill('A quiet triumph');
    // Plain text, shown as written (never as HTML).
    await form.getByLabel('Your review').fill('Loved it. <b>Not bold</b>');
    await form.getByRole('button', { name: 'Publish review' }).click();
    await erin.getByText('Thanks! Your review is published.').waitFor();
    const review = erin.getByRole('article', { name: 'Review by Erin' });
    await expect.poll(() => review.innerText()).toContain('Loved it. <b>Not bold</b>');
    // A second review of the same movie is a conflict the form explains.
    await erin.reload();
    const again = erin.getByRole('form', { name: 'Write a review' });
    await again.getByLabel('Your review').fill('Second thoughts');
    await again.getByRole('button', { name: 'Publish review' }).click();
    await expect.poll(() => again.getByRole('alert').innerText()).toMatch(/already/i);

    // Erin's watchlist: add from the movie page, see it on the watchlist page.
    await erin.getByRole('button', { name: '+ Add to watchlist' }).click();
    await erin.getByRole('button', { name: '✓ On your watchlist' }).waitFor();
    await erin.getByRole('link', { name: 'Watchlist' }).click();
    await erin.getByRole('link', { name: movie.title, exact: true }).waitFor();
    await erin.getByRole('button', { name: 'Mark watched' }).click();
    await erin.getByRole('button', { name: 'Watched ✓' }).waitFor();
    await browser.screenshot(erin, 'watchlist');

    const frank = await browser.newPage();
    await registerInBrowser(frank, web(), 'Frank');
    await frank.goto(`${web()}/movies/${movie.slug}`);
    const erinsReview = frank.getByRole('article', { name: 'Review by Erin' });
    await erinsReview.getByRole('button', { name: 'Helpful' }).click();
    await erinsReview.getByRole('button', { name: 'Marked helpful' }).waitFor();
    await expect.poll(() => erinsReview.innerText()).toContain('1 found this helpful');
    await browser.screenshot(frank, 'movie');
    expect(browser.failures).toEqual([]);
  });
});

describe('showtimes and accessibility', { timeout: JOURNEY_MS }, () => {
  it('finds showtimes by city and date, and opens a seat map from them', async () => {
    const page = await browser.newPage();
    await page.goto(`${web()}/showtimes`);
    await page.getByLabel('City').selectOption('Manchester');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Date').fill(tomorrow);
    await expect.poll(() => page.url()).toContain(`date=${tomorrow}`);
    const listed = page.locator('.showtimes > li');
    await listed.first().waitFor();
    for (const text of await listed.allInnerTexts()) expect(text).toContain('Manchester');
    const theater = (await listed.first().locator('p').first().innerText()).split(',')[0]!;
    await listed
      .first()
      .getByRole('link', { name: /^Choose seats/ })
      .click();
    await page.locator('.seat-map').waitFor();
    expect(await page.locator('main').innerText()).toContain(theater);
    expect(browser.failures).toEqual([]);
  });

  it('meets WCAG 2.1 AA on its main pages (axe-core)', async () => {
    const movie = await someMovie();
    const showtimeId = await bookableShowtimeId(stack);
    const page = await browser.newPage();
    await registerInBrowser(page, web(), 'Ivan');
    const pages: [string, string][] = [
      ['/', '.movie-grid li'],
      [`/movies/${movie.slug}`, 'form'],
      ['/showtimes', '.filters'],
      [`/showtimes/${showtimeId}`, '.seat-map'],
      ['/bookings', 'h1'],
      ['/notifications', 'h1'],
    ];
    for (const [path, ready] of pages) {
      await page.goto(`${web()}${path}`);
      await page.locator(ready).first().waitFor();
      expect(await accessibilityViolations(page), path).toEqual([]);
    }
    const anonymous = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await anonymous.goto(`${web()}/login`);
    await anonymous.getByLabel('Email').waitFor();
    expect(await accessibilityViolations(anonymous), '/login on a phone').toEqual([]);
  });
});
