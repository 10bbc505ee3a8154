// Recommendations through the gateway, as the web app asks for them: a rating moves a
// person's picks within seconds (the review's event, consumed by recommendations), a
// person with no signals gets what is popular, and a movie's similar movies join the
// catalog's titles. Everything recommendations knows arrives by events and its catalog
// backfill; the test never writes to its database.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';
import type { Account } from './support/accounts.ts';
import { register } from './support/accounts.ts';

// A recompute every half second, so that similarities exist soon after the backfill.
const stack = useStack({ processEnv: { recommendations: { RECOMPUTE_INTERVAL_MS: '500' } } });

interface Edge {
  node: { id: string; title: string };
  reason: string;
}

const MY_PICKS = /* GraphQL */ `
  query MyPicks {
    me {
      recommendedMovies(first: 10) {
        edges {
          reason
          node {
            id
            title
          }
        }
      }
    }
  }
`;

/** Someone else's picks, reached through the authors of a movie's reviews. */
const AUTHORS_PICKS = /* GraphQL */ `
  query AuthorsPicks($movieId: ID!) {
    movie(id: $movieId) {
      reviews(first: 1) {
        edges {
          node {
            author {
              recommendedMovies(first: 1) {
                edges {
                  reason
                }
              }
            }
          }
        }
      }
    }
  }
`;

const POPULAR = /* GraphQL */ `
  query Popular {
    popularMovies(first: 10) {
      edges {
        reason
        node {
          id
          title
        }
      }
    }
  }
`;

