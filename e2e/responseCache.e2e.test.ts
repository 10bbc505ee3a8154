// The gateway's response cache on the real supergraph: public catalog answers are served
// from the keyspace, a read after a write (through the gateway, or an event from a write
// made elsewhere) never sees the old value, PRIVATE answers stay with their viewer, and a
// Redis outage costs the cache, never an answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { counterValue, eventually, graphqlRequest } from '@cinegraph/testing';
import { testStackMode, useStack } from '@cinegraph/stack/testing';
import type { Account } from './support/accounts.ts';
import { register, signInAdmin } from './support/accounts.ts';

const stack = useStack();

const MOVIE_PAGE = /* GraphQL */ `
  query MoviePage($id: ID!) {
    movie(id: $id) {
      id
      title
      ratingSummary {
        count
        average
      }
      reviews(first: 5) {
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
const UPDATE_TITLE = /* GraphQL */ `
  mutation Rename($id: ID!, $title: String!) {
    updateMovie(id: $id, input: { title: $title }) {
      title
    }
  }
`;
const CREATE_REVIEW = /* GraphQL */ `
  mutation Review($movieId: ID!, $rating: Int!) {
    createReview(input: { movieId: $movieId, rating: $rating, body: "Seen it." }) {
      id
    }
  }
`;
const VIEWER_PAGE = /* GraphQL */ `
  query ViewerPage($id: ID!) {
    me {
      id
      displayName
    }
    movie(id: $id) {
      title
      inViewerWatchlist
    }
  }
