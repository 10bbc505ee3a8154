// `npm run bench:movie-page [-- --seconds 10 --concurrency 1,16 --movies 20]`: the movie page
// through the gateway (movie + rating summary + first 10 reviews with their authors + the
// viewer's watchlist state), on a whole stack of real processes started for the run.
// Measured side by side in one run:
//   cache warm  the rating summaries and movie lookups come from Redis;
//   cache cold  before every request the bench retires both caches' entries (it replaces
//               their epochs, as a lost invalidation would), so lookups go to PostgreSQL.
// Reports requests/s, latency percentiles, SQL statements per request (each subgraph's
// db_statements_total), the cache hit ratio, and the cold/warm ratios. Every response is
// checked; an error or a wrong page counts as a failure, not a request.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Redis } from 'ioredis';
import { counterValue, graphqlRequest, testEnvironment, uniqueId } from '@cinegraph/testing';
import { percentile, reportTable, startBenchStack } from './support/benchStack.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    /** Concurrent clients, one pair of phases per level: 1 shows latency, 16 throughput. */
    concurrency: { type: 'string', default: '1,16' },
    movies: { type: 'string', default: '20' },
    /** Older reviews per movie written straight into the reviews database: a popular title. */
    'older-reviews': { type: 'string', default: '5000' },
  },
});
const seconds = Number(args.seconds);
const levels = args.concurrency.split(',').map(Number);
const movieCount = Number(args.movies);
const olderReviews = Number(args['older-reviews']);
const REVIEWERS = 12;
const TOTAL_REVIEWS = REVIEWERS + olderReviews;

const MOVIE_PAGE = /* GraphQL */ `
  query MoviePage($id: ID!) {
    movie(id: $id) {
      id
      title
      releaseDate
      ratingSummary {
        average
        count
        distribution {
          rating
          count
        }
      }
      inViewerWatchlist
      reviews(first: 10) {
        totalCount
        edges {
          node {
            id
            rating
            title
            body
            helpfulCount
            createdAt
            author {
              id
              displayName
            }
          }
        }
      }
    }
  }
`;

interface MoviePage {
  movie: {
    id: string;
    ratingSummary: { count: number };
    inViewerWatchlist: boolean;
    reviews: { totalCount: number; edges: { node: { author: { displayName: string } } }[] };
  } | null;
}

console.log(
  `bench:movie-page: ${seconds} s per phase, ${levels.join(' and ')} concurrent clients, ${movieCount} movies with ${REVIEWERS} + ${olderReviews} reviews each; Node ${process.version}`,
);
// The subgraphs' caches are what this bench measures: the gateway's response cache would
// answer repeated pages before they are asked (bench:supergraph measures that one).
const bench = await startBenchStack({ gateway: { RESPONSE_CACHE_ENABLED: 'false' } });
const { stack, redisKeyPrefix } = bench;
const redis = new Redis(testEnvironment.redisUrl);