const SIMILAR = /* GraphQL */ `
  query Similar($id: ID!) {
    movie(id: $id) {
      title
      similar(first: 5) {
        edges {
          reason
          node {
            id
            title
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

let movies: { id: string; title: string }[];

async function review(account: Account, movieId: string, rating: number): Promise<void> {
  const response = await stack.graphql(
    'mutation ($input: CreateReviewInput!) { createReview(input: $input) { id } }',
    { token: account.token, variables: { input: { movieId, rating, body: 'Seen it.' } } },
  );
  expect(response.errors).toBeUndefined();
}

async function picksOf(account: Account): Promise<Edge[]> {
  const response = await stack.graphql<{ me: { recommendedMovies: { edges: Edge[] } } }>(MY_PICKS, {
    token: account.token,
  });
  expect(response.errors).toBeUndefined();
  return response.data!.me.recommendedMovies.edges;
}

beforeAll(async () => {
  const response = await stack.graphql<{
    movies: { edges: { node: { id: string; title: string } }[] };
  }>('{ movies(first: 40, orderBy: TITLE_ASC) { edges { node { id title } } } }');
  movies = response.data!.movies.edges.map((edge) => edge.node);
  // The catalog backfill and a first recompute: the seeded movies have similar ones.
  await eventually(
    async () => {
      const similar = await stack.graphql<{ movie: { similar: { edges: Edge[] } } }>(SIMILAR, {
        variables: { id: movies[0]!.id },
      });
      return similar.data?.movie.similar.edges.length ? true : undefined;
    },
    60_000,
    'similar movies after the catalog backfill',
  );
});

describe('recommendations', () => {
  it("moves a person's picks within seconds of a rating, and never offers what they rated", async () => {
    const viewer = await register(stack, 'Picky');
    const [first, second] = [movies[3]!, movies[17]!];

    await review(viewer, first.id, 9);
    const afterFirst = await eventually(
      async () => {
        const picks = await picksOf(viewer);
        return picks[0]?.reason === `Because you liked ${first.title}` ? picks : undefined;
      },
      10_000,
      'picks because of the first rating',
    );
    expect(afterFirst.map((edge) => edge.node.id)).not.toContain(first.id);
    // The catalog's own titles, joined by the gateway.
    expect(afterFirst.every((edge) => edge.node.title.length > 0)).toBe(true);

    await review(viewer, second.id, 10);
    const afterSecond = await eventually(
      async () => {
        const picks = await picksOf(viewer);
        return picks.some((edge) => edge.reason === `Because you liked ${second.title}`)
          ? picks
          : undefined;
      },
      10_000,
      'picks because of the second rating',
    );
    const ids = afterSecond.map((edge) => edge.node.id);
    expect(ids).not.toContain(first.id);
    expect(ids).not.toContain(second.id);
  });

  it('falls back to what is popular for a person with no signals, and keeps picks private', async () => {
    const fans = await Promise.all([register(stack, 'Fan one'), register(stack, 'Fan two')]);
    const favourite = movies[25]!;
    for (const fan of fans) await review(fan, favourite.id, 10);

    const newcomer = await register(stack, 'Newcomer');
    const picks = await eventually(
      async () => {
        const edges = await picksOf(newcomer);
        return edges.some((edge) => edge.node.id === favourite.id) ? edges : undefined;
      },
      10_000,
      'the favourite among the popular picks',
    );
    expect(new Set(picks.map((edge) => edge.reason))).toEqual(new Set(['Popular this week']));
    const popular = await stack.graphql<{ popularMovies: { edges: Edge[] } }>(POPULAR);
    expect(popular.errors).toBeUndefined();
    expect(picks.map((edge) => edge.node.id)).toEqual(
      popular.data!.popularMovies.edges.map((edge) => edge.node.id),
    );

    // Someone else's picks (a fan's, as the author of their review): FORBIDDEN;
    // anonymous: UNAUTHENTICATED.
    const other = await stack.graphql(AUTHORS_PICKS, {
      token: newcomer.token,
      variables: { movieId: favourite.id },
    });
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const anonymous = await stack.graphql(AUTHORS_PICKS, { variables: { movieId: favourite.id } });
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it("joins a movie's similar movies to the catalog, with what they share, page by page", async () => {
    const movie = movies[0]!;
    const response = await stack.graphql<{
      movie: {
        title: string;
        similar: { edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      };
    }>(SIMILAR, { variables: { id: movie.id } });
    expect(response.errors).toBeUndefined();
    const { edges, pageInfo } = response.data!.movie.similar;
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.map((edge) => edge.node.id)).not.toContain(movie.id);
    for (const edge of edges) {
      expect(edge.node.title.length).toBeGreaterThan(0);
      expect(edge.reason).toMatch(
        new RegExp(`(with|who liked) ${movie.title.replace(/\W/g, '.')}$`),
      );
    }
    if (pageInfo.hasNextPage) {
      const next = await stack.graphql<{ movie: { similar: { edges: Edge[] } } }>(
        SIMILAR.replace('similar(first: 5)', 'similar(first: 5, after: $after)').replace(
          'query Similar($id: ID!)',
          'query Similar($id: ID!, $after: String)',
        ),
        { variables: { id: movie.id, after: pageInfo.endCursor } },
      );
      const nextIds = next.data!.movie.similar.edges.map((edge) => edge.node.id);
      expect(nextIds.filter((id) => edges.some((edge) => edge.node.id === id))).toEqual([]);
    }
    // Many movies' similar lists in one request: one answer each, from one batch.
    const many = await stack.graphql<{
      movies: { edges: { node: { id: string; similar: { edges: Edge[] } } }[] };
    }>(
      '{ movies(first: 5, orderBy: TITLE_ASC) { edges { node { id similar(first: 2) { edges { reason node { id title } } } } } } }',
    );
    expect(many.errors).toBeUndefined();
    for (const { node } of many.data!.movies.edges) {
      expect(node.similar.edges.length).toBeGreaterThan(0);
      expect(node.similar.edges.map((edge) => edge.node.id)).not.toContain(node.id);
    }
    // A bad page, or a city no one names, is the client's error.
    const bad = await stack.graphql(
      'query ($id: ID!) { movie(id: $id) { similar(first: 500) { edges { reason } } } }',
      { variables: { id: movie.id } },
    );
    expect(bad.errors?.[0]?.extensions?.['code']).toMatch(/BAD_USER_INPUT|OPERATION_TOO_COMPLEX/);
    const city = await stack.graphql(
      'query ($city: String) { popularMovies(city: $city) { edges { reason } } }',
      {
        variables: { city: 'x'.repeat(101) },
      },
    );
    expect(city.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
