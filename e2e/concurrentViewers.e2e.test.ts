// Answers that stay right when many different operations overlap: every query of the web
// app's and the partner's persisted-query manifests, with real variables, sent by several
// viewers at once (anonymous, and signed-in customers with their own tokens, bookings,
// reviews and watchlists), must answer each viewer exactly as the same operation does
// when it runs alone. The gateway deduplicates identical subgraph calls in flight, so
// operations that share a subgraph fetch share its answer: nothing one of them merges
// into it may reach another.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@cinegraph/stack';
import { counterValue, eventually, uniqueId } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';
import { bookableShowtimeId } from './support/showtimes.ts';

// Similarities recomputed every half second (rather than 30 s), so that they have settled
// with the customers' signals before the reference answers are taken, not during the overlap.
const stack = useStack({ processEnv: { recommendations: { RECOMPUTE_INTERVAL_MS: '500' } } });

interface Manifest {
  operations: { name: string; type: string; body: string }[];
}
const manifests = await Promise.all(
  ['web/persisted-query-manifest.json', 'clients/partner/persisted-query-manifest.json'].map(
    async (file) => JSON.parse(await readFile(path.join(repoRoot, file), 'utf8')) as Manifest,
  ),
);
const operations = new Map(
  manifests.flatMap((manifest) => manifest.operations).map((op) => [op.name, op]),
);
const body = (name: string) => {
  const operation = operations.get(name);
  if (!operation) throw new Error(`No operation ${name} in the manifests`);
  return operation.body;
};

interface Viewer {
  name: string;
  token: string | undefined;
  bookingId?: string;
}

/** One request as a client sends it; the answer is its status and body, as received. */
async function send(
  name: string,
  variables: Record<string, unknown>,
  viewer: Viewer,
): Promise<string> {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(viewer.token ? { authorization: `Bearer ${viewer.token}` } : {}),
    },
    body: JSON.stringify({ query: body(name), operationName: name, variables }),
  });
  return `${response.status} ${await response.text()}`;
}

async function mutate<Data>(name: string, variables: Record<string, unknown>, viewer: Viewer) {
  const answer = JSON.parse((await send(name, variables, viewer)).replace(/^\d+ /, '')) as {
    data?: Data;
    errors?: unknown[];
  };
  expect(answer.errors, `${name} for ${viewer.name}`).toBeUndefined();
  return answer.data!;
}

const deduplicatedFetches = () =>
  counterValue(stack.urls['gateway']!, 'subgraph_fetches_deduplicated_total');

const anonymous: Viewer = { name: 'anonymous', token: undefined };
const customers: Viewer[] = [];
/** What each viewer asks: an operation of the manifests and its variables. */
let requests: { name: string; variables: (viewer: Viewer) => Record<string, unknown> }[] = [];

