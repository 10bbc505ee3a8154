// The movie page as a frontend builds it: one query through the gateway joining movies,
// reviews, users and watchlists, with the rules each subgraph enforces on the way.
import { beforeAll, describe, expect, it } from 'vitest';
import { counterValue, errorCodes, eventually } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';
import type { Account } from './support/accounts.ts';
import { register, signInAdmin } from './support/accounts.ts';

// What is measured here is the subgraphs and their caches: the gateway's response cache,
// which would answer the repeated reads itself, is off.
const stack = useStack({ env: { RESPONSE_CACHE_ENABLED: 'false' } });

const MOVIE_PAGE = /* GraphQL */ `
  query MoviePage($id: ID!, $orderBy: ReviewOrder) {
    movie(id: $id) {
      id
      title
      ratingSummary {
        average
        count
        distribution {
          rating
          count
        }
      }
      inViewerWatchlist
      watchlistCount
      reviews(first: 10, orderBy: $orderBy) {
        totalCount
        edges {
          node {
            id
            rating
            title
            body
            containsSpoilers
            helpfulCount
            viewerMarkedHelpful
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
const CREATE_REVIEW = /* GraphQL */ `
  mutation CreateReview($input: CreateReviewInput!) {
    createReview(input: $input) {
      id
      rating
      title
      body
      helpfulCount
      movie {
        id
        title
      }
      author {
        id
        displayName
      }
    }
  }
`;
const UPDATE_REVIEW = /* GraphQL */ `
  mutation UpdateReview($id: ID!, $input: UpdateReviewInput!) {
    updateReview(id: $id, input: $input) {
      id
      rating
      title
    }
  }
`;
const DELETE_REVIEW = /* GraphQL */ `
  mutation DeleteReview($id: ID!) {
    deleteReview(id: $id) {
      id
    }
  }
`;
const MARK_HELPFUL = /* GraphQL */ `
  mutation MarkHelpful($id: ID!) {
    markReviewHelpful(id: $id) {
      helpfulCount
      viewerMarkedHelpful
    }
  }
`;
const ADD_TO_WATCHLIST = /* GraphQL */ `
  mutation Add($movieId: ID!, $note: String) {
    addToWatchlist(movieId: $movieId, note: $note) {
      note
      watchedAt
      movie {
        id
        title
      }
    }
  }
`;
const MY_WATCHLIST = /* GraphQL */ `
  query MyWatchlist {
    me {
      watchlistCount
      watchlist(first: 10) {
        totalCount
        edges {
          node {
            note
            watchedAt
            movie {
              id
              title
            }
          }
        }
      }
    }
  }
