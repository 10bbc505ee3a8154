// The batching bound: however many movies a page shows, each subgraph runs the same small
// number of SQL statements for it. Counted by each subgraph's `db_statements_total`
// (Prisma's query events), read from /metrics around one request through the gateway.
import { beforeAll, describe, expect, it } from 'vitest';
import { counterValue } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';
import type { Account } from './support/accounts.ts';
import { register } from './support/accounts.ts';

// What is measured here is the subgraphs and their caches: the gateway's response cache,
// which would answer the repeated reads itself, is off.
const stack = useStack({ env: { RESPONSE_CACHE_ENABLED: 'false' } });

const AUTHORS = 5;
const MOVIES = 50;

/** N movies × their 5 latest reviews × each author's name (users) and watchlist count. */
const MOVIES_WITH_REVIEWS = /* GraphQL */ `
  query MoviesWithReviews($first: Int!) {
    movies(first: $first, orderBy: TITLE_ASC) {
      edges {
        node {
          id
          title
          reviews(first: 5) {
            edges {
              node {
                rating
                author {
                  id
                  displayName
                  watchlistCount
                }
              }
            }
          }
        }
      }
    }
  }
`;

interface Result {
  movies: {
    edges: {
      node: {
        id: string;
        reviews: {
          edges: {
            node: {
              rating: number;
              author: { id: string; displayName: string; watchlistCount: number };
            };
          }[];
        };
      };
    }[];
  };
}

/**
 * SQL statements per subgraph for that query, whatever N is: movies 2 (the page's ids in
 * keyset order, then those rows), reviews 1 (every movie's latest reviews in one LATERAL
 * join), users 1 (the authors by id), watchlists 1 (every author's count in one GROUP BY).
 */
const EXPECTED_STATEMENTS = { movies: 2, reviews: 1, users: 1, watchlists: 1 };
const SUBGRAPHS = Object.keys(EXPECTED_STATEMENTS) as (keyof typeof EXPECTED_STATEMENTS)[];

async function statementsFor(first: number) {
  const count = () =>
    Promise.all(SUBGRAPHS.map((name) => counterValue(stack.urls[name]!, 'db_statements_total')));
  const before = await count();
  const response = await stack.graphql<Result>(MOVIES_WITH_REVIEWS, { variables: { first } });
  const after = await count();
  expect(response.errors).toBeUndefined();
  const statements = Object.fromEntries(SUBGRAPHS.map((name, i) => [name, after[i]! - before[i]!]));
  return { statements, data: response.data! };
}

let authors: (Account & { name: string; listed: number })[];
let movieIds: string[];

beforeAll(async () => {
  const page = await stack.graphql<Result>(MOVIES_WITH_REVIEWS, { variables: { first: MOVIES } });
  movieIds = page.data!.movies.edges.map((edge) => edge.node.id);
  expect(movieIds).toHaveLength(MOVIES);

  // Five authors review all fifty movies; author i keeps i + 1 movies on their watchlist.
  authors = await Promise.all(
    Array.from({ length: AUTHORS }, async (_, i) => {
      const name = `Author ${i}`;
      const account = await register(stack, name);
      for (const movieId of movieIds) {
        const created = await stack.graphql(
          /* GraphQL */ `
            mutation ($input: CreateReviewInput!) {
              createReview(input: $input) {
                id
              }
            }
          `,
          {
            token: account.token,
            variables: { input: { movieId, rating: 1 + ((i * 3) % 10), body: `Review ${i}` } },
          },
        );
        expect(created.errors).toBeUndefined();
      }
      for (const movieId of movieIds.slice(0, i + 1)) {
        const added = await stack.graphql(
          /* GraphQL */ `
            mutation ($movieId: ID!) {
              addToWatchlist(movieId: $movieId) {
                addedAt
              }
            }
          `,
          { token: account.token, variables: { movieId } },
        );
        expect(added.errors).toBeUndefined();
      }
      return { ...account, name, listed: i + 1 };
    }),
  );
}, 120_000);

describe('SQL statements per request', () => {
  it(`are the same for 5 and for ${MOVIES} movies: five in all`, async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(MOVIES);

    expect(small.statements).toEqual(EXPECTED_STATEMENTS);
    expect(large.statements).toEqual(EXPECTED_STATEMENTS);

    // ... and the answer is the whole join, not a shortcut.
    const byAuthor = new Map(authors.map((author) => [author.id, author]));
    expect(large.data.movies.edges).toHaveLength(MOVIES);
    for (const { node } of large.data.movies.edges) {
      expect(node.reviews.edges).toHaveLength(5);
      for (const { node: review } of node.reviews.edges) {
        const author = byAuthor.get(review.author.id)!;
        expect(review.author.displayName).toBe(author.name);
        expect(review.author.watchlistCount).toBe(author.listed);
      }
    }
  });
});