try {
  const gql = <Data>(query: string, variables: Record<string, unknown> = {}, token?: string) =>
    graphqlRequest<Data>(stack.gatewayUrl, query, { variables, ...(token ? { token } : {}) });
  const must = <Data>(response: { data?: Data | null; errors?: unknown }) => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  };

  // Data: REVIEWERS users review each of movieCount movies; the viewer lists every other one.
  const movieIds = must(
    await gql<{ movies: { edges: { node: { id: string } }[] } }>(
      `query ($first: Int!) { movies(first: $first, orderBy: TITLE_ASC) { edges { node { id } } } }`,
      { first: movieCount },
    ),
  ).movies.edges.map((edge) => edge.node.id);
  const register = async (displayName: string) =>
    must(
      await gql<{ register: { accessToken: string } }>(
        `mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`,
        {
          input: { email: `${uniqueId()}@bench.test`, password: 'bench password 1', displayName },
        },
      ),
    ).register.accessToken;
  await Promise.all(
    Array.from({ length: REVIEWERS }, async (_, i) => {
      const token = await register(`Reviewer ${i}`);
      for (const movieId of movieIds)
        must(
          await gql(
            `mutation ($input: CreateReviewInput!) { createReview(input: $input) { id } }`,
            {
              input: {
                movieId,
                rating: 1 + ((i * 7) % 10),
                title: `Take ${i}`,
                body: 'A considered opinion. '.repeat(20),
              },
            },
            token,
          ),
        );
    }),
  );
  // The older reviews: their authors are not users (the page shows only the newest ten).
  const reviewsDb = new pg.Client({ connectionString: stack.databaseUrls['reviews'] });
  await reviewsDb.connect();
  await reviewsDb.query(
    `INSERT INTO reviews (id, movie_id, author_id, rating, body, helpful_count, created_at, updated_at)
     SELECT gen_random_uuid(), movie_id, gen_random_uuid(), 1 + floor(random() * 10)::int,
            'An older opinion.', floor(random() * 20)::int,
            now() - interval '30 days' - n * interval '1 minute', now()
       FROM unnest($1::uuid[]) AS movie_id, generate_series(1, $2::int) AS n`,
    [movieIds, olderReviews],
  );
  await reviewsDb.query('ANALYZE reviews');
  await reviewsDb.end();
  const viewer = await register('Viewer');
  for (const movieId of movieIds.filter((_, i) => i % 2 === 0))
    must(
      await gql(
        `mutation ($movieId: ID!) { addToWatchlist(movieId: $movieId) { addedAt } }`,
        { movieId },
        viewer,
      ),
    );

  const counter = (name: string, metric: string, labels: Record<string, string> = {}) =>
    counterValue(bench.urlOf(name), metric, labels);
  const measured = ['movies', 'reviews', 'users', 'watchlists'];
  const snapshot = async () => ({
    statements: await Promise.all(measured.map((name) => counter(name, 'db_statements_total'))),
    hits:
      (await counter('reviews', 'cache_lookups_total', { outcome: 'hit' })) +
      (await counter('movies', 'cache_lookups_total', { outcome: 'hit' })),
    lookups:
      (await counter('reviews', 'cache_lookups_total')) +
      (await counter('movies', 'cache_lookups_total')),
  });
  const epochKeys = ['reviews:ratingSummary', 'movies:movie'].map(
    (cache) => `${redisKeyPrefix}cache:${cache}:epoch`,
  );

  async function phase(name: string, durationS: number, cold: boolean, concurrency: number) {
    const before = await snapshot();
    const latencies: number[] = [];
    let failures = 0;
    const deadline = performance.now() + durationS * 1_000;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const movieId = movieIds[next++ % movieIds.length]!;
          if (cold) await Promise.all(epochKeys.map((key) => redis.set(key, randomUUID())));
          const t0 = performance.now();
          const response = await graphqlRequest<MoviePage>(stack.gatewayUrl, MOVIE_PAGE, {
            variables: { id: movieId },
            token: viewer,
          }).catch(() => null);
          const elapsed = performance.now() - t0;
          const movie = response?.data?.movie;
          const ok =
            response?.status === 200 &&
            !response.errors &&
            movie?.id === movieId &&
            movie.reviews.edges.length === 10 &&
            movie.reviews.totalCount === TOTAL_REVIEWS &&
            movie.ratingSummary.count === TOTAL_REVIEWS &&
            movie.inViewerWatchlist === (movieIds.indexOf(movieId) % 2 === 0);
          if (ok) latencies.push(elapsed);
          else failures++;
        }
      }),
    );
    const wall = (performance.now() - started) / 1_000;
    const after = await snapshot();
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => percentile(latencies, p);
    const requests = latencies.length + failures;
    const perRequest = measured.map(
      (_, i) => (after.statements[i]! - before.statements[i]!) / requests,
    );
    return {
      phase: name,
      concurrency,
      requests: latencies.length,
      failures,
      rps: latencies.length / wall,
      p50: pct(50),
      p95: pct(95),
      p99: pct(99),
      sqlPerRequest: perRequest.reduce((a, b) => a + b, 0),
      sqlBySubgraph: measured.map((name, i) => `${name} ${perRequest[i]!.toFixed(2)}`).join(', '),
      hitRatio: (after.hits - before.hits) / Math.max(1, after.lookups - before.lookups),
    };
  }

  await phase('warm-up', Math.min(3, seconds), false, levels.at(-1)!);
  const results = [];
  for (const concurrency of levels) {
    const warm = await phase('cache warm', seconds, false, concurrency);
    const cold = await phase('cache cold', seconds, true, concurrency);
    results.push({ ...warm, warm }, { ...cold, warm });
  }

  const rows = results.map((r) => ({
    phase: r.phase,
    clients: r.concurrency,
    'requests/s': r.rps.toFixed(0),
    'p50 ms': r.p50.toFixed(1),
    'p95 ms': r.p95.toFixed(1),
    'p99 ms': r.p99.toFixed(1),
    failures: r.failures,
    'cache hit ratio': `${(r.hitRatio * 100).toFixed(0)}%`,
    'SQL statements/request': r.sqlPerRequest.toFixed(2),
    'by subgraph': r.sqlBySubgraph,
    'rps vs warm': `${(r.rps / r.warm.rps).toFixed(2)}x`,
    'p99 vs warm': `${(r.p99 / r.warm.p99).toFixed(2)}x`,
  }));
  await reportTable(
    'movie-page',
    `${seconds} s per phase, ${levels.join(' and ')} concurrent clients, ${movieCount} movies with ${TOTAL_REVIEWS} reviews each (${REVIEWERS} by registered users)`,
    rows,
    {
      'seconds per phase': seconds,
      clients: levels,
      movies: movieCount,
      'reviews per movie': TOTAL_REVIEWS,
    },
  );
  if (results.some((r) => r.failures)) process.exitCode = 1;
} finally {
  redis.disconnect();
  await bench.dispose();
}
