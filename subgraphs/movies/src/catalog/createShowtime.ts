import { emit } from '@cinegraph/events';
import { assertUuid, badInput, conflict, notFound } from '@cinegraph/service-kit';
import type { PrismaClient, Showtime } from '../generated/prisma/client.ts';
import type { CreateShowtimeInput } from '../schema.types.generated.ts';

/** Trailers and adverts before the feature; part of the screen's booked time. */
export const TRAILER_MINUTES = 15;

/**
 * Schedules a showtime. Overlap with another showtime on the same screen is a CONFLICT;
 * a per-screen advisory lock inside the transaction makes check-then-insert race-free.
 */
export async function createShowtime(
  db: PrismaClient,
  input: CreateShowtimeInput,
): Promise<Showtime> {
  const movieId = assertUuid(input.movieId, 'movieId');
  const screenId = assertUuid(input.screenId, 'screenId');
  if (!Number.isInteger(input.priceCents) || input.priceCents < 0 || input.priceCents > 100_000) {
    throw badInput('"priceCents" must be a whole number from 0 to 100000.', 'priceCents');
  }
  if (!/^[A-Z]{3}$/.test(input.currency))
    throw badInput('"currency" must be an ISO 4217 code such as GBP.', 'currency');

  return db.$transaction(async (tx) => {
    const movie = await tx.movie.findUnique({
      where: { id: movieId },
      select: { runtimeMinutes: true, title: true },
    });
    if (!movie) throw notFound('No movie has that id.');
    const screen = await tx.screen.findUnique({
      where: { id: screenId },
      select: { theater: { select: { name: true, timeZone: true, city: true } } },
    });
    if (!screen) throw notFound('No screen has that id.');
    const startsAt = input.startsAt;
    const endsAt = new Date(startsAt.getTime() + (TRAILER_MINUTES + movie.runtimeMinutes) * 60_000);

    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`showtimes:${screenId}`}, 0))`;
    const clash = await tx.showtime.findFirst({
      where: { screenId, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
      select: { startsAt: true, endsAt: true },
    });
    if (clash) {
      throw conflict(
        `The screen is booked from ${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()}.`,
      );
    }
    const showtime = await tx.showtime.create({
      data: {
        movieId,
        screenId,
        startsAt,
        endsAt,
        priceCents: input.priceCents,
        currency: input.currency,
      },
    });
    await emit(tx, 'showtime.created', {
      showtimeId: showtime.id,
      movieId,
      screenId,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      priceCents: showtime.priceCents,
      currency: showtime.currency,
      movieTitle: movie.title,
      theaterName: screen.theater.name,
      timeZone: screen.theater.timeZone,
      city: screen.theater.city,
    });
    return showtime;
  });
}
