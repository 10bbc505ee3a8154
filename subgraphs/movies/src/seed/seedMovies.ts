import type { PrismaClient } from '../generated/prisma/client.ts';
import { generateCatalog } from './catalog.ts';

const CHUNK = 1_000;

async function insert<Row>(
  rows: Row[],
  createMany: (args: { data: Row[]; skipDuplicates: true }) => Promise<unknown>,
) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await createMany({ data: rows.slice(i, i + CHUNK), skipDuplicates: true });
}

/**
 * Loads the demo catalog. Idempotent: ids are derived from names, so running it again
 * adds only what is missing (e.g. the showtimes of days that have come into range).
 */
export async function seedMovies(db: PrismaClient, today = new Date().toISOString().slice(0, 10)) {
  const catalog = generateCatalog(today);
  await insert(catalog.genres, (args) => db.genre.createMany(args));
  await insert(catalog.people, (args) => db.person.createMany(args));
  await insert(catalog.movies, (args) => db.movie.createMany(args));
  await insert(catalog.movieGenres, (args) => db.movieGenre.createMany(args));
  await insert(catalog.credits, (args) => db.credit.createMany(args));
  await insert(catalog.theaters, (args) => db.theater.createMany(args));
  await insert(catalog.screens, (args) => db.screen.createMany(args));
  await insert(catalog.seats, (args) => db.seat.createMany(args));
  await insert(catalog.showtimes, (args) => db.showtime.createMany(args));
  return {
    movies: catalog.movies.length,
    theaters: catalog.theaters.length,
    screens: catalog.screens.length,
    showtimes: catalog.showtimes.length,
  };
}
