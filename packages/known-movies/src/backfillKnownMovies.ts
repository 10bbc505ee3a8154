import type { Logger } from 'pino';
import type { SqlExecutor } from '@cinegraph/events';
import type { KnownMovie } from './saveKnownMovies.ts';
import { saveKnownMovies } from './saveKnownMovies.ts';

const CATALOGUE_PAGE = /* GraphQL */ `
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

interface CataloguePage {
  data?: {
    movies: {
      edges: { node: KnownMovie }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
  errors?: { message: string }[];
}

/** Pages through the movies subgraph's catalogue, 100 movies per request. */
export async function* fetchCatalogue(
  moviesUrl: string,
  signal?: AbortSignal,
): AsyncGenerator<KnownMovie[]> {
  let after: string | null = null;
  do {
    const response = await fetch(moviesUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollographql-client-name': 'known-movies-backfill',
      },
      body: JSON.stringify({ query: CATALOGUE_PAGE, variables: { after } }),
      signal: AbortSignal.any([AbortSignal.timeout(10_000), ...(signal ? [signal] : [])]),
    });
    const page = (await response.json()) as CataloguePage;
    if (!response.ok || !page.data)
      throw new Error(
        `movies answered ${response.status}: ${page.errors?.[0]?.message ?? 'no data'}`,
      );
    yield page.data.movies.edges.map((edge) => edge.node);
    after = page.data.movies.pageInfo.hasNextPage ? page.data.movies.pageInfo.endCursor : null;
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
 * Copies the ids (and titles) of every movie in the catalogue into `known_movies`, at
 * start-up, retrying with backoff until it succeeds. The catalogue events keep the table
 * current afterwards; this covers movies created before the service's queue existed, and
 * heals anything lost. It is not on any request path.
 */
export function startKnownMoviesBackfill(options: {
  moviesUrl: string;
  db: SqlExecutor & { $queryRaw(query: TemplateStringsArray): PromiseLike<unknown> };
  logger: Logger;
  maxDelayMs?: number;
}): KnownMoviesBackfill {
  const { moviesUrl, db, logger } = options;
  const abort = new AbortController();
  let done = false;

  async function attempt(): Promise<number> {
    let count = 0;
    for await (const page of fetchCatalogue(moviesUrl, abort.signal)) {
      await saveKnownMovies(db, page);
      count += page.length;
    }
    return count;
  }

  async function run(settleFirstAttempt: () => void): Promise<void> {
    for (let failures = 0; !abort.signal.aborted; failures++) {
      try {
        const count = await attempt();
        done = true;
        logger.info({ movies: count }, 'known movies backfilled from the catalogue');
        return;
      } catch (error) {
        if (abort.signal.aborted) return;
        logger.warn(
          { err: (error as Error).message },
          'known movies backfill failed; retrying (the catalogue events still apply)',
        );
      } finally {
        settleFirstAttempt();
      }
      const delay = Math.min(1_000 * 2 ** failures, options.maxDelayMs ?? 30_000);
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
    }
  }

  let settleFirst!: () => void;
  const firstAttempt = new Promise<void>((resolve) => (settleFirst = resolve));
  void run(() => settleFirst());

  return {
    firstAttempt,
    async readiness() {
      if (done) return;
      const [row] = (await db.$queryRaw`
        SELECT EXISTS (SELECT 1 FROM known_movies) AS "any"`) as { any: boolean }[];
      if (!row?.any) throw new Error('no movies known yet: the catalogue backfill is pending');
    },
    stop: () => abort.abort(),
  };
}
