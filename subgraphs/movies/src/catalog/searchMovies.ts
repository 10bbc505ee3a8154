import type { CountedConnection } from '@cinegraph/service-kit';
import {
  assertUuid,
  badInput,
  decodeCursor,
  invalidCursor,
  isUuid,
  pageSize,
  toConnection,
} from '@cinegraph/service-kit';
import type { Movie, PrismaClient } from '../generated/prisma/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { MovieOrderBy, QueryMoviesArgs } from '../schema.types.generated.ts';

/** A page of movies; the total is counted only when a client asks for it. */
export type MovieConnectionModel = CountedConnection<Movie>;

interface Ordering {
  /** The SQL expression sorted on (besides the id tie-breaker). */
  key: Prisma.Sql;
  descending: boolean;
  /** Turns the key as PostgreSQL returned it into its cursor form, and back into SQL. */
  toCursor: (value: unknown) => unknown;
  fromCursor: (value: unknown) => Prisma.Sql;
}

const MAX_SEARCH_LENGTH = 200;

function orderingFor(orderBy: MovieOrderBy, query: Prisma.Sql | null): Ordering {
  switch (orderBy) {
    case 'RELEVANCE':
      if (!query) throw badInput('RELEVANCE ordering needs a search.', 'orderBy');
      return {
        key: Prisma.sql`ts_rank(m.search, ${query})`,
        descending: true,
        toCursor: Number,
        fromCursor: (value) => {
          if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidCursor();
          return Prisma.sql`${value}::real`;
        },
      };
    case 'TITLE_ASC':
      return {
        key: Prisma.sql`m.title`,
        descending: false,
        toCursor: String,
        fromCursor: (value) => {
          if (typeof value !== 'string') throw invalidCursor();
          return Prisma.sql`${value}`;
        },
      };
    case 'RELEASE_DATE_ASC':
    case 'RELEASE_DATE_DESC':
      return {
        key: Prisma.sql`m.release_date`,
        descending: orderBy === 'RELEASE_DATE_DESC',
        toCursor: (value) => (value as Date).toISOString().slice(0, 10),
        fromCursor: (value) => {
          if (
            typeof value !== 'string' ||
            !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
            Number.isNaN(Date.parse(value))
          ) {
            throw invalidCursor();
          }
          return Prisma.sql`${value}::date`;
        },
      };
  }
}

/**
 * The catalog query: full-text search (the `search` tsvector column and its GIN index),
 * genre and release-date filters, keyset pagination on (sort key, id).
 */
export async function searchMovies(
  db: PrismaClient,
  args: QueryMoviesArgs,
): Promise<MovieConnectionModel> {
  const size = pageSize(args.first);
  const filter = args.filter ?? {};
  const search = filter.search?.trim() ?? '';
  if (search.length > MAX_SEARCH_LENGTH)
    throw badInput(`"search" must be at most ${MAX_SEARCH_LENGTH} characters.`, 'search');
  const query = search ? Prisma.sql`websearch_to_tsquery('english', ${search})` : null;

  const conditions: Prisma.Sql[] = [];
  if (query) conditions.push(Prisma.sql`m.search @@ ${query}`);
  if (filter.genreIds?.length) {
    const genreIds = filter.genreIds.map((id) => assertUuid(id, 'genreIds'));
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM movie_genres mg WHERE mg.movie_id = m.id AND mg.genre_id = ANY(${genreIds}::uuid[]))`,
    );
  }
  if (filter.releasedAfter)
    conditions.push(Prisma.sql`m.release_date >= ${filter.releasedAfter}::date`);
  if (filter.releasedBefore)
    conditions.push(Prisma.sql`m.release_date <= ${filter.releasedBefore}::date`);
  const filtered = [...conditions];

  const ordering = orderingFor(args.orderBy ?? (query ? 'RELEVANCE' : 'RELEASE_DATE_DESC'), query);
  const position = decodeCursor(args.after, 2);
  if (position) {
    const [key, id] = position;
    if (typeof id !== 'string' || !isUuid(id)) throw invalidCursor();
    const cursorId = id;
    const keyValue = ordering.fromCursor(key);
    // The id tie-breaker always ascends, so one comparison form serves both directions.
    conditions.push(
      ordering.descending
        ? Prisma.sql`(${ordering.key} < ${keyValue} OR (${ordering.key} = ${keyValue} AND m.id > ${cursorId}::uuid))`
        : Prisma.sql`(${ordering.key} > ${keyValue} OR (${ordering.key} = ${keyValue} AND m.id > ${cursorId}::uuid))`,
    );
  }

  const where = (parts: Prisma.Sql[]) =>
    parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
  const direction = ordering.descending ? Prisma.raw('DESC') : Prisma.raw('ASC');
  const page = await db.$queryRaw<{ id: string; sort_key: unknown }[]>`
    SELECT m.id, ${ordering.key} AS sort_key
      FROM movies m
      ${where(conditions)}
     ORDER BY sort_key ${direction}, m.id ASC
     LIMIT ${size + 1}`;

  const movies = await db.movie.findMany({ where: { id: { in: page.map((row) => row.id) } } });
  const byId = new Map(movies.map((movie) => [movie.id, movie]));
  const rows = page.flatMap((row) => {
    const movie = byId.get(row.id);
    return movie ? [{ movie, key: ordering.toCursor(row.sort_key) }] : [];
  });
  return {
    ...toConnection(
      rows,
      size,
      (row) => [row.key, row.movie.id],
      position !== null,
      (row) => row.movie,
    ),
    countTotal: async () => {
      const [result] = await db.$queryRaw<
        { count: bigint }[]
      >`SELECT count(*) AS count FROM movies m ${where(filtered)}`;
      return Number(result?.count ?? 0);
    },
  };
}
