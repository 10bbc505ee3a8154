import type { Logger } from 'pino';
import type { StartupTask } from '@cinegraph/service-kit';
import { querySubgraph, startStartupTask } from '@cinegraph/service-kit';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { CatalogMovie } from './saveMovies.ts';
import { saveMovies } from './saveMovies.ts';

const CATALOG_PAGE = /* GraphQL */ `
  query RecommendationsCatalogBackfill($after: String) {
    movies(first: 100, after: $after, orderBy: TITLE_ASC) {
      edges {
        node {
          id
          title
          synopsis
          genres {
            id
          }
          cast {
            person {
              id
            }
          }
          crew {
            role
            person {
              id
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface CatalogNode {
  id: string;
  title: string;
  synopsis: string;
  genres: { id: string }[];
  cast: { person: { id: string } }[];
  crew: { role: string; person: { id: string } }[];
}

interface CatalogPage {
  movies: {
    edges: { node: CatalogNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const toCatalogMovie = (node: CatalogNode): CatalogMovie => ({
  movieId: node.id,
  title: node.title,
  content: {
    synopsis: node.synopsis,
    genreIds: node.genres.map((genre) => genre.id),
    credits: [
      ...node.cast.map((member) => ({ personId: member.person.id, role: 'CAST' })),
      ...node.crew.map((member) => ({ personId: member.person.id, role: member.role })),
    ],
  },
});

/**
 * Copies the catalog (titles, genres, cast, crew, synopses) from the movies subgraph at
 * start-up, retrying with backoff until it succeeds, as known-movies does for reviews and
 * watchlists: the movies seed writes no events, and a movie created before this service's
 * queue existed is learned here. The catalog events keep it current afterwards.
 */
export function startCatalogBackfill(options: {
  moviesUrl: string;
  db: PrismaClient;
  logger: Logger;
}): StartupTask & { readiness(): Promise<void> } {
  const { db } = options;
  const task = startStartupTask({
    name: 'catalog backfill',
    logger: options.logger,
    async run(signal) {
      let movies = 0;
      let after: string | null = null;
      do {
        const page: CatalogPage = await querySubgraph<CatalogPage>(
          options.moviesUrl,
          CATALOG_PAGE,
          { after },
          { clientName: 'recommendations-backfill', signal },
        );
        const batch = page.movies.edges.map((edge) => toCatalogMovie(edge.node));
        await db.$transaction((tx) => saveMovies(tx, batch));
        movies += batch.length;
        after = page.movies.pageInfo.hasNextPage ? page.movies.pageInfo.endCursor : null;
      } while (after);
      return { movies };
    },
  });
  return {
    ...task,
    // Ready once a backfill has completed, or when a previous run or the events filled it.
    async readiness() {
      if (task.isDone()) return;
      if ((await db.movie.count()) === 0) throw new Error('no movie known yet');
    },
  };
}
