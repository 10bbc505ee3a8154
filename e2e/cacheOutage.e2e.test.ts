// A cache outage costs speed, never answers: with Redis unreachable for reviews and movies
// (their REDIS_URL names a closed port), the movie page and review writes still work, read
// their writes, and /metrics counts the lookups that fell back to the database.
import { beforeAll, describe, expect, it } from 'vitest';
import { counterValue } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';
import { register } from './support/accounts.ts';

// Port 1 is never listening here; a free port from get-port could be taken meanwhile.
const CLOSED = { REDIS_URL: 'redis://127.0.0.1:1' };
const stack = useStack({ processEnv: { reviews: CLOSED, movies: CLOSED } });

const MOVIE_PAGE = /* GraphQL */ `
  query MoviePage($id: ID!) {
    movie(id: $id) {
      title
      ratingSummary {
        average
        count
      }
      reviews(first: 10) {
        totalCount
        edges {
          node {
            rating
            author {
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
    title: string;
    ratingSummary: { average: number | null; count: number };
    reviews: { totalCount: number; edges: { node: { rating: number } }[] };
  };
}

let movieId: string;
beforeAll(async () => {
  const response = await stack.graphql<{ movies: { edges: { node: { id: string } }[] } }>(
    '{ movies(first: 1) { edges { node { id } } } }',
  );
  movieId = response.data!.movies.edges[0]!.node.id;
});

async function moviePage() {
  const response = await stack.graphql<MoviePage>(MOVIE_PAGE, { variables: { id: movieId } });
  expect(response.errors).toBeUndefined();
  return response.data!.movie;
}

describe('with Redis unreachable', () => {
  it('serves the movie page and reads its writes from the database', async () => {
    expect((await moviePage()).ratingSummary).toEqual({ average: null, count: 0 });

    const critic = await register(stack, 'Critic');
    const created = await stack.graphql(
      /* GraphQL */ `
        mutation ($movieId: ID!) {
          createReview(input: { movieId: $movieId, rating: 7, body: "Still works." }) {
            id
          }
        }
      `,
      { token: critic.token, variables: { movieId } },
    );
    expect(created.errors).toBeUndefined();

    const page = await moviePage();
    expect(page.ratingSummary).toEqual({ average: 7, count: 1 });
    expect(page.reviews.totalCount).toBe(1);
    expect(page.reviews.edges[0]!.node.rating).toBe(7);
  });

  it('counts the fallbacks as cache errors on /metrics, and stays ready', async () => {
    await moviePage();
    for (const name of ['reviews', 'movies']) {
      const url = stack.urls[name]!;
      expect(await counterValue(url, 'cache_lookups_total', { outcome: 'error' })).toBeGreaterThan(
        0,
      );
      expect(await counterValue(url, 'cache_lookups_total', { outcome: 'hit' })).toBe(0);
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(200);
    }
  });
});
