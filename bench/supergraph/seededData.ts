import pg from 'pg';
import { graphqlRequest } from '@cinegraph/testing';

/** What the load draws its variables from: the stack's seeded catalog, read at start. */
export interface SeededData {
  /** Newest release first: the head of the list is what is showing now, and most asked for. */
  movies: { id: string; slug: string }[];
  genreIds: string[];
  cities: string[];
  /** The next 14 days, today first. */
  dates: string[];
  /** Words from titles, for searches. */
  searchWords: string[];
  /** `after` cursors of the movie list's pages 2 to 5, by ordering (20 a page). */
  movieCursors: Record<string, string[]>;
  /** `after` cursors of showtime listings' page 2 (20 a page), by city and date. */
  showtimeCursors: { city: string; date: string; after: string }[];
  /** Showtimes at least 2 hours away (cancellable, holdable), soonest first, with their seats. */
  showtimes: { id: string; seatIds: string[] }[];
}

export const MOVIE_ORDERINGS = ['RELEASE_DATE_DESC', 'RELEASE_DATE_ASC', 'TITLE_ASC'] as const;

type Gql = <Data>(query: string, variables?: Record<string, unknown>) => Promise<Data>;

function queryThrough(gatewayUrl: string): Gql {
  return async <Data>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await graphqlRequest<Data>(gatewayUrl, query, { variables });
    if (response.errors || !response.data)
      throw new Error(`Reading the seeded data: ${JSON.stringify(response.errors)}`);
    return response.data;
  };
}

interface Page<Node> {
  edges: { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Reads the catalog through the gateway, and the showtimes' seats from bookings' database. */
export async function loadSeededData(
  gatewayUrl: string,
  bookingsDatabaseUrl: string,
  showtimeCount: number,
): Promise<SeededData> {
  const gql = queryThrough(gatewayUrl);
  const movies: { id: string; slug: string; title: string }[] = [];
  for (let after: string | null = null; ;) {
    const { movies: page }: { movies: Page<{ id: string; slug: string; title: string }> } =
      await gql(
        `query ($after: String) { movies(first: 100, after: $after, orderBy: RELEASE_DATE_DESC) {
          edges { node { id slug title } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
    movies.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const { genres } = await gql<{ genres: { id: string }[] }>('{ genres { id } }');
  const { theaters } = await gql<{ theaters: { city: string }[] }>('{ theaters { city } }');
  const cities = [...new Set(theaters.map((theater) => theater.city))].sort();
  const dates = Array.from({ length: 14 }, (_, day) =>
    new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10),
  );

  const movieCursors: Record<string, string[]> = {};
  for (const orderBy of MOVIE_ORDERINGS) {
    movieCursors[orderBy] = [];
    let after: string | null = null;
    for (let page = 1; page < 5; page++) {
      const { movies: result }: { movies: Page<never> } = await gql(
        `query ($orderBy: MovieOrderBy, $after: String) {
          movies(orderBy: $orderBy, first: 20, after: $after) { pageInfo { hasNextPage endCursor } } }`,
        { orderBy, after },
      );
      if (!result.pageInfo.hasNextPage || !result.pageInfo.endCursor) break;
      after = result.pageInfo.endCursor;
      movieCursors[orderBy].push(after);
    }
  }
  const showtimeCursors: SeededData['showtimeCursors'] = [];
  for (const city of cities)
    for (const date of dates.slice(0, 7)) {
      const { showtimes }: { showtimes: Page<never> } = await gql(
        `query ($city: String, $date: Date) {
          showtimes(city: $city, date: $date, first: 20) { pageInfo { hasNextPage endCursor } } }`,
        { city, date },
      );
      if (showtimes.pageInfo.hasNextPage && showtimes.pageInfo.endCursor)
        showtimeCursors.push({ city, date, after: showtimes.pageInfo.endCursor });
    }

  const bookingsDb = new pg.Client({ connectionString: bookingsDatabaseUrl });
  await bookingsDb.connect();
  try {
    const { rows } = await bookingsDb.query<{ id: string; seat_ids: string[] }>(
      `SELECT s.id, array_agg(k.id ORDER BY k.row, k.number) AS seat_ids
         FROM known_showtimes s JOIN known_seats k ON k.screen_id = s.screen_id
        WHERE s.starts_at > now() + interval '2 hours'
        GROUP BY s.id, s.starts_at ORDER BY s.starts_at LIMIT $1`,
      [showtimeCount],
    );
    const searchWords = [
      ...new Set(movies.flatMap((movie) => movie.title.split(/\W+/).filter((w) => w.length >= 5))),
    ].sort();
    return {
      movies: movies.map(({ id, slug }) => ({ id, slug })),
      genreIds: genres.map((genre) => genre.id),
      cities,
      dates,
      searchWords,
      movieCursors,
      showtimeCursors,
      showtimes: rows.map((row) => ({ id: row.id, seatIds: row.seat_ids })),
    };
  } finally {
    await bookingsDb.end();
  }
}
