import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '@cinegraph/testing';
import { errorCodes } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';

const stack = useStack();

interface Page<Node> {
  totalCount: number;
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}
type MovieNode = {
  id: string;
  title: string;
  releaseDate: string;
  genres: { id: string; name: string }[];
};

const NIL = '00000000-0000-4000-8000-000000000000';
/** A cursor in the right shape but with values the server never wrote. */
const forgedCursor = (position: unknown[]) =>
  Buffer.from(JSON.stringify(position)).toString('base64url');

const MOVIES = /* GraphQL */ `
  query Movies($filter: MovieFilter, $orderBy: MovieOrderBy, $first: Int, $after: String) {
    movies(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          title
          releaseDate
          genres {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
    }
  }
`;

async function allPages(
  variables: Record<string, unknown>,
  pageSize: number,
): Promise<{ nodes: MovieNode[]; total: number }> {
  const nodes: MovieNode[] = [];
  let after: string | null = null;
  let total = 0;
  for (let guard = 0; guard < 100; guard++) {
    const response: GraphQLResponse<{ movies: Page<MovieNode> }> = await stack.graphql(MOVIES, {
      variables: { ...variables, first: pageSize, after },
    });
    expect(response.errors).toBeUndefined();
    const page: Page<MovieNode> = response.data!.movies;
    total = page.totalCount;
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { nodes, total };
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

async function adminToken(): Promise<string> {
  const response = await stack.graphql<{ login: { accessToken: string } }>(
    'mutation { login(input: { email: "admin@cinegraph.dev", password: "cinegraph-admin-password" }) { accessToken } }',
  );
  return response.data!.login.accessToken;
}

async function customerToken(): Promise<string> {
  const response = await stack.graphql<{ login: { accessToken: string } }>(
    'mutation { login(input: { email: "alice@cinegraph.dev", password: "cinegraph-demo-password" }) { accessToken } }',
  );
  return response.data!.login.accessToken;
}

describe('the seeded catalog', () => {
  it('has at least 200 movies with genres, cast, crew and synopses', async () => {
    const response = await stack.graphql<{
      movies: Page<{
        synopsis: string;
        genres: unknown[];
        cast: unknown[];
        crew: { role: string }[];
      }>;
    }>(
      '{ movies(first: 100) { totalCount edges { node { synopsis genres { name } cast { person { name } character } crew { role person { name } } } } } }',
    );
    expect(response.data!.movies.totalCount).toBeGreaterThanOrEqual(200);
    for (const { node } of response.data!.movies.edges) {
      expect(node.synopsis.length).toBeGreaterThan(40);
      expect(node.genres.length).toBeGreaterThan(0);
      expect(node.cast.length).toBeGreaterThan(0);
      expect(node.crew.map((c) => c.role)).toContain('DIRECTOR');
    }
  });

  it('has 10 theaters in 3 cities, 3 screens each, with lettered rows and typed seats', async () => {
    const response = await stack.graphql<{
      theaters: {
        city: string;
        screens: {
          capacity: number;
          seatRows: { label: string; seats: { label: string; type: string }[] }[];
        }[];
      }[];
    }>('{ theaters { city screens { capacity seatRows { label seats { label type } } } } }');
    const theaters = response.data!.theaters;
    expect(theaters).toHaveLength(10);
    expect(new Set(theaters.map((t) => t.city)).size).toBe(3);
    for (const theater of theaters) {
      expect(theater.screens).toHaveLength(3);
      for (const screen of theater.screens) {
        expect(screen.seatRows[0]!.label).toBe('A');
        expect(screen.seatRows[0]!.seats[0]!.label).toBe('A1');
        const types = new Set(screen.seatRows.flatMap((row) => row.seats.map((seat) => seat.type)));
        expect(types).toEqual(new Set(['STANDARD', 'PREMIUM', 'ACCESSIBLE']));
        expect(screen.capacity).toBe(
          screen.seatRows.reduce((sum, row) => sum + row.seats.length, 0),
        );
      }
    }
  });

  it('filters theaters by city, case-insensitively', async () => {
    const response = await stack.graphql<{ theaters: { city: string }[] }>(
      '{ theaters(city: "manchester") { city } }',
    );
    expect(response.data!.theaters.length).toBeGreaterThan(0);
    expect(response.data!.theaters.every((t) => t.city === 'Manchester')).toBe(true);
  });
});

describe('movies(...)', () => {
  it('pages through the whole catalog without gaps or repeats, in every order', async () => {
    for (const orderBy of ['RELEASE_DATE_DESC', 'RELEASE_DATE_ASC', 'TITLE_ASC']) {
      const { nodes, total } = await allPages({ orderBy }, 37);
      expect(nodes).toHaveLength(total);
      expect(new Set(nodes.map((n) => n.id)).size).toBe(total);
      const keys = nodes.map((n) => (orderBy === 'TITLE_ASC' ? n.title : n.releaseDate));
      const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (orderBy === 'RELEASE_DATE_DESC') sorted.reverse();
      if (orderBy !== 'TITLE_ASC') expect(keys).toEqual(sorted);
    }
  });

  it('searches title and synopsis with PostgreSQL full-text search, best match first', async () => {
    const { nodes, total } = await allPages({ filter: { search: 'lighthouse' } }, 10);
    expect(total).toBeGreaterThan(0);
    expect(nodes).toHaveLength(total);
    // Every hit mentions the word (stemmed) in its title or synopsis.
    const details = await stack.graphql<{ movie: { title: string; synopsis: string } }>(
      'query($id: ID) { movie(id: $id) { title synopsis } }',
      {
        variables: { id: nodes[0]!.id },
      },
    );
    expect(`${details.data!.movie.title} ${details.data!.movie.synopsis}`.toLowerCase()).toContain(
      'lighthouse',
    );
    const none = await stack.graphql<{ movies: Page<MovieNode> }>(MOVIES, {
      variables: { filter: { search: 'zzzqqq' } },
    });
    expect(none.data!.movies.totalCount).toBe(0);
  });

  it('filters by genre and release dates', async () => {
    const genres = await stack.graphql<{ genres: { id: string; name: string }[] }>(
      '{ genres { id name } }',
    );
    const horror = genres.data!.genres.find((g) => g.name === 'Horror')!;
    const { nodes } = await allPages(
      {
        filter: {
          genreIds: [horror.id],
          releasedAfter: '2000-01-01',
          releasedBefore: '2015-12-31',
        },
      },
      50,
    );
    expect(nodes.length).toBeGreaterThan(0);
    for (const movie of nodes) {
      expect(movie.genres.map((g) => g.name)).toContain('Horror');
      expect(movie.releaseDate >= '2000-01-01' && movie.releaseDate <= '2015-12-31').toBe(true);
    }
  });

  it.each([
    ['first above 100', { first: 101 }],
    ['first below 1', { first: 0 }],
    ['a cursor it never gave out', { after: 'bm90LWEtY3Vyc29y' }],
    ['a malformed genre id', { filter: { genreIds: ['action'] } }],
    ['RELEVANCE without a search', { orderBy: 'RELEVANCE' }],
    ['a cursor holding a forged date', { after: forgedCursor(['2026-13-45', NIL]) }],
    ['a cursor holding a forged id', { after: forgedCursor(['2026-01-01', 'x']) }],
    [
      'a relevance cursor holding a forged rank',
      { filter: { search: 'storm' }, after: forgedCursor(['high', NIL]) },
    ],
  ])('answers %s with BAD_USER_INPUT', async (_, variables) => {
    const response = await stack.graphql(MOVIES, { variables });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('movie(id | slug)', () => {
  it('finds a movie by id and by slug', async () => {
    const list = await stack.graphql<{ movies: Page<{ id: string; slug: string }> }>(
      '{ movies(first: 1) { edges { node { id slug } } } }',
    );
    const { id, slug } = list.data!.movies.edges[0]!.node;
    const byId = await stack.graphql<{ movie: { slug: string } }>(
      'query($id: ID) { movie(id: $id) { slug } }',
      { variables: { id } },
    );
    const bySlug = await stack.graphql<{ movie: { id: string } }>(
      'query($slug: String) { movie(slug: $slug) { id } }',
      { variables: { slug } },
    );
    expect(byId.data!.movie.slug).toBe(slug);
    expect(bySlug.data!.movie.id).toBe(id);
  });

  it('gives null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await stack.graphql(
      '{ movie(id: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ movie: null });
    expect(errorCodes(await stack.graphql('{ movie(id: "42") { id } }'))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await stack.graphql('{ movie { id } }'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('showtimes(...)', () => {
  it("lists a city's showtimes on a local date, in start order, with movie and theater", async () => {
    const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const response = await stack.graphql<{
      showtimes: Page<{
        startsAt: string;
        movie: { title: string };
        theater: { city: string };
        price: { amountCents: number; currency: string };
      }>;
    }>(
      'query($date: Date) { showtimes(city: "Edinburgh", date: $date, first: 100) { totalCount edges { node { startsAt movie { title } theater { city } price { amountCents currency } } } pageInfo { hasNextPage } } }',
      { variables: { date } },
    );
    expect(response.errors).toBeUndefined();
    const nodes = response.data!.showtimes.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(10);
    expect(nodes.every((n) => n.theater.city === 'Edinburgh' && n.price.currency === 'GBP')).toBe(
      true,
    );
    expect(nodes.every((n) => n.startsAt.slice(0, 10) === date)).toBe(true);
    const starts = nodes.map((n) => n.startsAt);
    expect(starts).toEqual([...starts].sort());
  });

  it('answers a forged cursor with BAD_USER_INPUT', async () => {
    const response = await stack.graphql(
      'query($after: String) { showtimes(after: $after) { totalCount } }',
      {
        variables: { after: forgedCursor(['yesterday', NIL]) },
      },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('filters by movie and theater', async () => {
    const first = await stack.graphql<{
      showtimes: Page<{ movie: { id: string }; theater: { id: string } }>;
    }>('{ showtimes(first: 1) { edges { node { movie { id } theater { id } } } } }');
    const { movie, theater } = first.data!.showtimes.edges[0]!.node;
    const filtered = await stack.graphql<{
      showtimes: Page<{ movie: { id: string }; theater: { id: string } }>;
    }>(
      'query($m: ID, $t: ID) { showtimes(movieId: $m, theaterId: $t, first: 50) { totalCount edges { node { movie { id } theater { id } } } } }',
      { variables: { m: movie.id, t: theater.id } },
    );
    expect(filtered.data!.showtimes.totalCount).toBeGreaterThan(0);
    for (const { node } of filtered.data!.showtimes.edges) expect(node).toEqual({ movie, theater });
  });
});

describe('admin catalog mutations', () => {
  let admin: string;
  let customer: string;
  let genreIds: string[];
  beforeAll(async () => {
    admin = await adminToken();
    customer = await customerToken();
    const genres = await stack.graphql<{ genres: { id: string }[] }>('{ genres { id } }');
    genreIds = genres.data!.genres.slice(0, 2).map((g) => g.id);
  });

  const CREATE_MOVIE = /* GraphQL */ `
    mutation ($input: CreateMovieInput!) {
      createMovie(input: $input) {
        id
        slug
        title
        runtimeMinutes
        genres {
          id
        }
      }
    }
  `;
  const movieInput = () => ({
    title: 'The Quiet Meridian',
    synopsis: 'A cartographer maps a coastline that keeps moving.',
    releaseDate: '2026-06-01',
    runtimeMinutes: 110,
    certification: 'PG_13',
    genreIds,
  });

  it('are UNAUTHENTICATED for anonymous callers and FORBIDDEN for customers', async () => {
    expect(
      errorCodes(await stack.graphql(CREATE_MOVIE, { variables: { input: movieInput() } })),
    ).toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(
        await stack.graphql(CREATE_MOVIE, { token: customer, variables: { input: movieInput() } }),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('create and update a movie, with a unique slug', async () => {
    const first = await stack.graphql<{ createMovie: { id: string; slug: string } }>(CREATE_MOVIE, {
      token: admin,
      variables: { input: movieInput() },
    });
    const second = await stack.graphql<{ createMovie: { id: string; slug: string } }>(
      CREATE_MOVIE,
      { token: admin, variables: { input: movieInput() } },
    );
    expect(first.data!.createMovie.slug).toBe('the-quiet-meridian-2026');
    expect(second.data!.createMovie.slug).toBe('the-quiet-meridian-2026-2');

    const updated = await stack.graphql<{
      updateMovie: { title: string; slug: string; genres: { id: string }[] };
    }>(
      'mutation($id: ID!, $g: [ID!]) { updateMovie(id: $id, input: { title: "The Loud Meridian", genreIds: $g }) { title slug genres { id } } }',
      { token: admin, variables: { id: first.data!.createMovie.id, g: [genreIds[1]] } },
    );
    expect(updated.data!.updateMovie).toEqual({
      title: 'The Loud Meridian',
      slug: 'the-quiet-meridian-2026',
      genres: [{ id: genreIds[1] }],
    });
    const found = await stack.graphql<{ movies: Page<MovieNode> }>(MOVIES, {
      variables: { filter: { search: 'loud meridian' } },
    });
    expect(found.data!.movies.edges.map((e) => e.node.id)).toContain(first.data!.createMovie.id);
  });

  it('refuse bad input without writing anything', async () => {
    const before = await stack.graphql<{ movies: { totalCount: number } }>(
      '{ movies { totalCount } }',
    );
    for (const input of [
      { ...movieInput(), runtimeMinutes: 0 },
      { ...movieInput(), title: '' },
      { ...movieInput(), genreIds: ['00000000-0000-4000-8000-000000000000'] },
      { ...movieInput(), posterUrl: 'javascript:alert(1)' },
    ]) {
      expect(
        errorCodes(await stack.graphql(CREATE_MOVIE, { token: admin, variables: { input } })),
      ).toEqual(['BAD_USER_INPUT']);
    }
    const after = await stack.graphql<{ movies: { totalCount: number } }>(
      '{ movies { totalCount } }',
    );
    expect(after.data!.movies.totalCount).toBe(before.data!.movies.totalCount);
    const missing = await stack.graphql(
      'mutation { updateMovie(id: "00000000-0000-4000-8000-000000000000", input: { title: "X" }) { id } }',
      {
        token: admin,
      },
    );
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
  });

  it('schedule a showtime, and refuse one that overlaps on the same screen with CONFLICT', async () => {
    const theaters = await stack.graphql<{ theaters: { screens: { id: string }[] }[] }>(
      '{ theaters { screens { id } } }',
    );
    const screenId = theaters.data!.theaters[0]!.screens[0]!.id;
    const movies = await stack.graphql<{ movies: Page<{ id: string; runtimeMinutes: number }> }>(
      '{ movies(first: 1) { edges { node { id runtimeMinutes } } } }',
    );
    const movie = movies.data!.movies.edges[0]!.node;
    // Far beyond the seeded fortnight, so the screen is free.
    const startsAt = new Date(Date.UTC(2027, 5, 1, 18, 0));
    const CREATE_SHOWTIME =
      'mutation($input: CreateShowtimeInput!) { createShowtime(input: $input) { id startsAt endsAt price { amountCents currency } } }';
    const input = (start: Date) => ({
      movieId: movie.id,
      screenId,
      startsAt: start.toISOString(),
      priceCents: 1250,
      currency: 'GBP',
    });

    const created = await stack.graphql<{ createShowtime: { startsAt: string; endsAt: string } }>(
      CREATE_SHOWTIME,
      {
        token: admin,
        variables: { input: input(startsAt) },
      },
    );
    expect(created.errors).toBeUndefined();
    const endsAt = new Date(created.data!.createShowtime.endsAt);
    expect(endsAt.getTime() - startsAt.getTime()).toBe((movie.runtimeMinutes + 15) * 60_000);

    const overlapping = await stack.graphql(CREATE_SHOWTIME, {
      token: admin,
      variables: { input: input(new Date(endsAt.getTime() - 60_000)) },
    });
    expect(errorCodes(overlapping)).toEqual(['CONFLICT']);
    const afterwards = await stack.graphql(CREATE_SHOWTIME, {
      token: admin,
      variables: { input: input(endsAt) },
    });
    expect(afterwards.errors).toBeUndefined();

    const badCurrency = await stack.graphql(CREATE_SHOWTIME, {
      token: admin,
      variables: { input: { ...input(new Date(Date.UTC(2027, 6, 1))), currency: 'pounds' } },
    });
    expect(errorCodes(badCurrency)).toEqual(['BAD_USER_INPUT']);
    const unknownMovie = await stack.graphql(CREATE_SHOWTIME, {
      token: admin,
      variables: {
        input: {
          ...input(new Date(Date.UTC(2027, 6, 1))),
          movieId: '00000000-0000-4000-8000-000000000000',
        },
      },
    });
    expect(errorCodes(unknownMovie)).toEqual(['NOT_FOUND']);
  });
});
