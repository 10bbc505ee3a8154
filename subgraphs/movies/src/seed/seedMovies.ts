import type { PrismaClient } from '../generated/prisma/client.ts';
import { generateCatalogue } from './catalogue.ts';

const CHUNK = 1_000;

async function insert<Row>(
  rows: Row[],
  createMany: (args: { data: Row[]; skipDuplicates: true }) => Promise<unknown>,
) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await createMany({ data: rows.slice(i, i + CHUNK), skipDuplicates: true });
}

/**
 * Loads the demo catalogue. Idempotent: ids are derived from names, so running it again
 * adds only what is missing (e.g. the showtimes of days that have come into range).
 */
export async function seedMovies(db: PrismaClient, today = new Date().toISOString().slice(0, 10)) {
  const catalogue = generateCatalogue(today);
  await insert(catalogue.genres, (args) => db.genre.createMany(args));
  await insert(catalogue.people, (args) => db.person.createMany(args));
  await insert(catalogue.movies, (args) => db.movie.createMany(args));
  await insert(catalogue.movieGenres, (args) => db.movieGenre.createMany(args));
  await insert(catalogue.credits, (args) => db.credit.createMany(args));
  await insert(catalogue.theaters, (args) => db.theater.createMany(args));
  await insert(catalogue.screens, (args) => db.screen.createMany(args));
  await insert(catalogue.seats, (args) => db.seat.createMany(args));
  await insert(catalogue.showtimes, (args) => db.showtime.createMany(args));
  return {
    movies: catalogue.movies.length,
    theaters: catalogue.theaters.length,
    screens: catalogue.screens.length,
    showtimes: catalogue.showtimes.length,
  };
}