`;

interface ReviewNode {
  id: string;
  rating: number;
  title: string | null;
  body: string;
  containsSpoilers: boolean;
  helpfulCount: number;
  viewerMarkedHelpful: boolean;
  author: { id: string; displayName: string };
}
interface MoviePage {
  movie: {
    id: string;
    title: string;
    ratingSummary: {
      average: number | null;
      count: number;
      distribution: { rating: number; count: number }[];
    };
    inViewerWatchlist: boolean;
    watchlistCount: number;
    reviews: { totalCount: number; edges: { node: ReviewNode }[] };
  };
}

let movieIds: string[];

async function moviePage(id: string, token?: string, orderBy?: string) {
  const response = await stack.graphql<MoviePage>(MOVIE_PAGE, {
    variables: { id, ...(orderBy ? { orderBy } : {}) },
    ...(token ? { token } : {}),
  });
  expect(response.errors).toBeUndefined();
  return response.data!.movie;
}

async function review(
  account: Account,
  movieId: string,
  fields: { rating: number; body?: string; title?: string | null },
) {
  const response = await stack.graphql<{ createReview: { id: string } }>(CREATE_REVIEW, {
    token: account.token,
    variables: { input: { movieId, body: 'Worth seeing.', ...fields } },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.createReview.id;
}

beforeAll(async () => {
  const response = await stack.graphql<{ movies: { edges: { node: { id: string } }[] } }>(
    /* GraphQL */ `
      query {
        movies(first: 100, orderBy: TITLE_ASC) {
          edges {
            node {
              id
            }
          }
        }
      }
    `,
  );
  movieIds = response.data!.movies.edges.map((edge) => edge.node.id);
  expect(movieIds.length).toBe(100);
});

describe('the movie page', () => {
  it('joins movies, reviews, users and watchlists in one query', async () => {
    const [movieId] = movieIds;
    const ada = await register(stack, 'Ada');
    const alan = await register(stack, 'Alan');
    await review(ada, movieId!, { rating: 9, title: 'Superb', body: 'Loved every minute.' });
    await review(alan, movieId!, { rating: 6, title: null });
    const added = await stack.graphql(ADD_TO_WATCHLIST, {
      token: ada.token,
      variables: { movieId },
    });
    expect(added.errors).toBeUndefined();

    const page = await moviePage(movieId!, ada.token);
    expect(page.title).toEqual(expect.any(String));
    expect(page.ratingSummary.count).toBe(2);
    expect(page.ratingSummary.average).toBe(7.5);
    expect(page.ratingSummary.distribution).toHaveLength(10);
    expect(page.ratingSummary.distribution.filter((d) => d.count > 0)).toEqual([
      { rating: 6, count: 1 },
      { rating: 9, count: 1 },
    ]);
    expect(page.inViewerWatchlist).toBe(true);
    expect(page.watchlistCount).toBe(1);
    expect(page.reviews.totalCount).toBe(2);
    // Newest first; each author's displayName comes from users.
    expect(page.reviews.edges.map((e) => [e.node.author.displayName, e.node.rating])).toEqual([
      ['Alan', 6],
      ['Ada', 9],
    ]);
    expect(page.reviews.edges[0]!.node.title).toBeNull();

    // The same page, anonymous and for another user: no one else's watchlist state.
    expect((await moviePage(movieId!)).inViewerWatchlist).toBe(false);
    expect((await moviePage(movieId!, alan.token)).inViewerWatchlist).toBe(false);
    expect((await moviePage(movieId!, alan.token)).watchlistCount).toBe(1);

    const byRating = await moviePage(movieId!, undefined, 'LOWEST');
    expect(byRating.reviews.edges.map((e) => e.node.rating)).toEqual([6, 9]);
  });

  it('stores text exactly as written and never as HTML', async () => {
    const author = await register(stack, 'Mallory <b>');
    const body = '<script>alert("x")</script> & <i>spoilers</i> — “quoted” 🎬\n  two lines  ';
    const title = '<h1>Loud</h1>';
    const id = await review(author, movieIds[1]!, { rating: 5, body, title });
    const page = await moviePage(movieIds[1]!);
    const node = page.reviews.edges.find((e) => e.node.id === id)!.node;
    expect(node.body).toBe(body);
    expect(node.title).toBe(title);
    expect(node.author.displayName).toBe('Mallory <b>');
  });
});

describe('review rules', () => {
  let author: Account;
  let other: Account;
  beforeAll(async () => {
    author = await register(stack, 'Author');
    other = await register(stack, 'Other');
  });

  it('needs a signed-in user to write', async () => {
    const response = await stack.graphql(CREATE_REVIEW, {
      variables: { input: { movieId: movieIds[2], rating: 5, body: 'x' } },
    });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    ['a rating of 0', { rating: 0 }, 'rating'],
    ['a rating of 11', { rating: 11 }, 'rating'],
    ['a title of 121 characters', { title: 'x'.repeat(121) }, 'title'],
    ['an empty body', { body: '' }, 'body'],
    ['a blank body', { body: ' \n\t ' }, 'body'],
    ['a body of 10,001 characters', { body: 'x'.repeat(10_001) }, 'body'],
  ])('refuses %s as BAD_USER_INPUT naming %s', async (_, fields, field) => {
    const response = await stack.graphql(CREATE_REVIEW, {
      token: author.token,
      variables: { input: { movieId: movieIds[2], rating: 5, body: 'Fine.', ...fields } },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions!['field']).toBe(field);
    expect(response.errors![0]!.extensions!['stacktrace']).toBeUndefined();
  });

  it('accepts the longest title and body', async () => {
    const response = await stack.graphql(CREATE_REVIEW, {
      token: other.token,
      variables: {
        input: {
          movieId: movieIds[3],
          rating: 1,
          title: 'é'.repeat(120),
          body: 'y'.repeat(10_000),
        },
      },
    });
    expect(response.errors).toBeUndefined();
  });

  it('is NOT_FOUND for a movie that does not exist, and BAD_USER_INPUT for a malformed id', async () => {
    const missing = await stack.graphql(CREATE_REVIEW, {
      token: author.token,
      variables: { input: { movieId: crypto.randomUUID(), rating: 5, body: 'Fine.' } },
    });
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    const malformed = await stack.graphql(CREATE_REVIEW, {
      token: author.token,
      variables: { input: { movieId: 'not-an-id', rating: 5, body: 'Fine.' } },
    });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  it('allows one review per user per movie (CONFLICT), and a failed one leaves nothing', async () => {
    await review(author, movieIds[4]!, { rating: 7 });
    const again = await stack.graphql(CREATE_REVIEW, {
      token: author.token,
      variables: { input: { movieId: movieIds[4], rating: 2, body: 'Changed my mind.' } },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    const page = await moviePage(movieIds[4]!);
    expect(page.reviews.edges.map((e) => e.node.rating)).toEqual([7]);
  });

  it('lets only the author update; the author or an admin delete', async () => {
    const id = await review(author, movieIds[5]!, { rating: 4 });
    const admin = await signInAdmin(stack);

    const byOther = await stack.graphql(UPDATE_REVIEW, {
      token: other.token,
      variables: { id, input: { rating: 1 } },
    });
    expect(errorCodes(byOther)).toEqual(['FORBIDDEN']);
    const byAdmin = await stack.graphql(UPDATE_REVIEW, {
      token: admin.token,
      variables: { id, input: { rating: 1 } },
    });
    expect(errorCodes(byAdmin)).toEqual(['FORBIDDEN']);
    const byAuthor = await stack.graphql<{ updateReview: { rating: number; title: string } }>(
      UPDATE_REVIEW,
      { token: author.token, variables: { id, input: { rating: 8, title: 'Grew on me' } } },
    );
    expect(byAuthor.data!.updateReview).toMatchObject({ rating: 8, title: 'Grew on me' });
    const badUpdate = await stack.graphql(UPDATE_REVIEW, {
      token: author.token,
      variables: { id, input: { body: '' } },
    });
    expect(errorCodes(badUpdate)).toEqual(['BAD_USER_INPUT']);

    const deleteByOther = await stack.graphql(DELETE_REVIEW, {
      token: other.token,
      variables: { id },
    });
    expect(errorCodes(deleteByOther)).toEqual(['FORBIDDEN']);
    const deleteByAdmin = await stack.graphql(DELETE_REVIEW, {
      token: admin.token,
      variables: { id },
    });
    expect(deleteByAdmin.errors).toBeUndefined();
    const deleteAgain = await stack.graphql(DELETE_REVIEW, {
      token: author.token,
      variables: { id },
    });
    expect(errorCodes(deleteAgain)).toEqual(['NOT_FOUND']);
  });

  it('counts each user once as finding a review helpful, and never its author', async () => {
    const id = await review(author, movieIds[6]!, { rating: 9 });
    const own = await stack.graphql(MARK_HELPFUL, { token: author.token, variables: { id } });
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    for (let i = 0; i < 2; i++) {
      const marked = await stack.graphql<{ markReviewHelpful: { helpfulCount: number } }>(
        MARK_HELPFUL,
        { token: other.token, variables: { id } },
      );
      expect(marked.data!.markReviewHelpful).toEqual({
        helpfulCount: 1,
        viewerMarkedHelpful: true,
      });
    }
    const anonymous = await stack.graphql(MARK_HELPFUL, { variables: { id } });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const unknown = await stack.graphql(MARK_HELPFUL, {
      token: other.token,
      variables: { id: crypto.randomUUID() },
    });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('confirms a published review to its author by email', async () => {
    const reader = await register(stack, 'Reader');
    await review(reader, movieIds[7]!, { rating: 8 });
    const templates = await eventually(
      async () => {
        const response = await stack.graphql<{
          me: { notifications: { edges: { node: { template: string; subject: string } }[] } };
        }>(
          /* GraphQL */ `
            query {
              me {
                notifications(first: 10) {
                  edges {
                    node {
                      template
                      subject
                    }
                  }
                }
              }
            }
          `,
          { token: reader.token },
        );
        const nodes = response.data!.me.notifications.edges.map((e) => e.node);
        return nodes.some((n) => n.template === 'reviewPublished') ? nodes : undefined;
      },
      20_000,
      'the review confirmation',
    );
    const confirmation = templates.find((n) => n.template === 'reviewPublished')!;
    const page = await moviePage(movieIds[7]!);
    expect(confirmation.subject).toBe(`Your review of ${page.title} is published`);
  });
});

describe('watchlist rules', () => {
  it('adds idempotently, marks watched, removes, and keeps each list private', async () => {
    const owner = await register(stack, 'Owner');
    const other = await register(stack, 'Nosy');
    const movieId = movieIds[8]!;
    for (const note of ['first', undefined]) {
      const added = await stack.graphql(ADD_TO_WATCHLIST, {
        token: owner.token,
        variables: { movieId, ...(note ? { note } : {}) },
      });
      expect(added.errors).toBeUndefined();
    }
    const list = await stack.graphql<{
      me: { watchlistCount: number; watchlist: { totalCount: number; edges: unknown[] } };
    }>(MY_WATCHLIST, { token: owner.token });
    expect(list.data!.me.watchlistCount).toBe(1);
    expect(list.data!.me.watchlist.edges).toEqual([
      {
        node: { note: 'first', watchedAt: null, movie: { id: movieId, title: expect.any(String) } },
      },
    ]);

    const watched = await stack.graphql<{ markWatched: { watchedAt: string } }>(
      /* GraphQL */ `
        mutation ($movieId: ID!) {
          markWatched(movieId: $movieId) {
            watchedAt
          }
        }
      `,
      { token: owner.token, variables: { movieId } },
    );
    expect(Date.parse(watched.data!.markWatched.watchedAt)).not.toBeNaN();
    const notListed = await stack.graphql(
      /* GraphQL */ `
        mutation ($movieId: ID!) {
          markWatched(movieId: $movieId) {
            watchedAt
          }
        }
      `,
      { token: other.token, variables: { movieId } },
    );
    expect(errorCodes(notListed)).toEqual(['NOT_FOUND']);

    // Someone else's list, reached through a review's author: FORBIDDEN, its count public.
    const id = await review(owner, movieId, { rating: 7 });
    const peek = await stack.graphql<{ review: { author: { watchlistCount: number } } }>(
      /* GraphQL */ `
        query ($id: ID!) {
          review(id: $id) {
            author {
              watchlistCount
              watchlist {
                totalCount
              }
            }
          }
        }
      `,
      { token: other.token, variables: { id } },
    );
    expect(errorCodes(peek)).toEqual(['FORBIDDEN']);

    const unknownMovie = await stack.graphql(ADD_TO_WATCHLIST, {
      token: owner.token,
      variables: { movieId: crypto.randomUUID() },
    });
    expect(errorCodes(unknownMovie)).toEqual(['NOT_FOUND']);
    const anonymous = await stack.graphql(ADD_TO_WATCHLIST, { variables: { movieId } });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);

    const REMOVE = /* GraphQL */ `
      mutation ($movieId: ID!) {
        removeFromWatchlist(movieId: $movieId) {
          removed
        }
      }
    `;
    const removed = await stack.graphql<{ removeFromWatchlist: { removed: boolean } }>(REMOVE, {
      token: owner.token,
      variables: { movieId },
    });
    expect(removed.data!.removeFromWatchlist.removed).toBe(true);
    const again = await stack.graphql<{ removeFromWatchlist: { removed: boolean } }>(REMOVE, {
      token: owner.token,
      variables: { movieId },
    });
    expect(again.data!.removeFromWatchlist.removed).toBe(false);
  });
});

describe('movies created after start-up', () => {
  it('become reviewable once movie.created has reached reviews and watchlists', async () => {
    const admin = await signInAdmin(stack);
    const genres = await stack.graphql<{ genres: { id: string }[] }>('{ genres { id } }');
    const created = await stack.graphql<{ createMovie: { id: string } }>(
      /* GraphQL */ `
        mutation ($genreId: ID!) {
          createMovie(
            input: {
              title: "A Film Made During The Test"
              synopsis: "It did not exist when the stack started."
              releaseDate: "2026-11-26"
              runtimeMinutes: 95
              certification: PG
              genreIds: [$genreId]
            }
          ) {
            id
          }
        }
      `,
      { token: admin.token, variables: { genreId: genres.data!.genres[0]!.id } },
    );
    expect(created.errors).toBeUndefined();
    const movieId = created.data!.createMovie.id;
    const fan = await register(stack, 'Early Fan');
    // Within the consistency window a write may be NOT_FOUND; it then succeeds.
    await eventually(
      async () => {
        const response = await stack.graphql(CREATE_REVIEW, {
          token: fan.token,
          variables: { input: { movieId, rating: 10, body: 'First!' } },
        });
        if (response.errors) expect(errorCodes(response)).toEqual(['NOT_FOUND']);
        return response.errors ? undefined : response;
      },
      20_000,
      'the new movie to be reviewable',
    );
    await eventually(
      async () => {
        const response = await stack.graphql(ADD_TO_WATCHLIST, {
          token: fan.token,
          variables: { movieId },
        });
        return response.errors ? undefined : response;
      },
      20_000,
      'the new movie to be listable',
    );
  });
});

describe('the rating summary cache', () => {
  it('serves repeat reads from Redis and never a summary older than the last write', async () => {
    const movieId = movieIds[9]!;
    const critic = await register(stack, 'Critic');
    const reviews = stack.urls['reviews']!;
    const hits = () => counterValue(reviews, 'cache_lookups_total', { outcome: 'hit' });

    expect((await moviePage(movieId)).ratingSummary.count).toBe(0);
    const before = await hits();
    expect((await moviePage(movieId)).ratingSummary.count).toBe(0);
    expect(await hits()).toBeGreaterThan(before);

    const id = await review(critic, movieId, { rating: 3 });
    expect((await moviePage(movieId)).ratingSummary).toMatchObject({ count: 1, average: 3 });

    await stack.graphql(UPDATE_REVIEW, {
      token: critic.token,
      variables: { id, input: { rating: 10 } },
    });
    expect((await moviePage(movieId)).ratingSummary).toMatchObject({ count: 1, average: 10 });

    await stack.graphql(DELETE_REVIEW, { token: critic.token, variables: { id } });
    expect((await moviePage(movieId)).ratingSummary).toMatchObject({ count: 0, average: null });
  });

  it('serves movie lookups from the movies cache, and an update is read at once', async () => {
    const admin = await signInAdmin(stack);
    const movieId = movieIds[10]!;
    const movies = stack.urls['movies']!;
    await moviePage(movieId);
    const before = await counterValue(movies, 'cache_lookups_total', { outcome: 'hit' });
    await moviePage(movieId);
    expect(await counterValue(movies, 'cache_lookups_total', { outcome: 'hit' })).toBeGreaterThan(
      before,
    );
    const renamed = await stack.graphql(
      /* GraphQL */ `
        mutation ($id: ID!) {
          updateMovie(id: $id, input: { title: "Renamed In The Cache Test" }) {
            title
          }
        }
      `,
      { token: admin.token, variables: { id: movieId } },
    );
    expect(renamed.errors).toBeUndefined();
    expect((await moviePage(movieId)).title).toBe('Renamed In The Cache Test');
  });
});
