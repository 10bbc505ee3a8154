import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';
import { accessibilityViolations, registerInBrowser, useBrowser } from './support/browser.ts';

// Recommendations in the web app (production build) in real Chromium: a movie page's
// similar movies, and above the catalog a signed-in person's picks, which follow their
// rating within seconds (recommendations learns it from the review's event), or, signed
// out, what is popular.

// A recompute every half second, so that similarities exist soon after the catalog backfill.
const stack = useStack({
  web: true,
  processEnv: { recommendations: { RECOMPUTE_INTERVAL_MS: '500' } },
});
const browser = useBrowser();
// Each test is a customer's journey through several pages in a real browser.
const JOURNEY_MS = 90_000;
const web = () => stack.urls['web']!;

interface Movie {
  id: string;
  slug: string;
  title: string;
}

/** What one card of a row of picks shows. */
interface ShownPick {
  title: string;
  href: string | null;
  reason: string;
}

/** A movie of the seed that recommendations knows similar ones of. */
let movie: Movie;

beforeAll(async () => {
  const response = await stack.graphql<{ movies: { edges: { node: Movie }[] } }>(
    '{ movies(first: 10, orderBy: TITLE_ASC) { edges { node { id slug title } } } }',
  );
  const movies = response.data!.movies.edges.map((edge) => edge.node);
  // The catalog backfill and a first recompute.
  movie = await eventually(
    async () => {
      for (const candidate of movies) {
        const similar = await stack.graphql<{ movie: { similar: { edges: unknown[] } } }>(
          'query ($id: ID!) { movie(id: $id) { similar(first: 1) { edges { reason } } } }',
          { variables: { id: candidate.id } },
        );
        if (similar.data?.movie.similar.edges.length) return candidate;
      }
      return undefined;
    },
    60_000,
    'similar movies after the catalog backfill',
  );
});

/** The name of the GraphQL operation a request sends to the gateway, if it is one. */
function operationOf(request: Request): string | undefined {
  if (request.method() !== 'POST' || !request.url().startsWith(stack.gatewayUrl)) return;
  return (request.postDataJSON() as { operationName?: string }).operationName;
}

/**
 * Opens `url` and reads the row of picks headed `heading` once the app has the gateway's
 * answer to `operationName` (the row it asks for) and shows it: no picks, no row.
 */
async function openRow(
  page: Page,
  url: string,
  heading: string,
  operationName: 'RecommendedMovies' | 'PopularMovies' | 'SimilarMovies',
): Promise<ShownPick[]> {
  const answered = page.waitForResponse(
    (response) => operationOf(response.request()) === operationName,
  );
  await page.goto(url);
  const { data } = (await (await answered).json()) as {
    data?: {
      me?: { recommendedMovies: { edges: unknown[] } };
      popularMovies?: { edges: unknown[] };
      movie?: { similar: { edges: unknown[] } };
    };
  };
  const answer = data?.me?.recommendedMovies ??
    data?.popularMovies ??
    data?.movie?.similar ?? { edges: [] };
  const cards = page.getByRole('region', { name: heading }).getByRole('listitem');
  await expect.poll(() => cards.count()).toBe(answer.edges.length);
  return Promise.all(
    (await cards.all()).map(async (card) => {
      const link = card.getByRole('link');
      return {
        title: await link.innerText(),
        href: await link.getAttribute('href'),
        reason: await card.locator('p').innerText(),
      };
    }),
  );
}

describe('similar movies', { timeout: JOURNEY_MS }, () => {
  it('lists a movie’s similar movies on its page, each with what they share, linked to its own page', async () => {
    const page = await browser.newPage();
    const similar = await openRow(
      page,
      `${web()}/movies/${movie.slug}`,
      'Similar movies',
      'SimilarMovies',
    );
    expect(similar.length).toBeGreaterThan(0);
    for (const pick of similar) {
      expect(pick.title).not.toBe(movie.title);
      expect(pick.href).toMatch(/^\/movies\/[\w-]+$/);
      // "Shares its director and 2 genres with Heat", "Liked by people who liked Heat".
      expect(pick.reason).toMatch(/^(Shares .+ with|Liked by people who liked) /);
      expect(pick.reason.endsWith(` ${movie.title}`)).toBe(true);
    }
    expect(await accessibilityViolations(page)).toEqual([]);
    await browser.screenshot(page, 'movie-similar');

    await page
      .getByRole('region', { name: 'Similar movies' })
      .getByRole('link', { name: similar[0]!.title, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: similar[0]!.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(similar[0]!.href);

    // On a phone the row scrolls sideways by itself; the page does not.
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await openRow(phone, `${web()}/movies/${movie.slug}`, 'Similar movies', 'SimilarMovies');
    const overflow = (await phone.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await browser.screenshot(phone, 'movie-similar-phone');
    expect(browser.failures).toEqual([]);
  });
});

describe('picks on the home page', { timeout: JOURNEY_MS }, () => {
  it('recommends movies because of what a signed-in person rated, and shows anyone what is popular', async () => {
    const grace = await browser.newPage();
    await registerInBrowser(grace, web(), 'Grace');
    await grace.goto(`${web()}/movies/${movie.slug}`);
    const form = grace.getByRole('form', { name: 'Write a review' });
    await form.getByLabel('Rating (1 to 10)').fill('9');
    await form.getByLabel('Your review').fill('Loved every minute.');
    await form.getByRole('button', { name: 'Publish review' }).click();
    await grace.getByText('Thanks! Your review is published.').waitFor();

    // Recommendations learns the rating from its event: within seconds, a visit shows it.
    const because = `Because you liked ${movie.title}`;
    const picks = await eventually(
      async () => {
        const row = await openRow(grace, web(), 'Recommended for you', 'RecommendedMovies');
        return row.some((pick) => pick.reason === because) ? row : undefined;
      },
      20_000,
      `"${because}" on the home page`,
    );
    expect(picks.length).toBeLessThanOrEqual(8);
    // Never the movie she rated; each pick a link to its page.
    expect(picks.map((pick) => pick.title)).not.toContain(movie.title);
    for (const pick of picks) expect(pick.href).toMatch(/^\/movies\/[\w-]+$/);
    // The catalog is still there, below.
    await grace.locator('.movie-grid li').first().waitFor();
    expect(await accessibilityViolations(grace)).toEqual([]);
    await browser.screenshot(grace, 'home-recommended');

    // Signed out, the same place shows what is popular, which her rating counts towards.
    const visitor = await browser.newPage();
    const popular = await eventually(
      async () => {
        const row = await openRow(visitor, web(), 'Popular this week', 'PopularMovies');
        return row.some((pick) => pick.title === movie.title) ? row : undefined;
      },
      20_000,
      `${movie.title} among the popular movies`,
    );
    expect(new Set(popular.map((pick) => pick.reason))).toEqual(new Set(['Popular this week']));
    expect(await visitor.getByRole('region', { name: 'Recommended for you' }).count()).toBe(0);
    await browser.screenshot(visitor, 'home-popular');
    expect(browser.failures).toEqual([]);
  });
});
