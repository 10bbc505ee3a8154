import type { Logger } from 'pino';
import type { SqlExecutor } from '@cinegraph/events';
import { querySubgraph, startStartupTask } from '@cinegraph/service-kit';
import type { KnownMovie } from './saveKnownMovies.ts';
import { saveKnownMovies } from './saveKnownMovies.ts';

const CATALOG_PAGE = /* GraphQL */ `
  query KnownMoviesBackfill($after: String) {
    movies(first: 100, after: $after, orderBy: TITLE_ASC) {
      edges {
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
`;

interface CatalogPage {
  movies: {
    edges: { node: KnownMovie }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Pages through the movies subgraph's catalog, 100 movies per request. */
export async function* fetchCatalog(
  moviesUrl: string,
  signal?: AbortSignal,
): AsyncGenerator<KnownMovie[]> {
  let after: string | null = null;
  do {
    const page: CatalogPage = await querySubgraph<CatalogPage>(
      moviesUrl,
      CATALOG_PAGE,
      { after },
      { clientName: 'known-movies-backfill', ...(signal ? { signal } : {}) },
    );
    yield page.movies.edges.map((edge) => edge.node);
    after = page.movies.pageInfo.hasNextPage ? page.movies.pageInfo.endCursor : null;
  } while (after);
}

export interface KnownMoviesBackfill {
  /** Settles after the first attempt, whether it succeeded or will be retried. */
  readonly firstAttempt: Promise<void>;
  /** A `/ready` check: passes once a backfill has completed or the table has rows. */
  readiness(): Promise<void>;
  stop(): void;
}

/**
 * Copies the ids (and titles) of every movie in the catalog into `known_movies`, at
 * start-up, retrying with backoff until it succeeds. The catalog events keep the table
 * current afterwards; this covers movies created before the service's queue existed, and
 * heals anything lost. It is not on any request path.
 */
export function startKnownMoviesBackfill(options: {
  moviesUrl: string;
  db: SqlExecutor & { $queryRaw(query: TemplateStringsArray): PromiseLike<unknown> };
  logger: Logger;
  maxDelayMs?: number;
}): KnownMoviesBackfill {
  const { moviesUrl, db } = options;
  const task = startStartupTask({
    name: 'known movies backfill',
    logger: options.logger,
    ...(options.maxDelayMs ? { maxDelayMs: options.maxDelayMs } : {}),
    async run(signal) {
      let movies = 0;
      for await (const page of fetchCatalog(moviesUrl, signal)) {
        await saveKnownMovies(db, page);
        movies += page.length;
      }
      return { movies };
    },
  });
  return {
    firstAttempt: task.firstAttempt,
    async readiness() {
      if (task.isDone()) return;
      const [row] = (await db.$queryRaw`
        SELECT EXISTS (SELECT 1 FROM known_movies) AS "any"`) as { any: boolean }[];
      if (!row?.any) throw new Error('no movies known yet: the catalog backfill is pending');
    },
    stop: task.stop,
  };
}