`;

interface MoviePage {
  movie: {
    id: string;
    title: string;
    ratingSummary: { count: number; average: number | null };
    reviews: { totalCount: number };
  };
}

const lookups = (outcome: string, url = stack.urls['gateway']!) =>
  counterValue(url, 'gateway_response_cache_lookups_total', { outcome });

let movieIds: string[];
let admin: Account;
beforeAll(async () => {
  const response = await stack.graphql<{ movies: { edges: { node: { id: string } }[] } }>(
    '{ movies(first: 10, orderBy: TITLE_ASC) { edges { node { id } } } }',
  );
  movieIds = response.data!.movies.edges.map((edge) => edge.node.id);
  admin = await signInAdmin(stack);
});

async function moviePage(id: string, url?: string): Promise<MoviePage['movie']> {
  const response = url
    ? await graphqlRequest<MoviePage>(url, MOVIE_PAGE, { variables: { id } })
    : await stack.graphql<MoviePage>(MOVIE_PAGE, { variables: { id } });
  expect(response.errors).toBeUndefined();
  return response.data!.movie;
}

describe('public catalog reads', () => {
  it('are answered from the cache the second time, and counted', async () => {
    const id = movieIds[0]!;
    const [missesBefore, hitsBefore] = [await lookups('miss'), await lookups('hit')];
    const first = await moviePage(id);
    const second = await eventually(async () => {
      const hits = await lookups('hit');
      const page = await moviePage(id);
      return (await lookups('hit')) > hits ? page : undefined;
    });
    expect(second).toEqual(first);
    expect(await lookups('miss')).toBeGreaterThan(missesBefore);
    expect(await lookups('hit')).toBeGreaterThan(hitsBefore);
  });

  it('never answers a seat count from the cache (maxAge 0)', async () => {
    const query = '{ showtimes(first: 1) { edges { node { id availableSeatCount } } } }';
    const before = await Promise.all(['hit', 'miss'].map((outcome) => lookups(outcome)));
    await stack.graphql(query);
    await stack.graphql(query);
    const after = await Promise.all(['hit', 'miss'].map((outcome) => lookups(outcome)));
    expect(after).toEqual(before);
  });
});

describe('a read after a write', () => {
  it('never sees the title an update replaced, even with reads racing the update', async () => {
    const id = movieIds[1]!;
    await moviePage(id);
    for (let round = 1; round <= 5; round++) {
      const title = `Renamed ${round}`;
      // Readers overlap the write: those that started before it may store the old title
      // after its purge; none of them may be served once the update has answered.
      const racing = Array.from({ length: 8 }, () => moviePage(id));
      const renamed = await stack.graphql(UPDATE_TITLE, {
        token: admin.token,
        variables: { id, title },
      });
      expect(renamed.errors).toBeUndefined();
      const after = await Promise.all(Array.from({ length: 8 }, () => moviePage(id)));
      expect(after.map((page) => page.title)).toEqual(after.map(() => title));
      await Promise.all(racing);
      const settled = await Promise.all(Array.from({ length: 8 }, () => moviePage(id)));
      expect(settled.map((page) => page.title)).toEqual(settled.map(() => title));
    }
  });

  it('sees a new review in the rating summary and the list, whatever the mutation selected', async () => {
    const id = movieIds[2]!;
    expect((await moviePage(id)).ratingSummary.count).toBe(0);
    await moviePage(id); // cached
    for (const [index, rating] of [4, 8].entries()) {
      const critic = await register(stack, `Critic ${index}`);
      const racing = Array.from({ length: 4 }, () => moviePage(id));
      const created = await stack.graphql(CREATE_REVIEW, {
        token: critic.token,
        variables: { movieId: id, rating },
      });
      expect(created.errors).toBeUndefined();
      const page = await moviePage(id);
      expect(page.ratingSummary.count).toBe(index + 1);
      expect(page.reviews.totalCount).toBe(index + 1);
      await Promise.all(racing);
      expect((await moviePage(id)).ratingSummary.count).toBe(index + 1);
    }
    expect((await moviePage(id)).ratingSummary.average).toBe(6);
  });

  it('keeps the answers a write in another subgraph did not touch', async () => {
    const id = movieIds[7]!;
    const fan = await register(stack, 'Fan');
    await moviePage(id);
    // Cached (the store lands after the answer): the title (movies), rating and reviews (reviews).
    const cached = await lookups('hit');
    await expect
      .poll(async () => {
        await moviePage(id);
        return lookups('hit');
      })
      .toBeGreaterThan(cached);
    const [hits, stale] = [await lookups('hit'), await lookups('stale')];
    // The watchlists subgraph writes: it resolves nothing of what the page shows.
    const added = await stack.graphql(
      'mutation ($id: ID!) { addToWatchlist(movieId: $id) { addedAt movie { id title } } }',
      { token: fan.token, variables: { id } },
    );
    expect(added.errors).toBeUndefined();
    await moviePage(id);
    expect(await lookups('hit')).toBe(hits + 1);
    expect(await lookups('stale')).toBe(stale);
    // The reviews subgraph writes: the rating and the list are its own.
    const reviewed = await stack.graphql(CREATE_REVIEW, {
      token: fan.token,
      variables: { movieId: id, rating: 9 },
    });
    expect(reviewed.errors).toBeUndefined();
    expect((await moviePage(id)).ratingSummary.count).toBeGreaterThan(0);
    expect(await lookups('stale')).toBe(stale + 1);
  });

  it('sees a write made past the gateway once its event is consumed', async () => {
    const id = movieIds[3]!;
    const old = await moviePage(id);
    const hits = await lookups('hit');
    await expect
      .poll(async () => {
        await moviePage(id);
        return lookups('hit');
      })
      .toBeGreaterThan(hits);
    // Straight to the movies subgraph: the gateway sees no mutation, only movie.updated.
    const direct = await graphqlRequest(`${stack.urls['movies']}/graphql`, UPDATE_TITLE, {
      token: admin.token,
      variables: { id, title: 'Renamed Past The Gateway' },
    });
    expect(direct.errors).toBeUndefined();
    // Without the event the cached page would keep its old title for its 60 s.
    const renamed = await eventually(async () => {
      const page = await moviePage(id);
      return page.title === old.title ? undefined : page;
    }, 20_000);
    expect(renamed.title).toBe('Renamed Past The Gateway');
    expect(
      await counterValue(stack.urls['gateway']!, 'gateway_response_cache_purges_total', {
        source: 'event',
        outcome: 'done',
      }),
    ).toBeGreaterThan(0);
  });
});

describe('PRIVATE answers', () => {
  it('are never served to another viewer, however many ask at once', async () => {
    const id = movieIds[4]!;
    const viewers = await Promise.all(
      Array.from({ length: 8 }, (_, index) => register(stack, `Viewer ${index}`)),
    );
    const fan = viewers[0]!;
    const added = await stack.graphql(
      'mutation ($id: ID!) { addToWatchlist(movieId: $id) { addedAt } }',
      { token: fan.token, variables: { id } },
    );
    expect(added.errors).toBeUndefined();
    const hitsBefore = await lookups('hit');
    for (let round = 0; round < 4; round++) {
      const answers = await Promise.all(
        viewers.flatMap((viewer) =>
          [0, 1].map(() =>
            stack.graphql<{
              me: { id: string; displayName: string };
              movie: { inViewerWatchlist: boolean };
            }>(VIEWER_PAGE, { token: viewer.token, variables: { id } }),
          ),
        ),
      );
      answers.forEach((answer, index) => {
        const viewer = viewers[Math.floor(index / 2)]!;
        expect(answer.errors).toBeUndefined();
        expect(answer.data!.me.id).toBe(viewer.id);
        expect(answer.data!.movie.inViewerWatchlist).toBe(viewer === fan);
      });
    }
    // They were cached (each for its viewer), not only executed.
    expect(await lookups('hit')).toBeGreaterThan(hitsBefore);
    // Anonymous callers share no viewer's answer (and theirs is never stored).
    const anonymous = await stack.graphql<{ me: null; movie: { inViewerWatchlist: boolean } }>(
      VIEWER_PAGE,
      { variables: { id } },
    );
    expect(anonymous.data).toMatchObject({ me: null, movie: { inViewerWatchlist: false } });
  });

  it("follow the viewer's own writes", async () => {
    const id = movieIds[5]!;
    const viewer = await register(stack, 'Collector');
    const page = () =>
      stack.graphql<{ movie: { inViewerWatchlist: boolean } }>(VIEWER_PAGE, {
        token: viewer.token,
        variables: { id },
      });
    expect((await page()).data!.movie.inViewerWatchlist).toBe(false);
    expect((await page()).data!.movie.inViewerWatchlist).toBe(false);
    await stack.graphql('mutation ($id: ID!) { addToWatchlist(movieId: $id) { addedAt } }', {
      token: viewer.token,
      variables: { id },
    });
    expect((await page()).data!.movie.inViewerWatchlist).toBe(true);
  });
});

describe.skipIf(testStackMode() === 'embedded')('with Redis unreachable', () => {
  it('answers right, bypassing the cache, and counts the bypass', async () => {
    const url = await stack.startGateway('rateLimits: { enabled: false }', {
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    const base = url.replace(/\/graphql$/, '');
    const id = movieIds[6]!;
    const started = Date.now();
    const first = await moviePage(id, url);
    const second = await moviePage(id, url);
    expect(second).toEqual(first);
    expect(first.title).toBe((await moviePage(id)).title);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await lookups('bypass', base)).toBeGreaterThanOrEqual(2);
    expect(await lookups('hit', base)).toBe(0);
    await stack.stopGateway(url);
  });
});