beforeAll(async () => {
  const showtimeId = await bookableShowtimeId(stack);
  const seatMap = await mutate<{
    showtime: {
      startsAt: string;
      movie: { id: string; slug: string; title: string };
      theater: { city: string; timeZone: string };
      seatMap: { seats: { id: string }[] }[];
    };
  }>('SeatMap', { showtimeId }, anonymous);
  const { movie, theater } = seatMap.showtime;
  const seats = seatMap.showtime.seatMap.flatMap((row) => row.seats.map((seat) => seat.id));
  const movies = await mutate<{ movies: { edges: { node: { id: string; slug: string } }[] } }>(
    'Movies',
    { first: 6 },
    anonymous,
  );
  const others = movies.movies.edges.map(({ node }) => node).filter((m) => m.id !== movie.id);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: theater.timeZone }).format(
    new Date(seatMap.showtime.startsAt),
  );

  // Four customers, each with a watchlist, a review of the showtime's movie and a paid
  // booking of two seats of it: the per-viewer answers differ from one another.
  for (let index = 0; index < 4; index++) {
    const name = `customer ${index + 1}`;
    const registered = await mutate<{ register: { accessToken: string } }>(
      'Register',
      {
        input: {
          email: `${uniqueId()}@example.test`,
          password: 'a long enough password',
          displayName: `Viewer ${index + 1}`,
        },
      },
      anonymous,
    );
    const customer: Viewer = { name, token: registered.register.accessToken };
    for (const movieId of [movie.id, others[index]!.id])
      await mutate('AddToWatchlist', { movieId }, customer);
    await mutate(
      'CreateReview',
      {
        input: {
          movieId: movie.id,
          rating: 3 + index,
          title: `Seen it (${index + 1})`,
          body: `Review number ${index + 1} of this film.`,
        },
      },
      customer,
    );
    const held = await mutate<{ holdSeats: { id: string } }>(
      'HoldSeats',
      { showtimeId, seatIds: seats.slice(index * 2, index * 2 + 2) },
      customer,
    );
    const booked = await mutate<{ createBooking: { id: string } }>(
      'CreateBooking',
      { holdId: held.holdSeats.id, idempotencyKey: uniqueId() },
      customer,
    );
    customer.bookingId = booked.createBooking.id;
    await mutate(
      'PayBooking',
      {
        bookingId: customer.bookingId,
        paymentMethodToken: 'tok_visa',
        idempotencyKey: uniqueId(),
      },
      customer,
    );
    customers.push(customer);
  }

  requests = [
    { name: 'Genres', variables: () => ({}) },
    { name: 'Cities', variables: () => ({}) },
    { name: 'Movies', variables: () => ({ first: 8 }) },
    { name: 'Movies', variables: () => ({ filter: { search: movie.title }, first: 5 }) },
    { name: 'Movies', variables: () => ({ orderBy: 'TITLE_ASC', first: 4 }) },
    { name: 'MoviePage', variables: () => ({ slug: movie.slug }) },
    { name: 'MoviePage', variables: () => ({ slug: others[0]!.slug }) },
    { name: 'MovieDetails', variables: () => ({ slug: movie.slug }) },
    { name: 'MovieReviews', variables: () => ({ movieId: movie.id, first: 1 }) },
    {
      name: 'MovieReviews',
      variables: () => ({ movieId: movie.id, first: 3, orderBy: 'HIGHEST' }),
    },
    {
      name: 'MovieReviews',
      variables: () => ({ movieId: movie.id, first: 10, orderBy: 'NEWEST' }),
    },
    { name: 'SeatMap', variables: () => ({ showtimeId }) },
    { name: 'Showtimes', variables: () => ({ movieId: movie.id, first: 5 }) },
    { name: 'Showtimes', variables: () => ({ city: theater.city, date, first: 10 }) },
    { name: 'NowShowing', variables: () => ({ city: theater.city, date }) },
    { name: 'MyBookings', variables: () => ({ first: 5 }) },
    { name: 'MyWatchlist', variables: () => ({ first: 10 }) },
    { name: 'MyNotifications', variables: () => ({ first: 10 }) },
    { name: 'UnreadNotificationCount', variables: () => ({}) },
    { name: 'SimilarMovies', variables: () => ({ movieId: movie.id, first: 6 }) },
    { name: 'PopularMovies', variables: () => ({ first: 8 }) },
    // Each customer's own picks (from their watchlist and booking); anonymous: refused.
    { name: 'RecommendedMovies', variables: () => ({ first: 8 }) },
    // A customer's own booking; the anonymous viewer asks for the first customer's.
    {
      name: 'Booking',
      variables: (viewer) => ({ id: viewer.bookingId ?? customers[0]!.bookingId }),
    },
  ];
  const covered = new Set(requests.map((request) => request.name));
  const queries = [...operations.values()].filter((op) => op.type === 'query');
  expect(queries.filter((op) => !covered.has(op.name)).map((op) => op.name)).toEqual([]);
});

/** Every (request, viewer) pair's answer when it runs alone, one after another. */
async function answersAlone(viewers: Viewer[]): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  for (const [index, request] of requests.entries())
    for (const viewer of viewers)
      answers.set(
        `${index}\0${viewer.name}`,
        await send(request.name, request.variables(viewer), viewer),
      );
  return answers;
}

describe('many viewers at once', () => {
  it('answers every operation of the manifests exactly as it answers it alone, for each viewer, while they overlap', async () => {
    const viewers = [anonymous, ...customers];
    // The saga settles the bookings and notifications arrive a little later: the answers
    // alone are the reference once two passes in a row agree.
    let previous = await answersAlone(viewers);
    const alone = await eventually(
      async () => {
        const now = await answersAlone(viewers);
        const settled = [...now].every(([key, answer]) => previous.get(key) === answer);
        previous = now;
        return settled ? now : undefined;
      },
      60_000,
      'the bookings and notifications to settle',
    );
    for (const customer of customers)
      expect(
        alone.get(`${requests.findIndex((r) => r.name === 'MyBookings')}\0${customer.name}`),
      ).toContain('"status":"CONFIRMED"');

    const jobs: { index: number; viewer: Viewer }[] = [];
    for (let repeat = 0; repeat < 4; repeat++)
      for (const index of requests.keys())
        for (const viewer of viewers) jobs.push({ index, viewer });
    jobs.sort(() => Math.random() - 0.5);

    const deduplicatedBefore = await deduplicatedFetches();
    const wrong: string[] = [];
    for (let from = 0; from < jobs.length; from += 50) {
      const batch = jobs.slice(from, from + 50);
      const answers = await Promise.all(
        batch.map(({ index, viewer }) =>
          send(requests[index]!.name, requests[index]!.variables(viewer), viewer),
        ),
      );
      batch.forEach(({ index, viewer }, position) => {
        const expected = alone.get(`${index}\0${viewer.name}`);
        if (answers[position] !== expected)
          wrong.push(
            `${requests[index]!.name} ${JSON.stringify(requests[index]!.variables(viewer))} as ${viewer.name}:\n  alone:   ${expected}\n  at once: ${answers[position]}`,
          );
      });
    }
    expect(wrong.slice(0, 3).join('\n'), `${wrong.length} of ${jobs.length} answers differ`).toBe(
      '',
    );
    // The overlap is real: identical subgraph calls were in flight together and shared.
    expect(await deduplicatedFetches()).toBeGreaterThan(deduplicatedBefore);
  });
});
