import DataLoader from 'dataloader';
import type { Viewer } from '@cinegraph/service-kit';
import { createGroupLoader, createLoader, isUuid } from '@cinegraph/service-kit';
import type { MovieCache } from './catalog/movieCache.ts';
import type {
  Credit,
  Genre,
  Movie,
  Person,
  PrismaClient,
  Screen,
  Seat,
  Showtime,
  Theater,
} from './generated/prisma/client.ts';

export type CreditWithPerson = Credit & { person: Person };

export interface MoviesLoaders {
  movieById: DataLoader<string, Movie | null>;
  genreById: DataLoader<string, Genre | null>;
  genresByMovieId: DataLoader<string, Genre[]>;
  creditsByMovieId: DataLoader<string, CreditWithPerson[]>;
  theaterById: DataLoader<string, Theater | null>;
  screenById: DataLoader<string, Screen | null>;
  screensByTheaterId: DataLoader<string, Screen[]>;
  seatsByScreenId: DataLoader<string, Seat[]>;
  showtimeById: DataLoader<string, Showtime | null>;
}

export interface MoviesContext {
  viewer: Viewer | null;
  db: PrismaClient;
  movieCache: MovieCache;
  loaders: MoviesLoaders;
}

/** Ids that are not UUIDs cannot exist; asking PostgreSQL about them would be an error. */
const uuids = (ids: readonly string[]) => ids.filter(isUuid);

export function createLoaders(db: PrismaClient, movieCache: MovieCache): MoviesLoaders {
  return {
    // Every page that shows a movie (and every review or watchlist entry joined to one)
    // looks it up by id: through the Redis cache, one round trip plus one query for misses.
    movieById: new DataLoader(async (ids) => {
      const found = await movieCache.loadMany(uuids(ids), async (missing) => {
        const movies = await db.movie.findMany({ where: { id: { in: missing } } });
        return new Map(movies.map((movie) => [movie.id, movie]));
      });
      return ids.map((id) => found.get(id) ?? null);
    }),
    genreById: createLoader(
      (ids) => db.genre.findMany({ where: { id: { in: uuids(ids) } } }),
      (g) => g.id,
    ),
    genresByMovieId: createGroupLoader(
      async (ids) => {
        const links = await db.movieGenre.findMany({
          where: { movieId: { in: uuids(ids) } },
          include: { genre: true },
          orderBy: { genre: { name: 'asc' } },
        });
        return links.map((link) => ({ ...link.genre, movieId: link.movieId }));
      },
      (genre) => genre.movieId,
    ),
    creditsByMovieId: createGroupLoader(
      (ids) =>
        db.credit.findMany({
          where: { movieId: { in: uuids(ids) } },
          include: { person: true },
          orderBy: [{ billingOrder: 'asc' }, { id: 'asc' }],
        }),
      (credit) => credit.movieId,
    ),
    theaterById: createLoader(
      (ids) => db.theater.findMany({ where: { id: { in: uuids(ids) } } }),
      (t) => t.id,
    ),
    screenById: createLoader(
      (ids) => db.screen.findMany({ where: { id: { in: uuids(ids) } } }),
      (s) => s.id,
    ),
    screensByTheaterId: createGroupLoader(
      (ids) =>
        db.screen.findMany({ where: { theaterId: { in: uuids(ids) } }, orderBy: { name: 'asc' } }),
      (screen) => screen.theaterId,
    ),
    seatsByScreenId: createGroupLoader(
      (ids) =>
        db.seat.findMany({
          where: { screenId: { in: uuids(ids) } },
          orderBy: [{ row: 'asc' }, { number: 'asc' }],
        }),
      (seat) => seat.screenId,
    ),
    showtimeById: createLoader(
      (ids) => db.showtime.findMany({ where: { id: { in: uuids(ids) } } }),
      (s) => s.id,
    ),
  };
}
