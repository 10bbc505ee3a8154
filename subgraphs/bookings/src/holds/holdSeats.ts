import type { Viewer } from '@cinegraph/service-kit';
import { badInput, conflict, createError, notFound } from '@cinegraph/service-kit';
import type { CustomerLimits } from '../booking/customerLimits.ts';
import { refuseOverUnpaidLimits, tooManySeats } from '../booking/customerLimits.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { SeatAvailability } from '../seats/seatAvailability.ts';
import { seatPriceCents } from '../seats/seatPriceCents.ts';
import type { HoldRecord, SeatHolds } from './seatHolds.ts';

export interface HoldDeps {
  db: PrismaClient;
  holds: SeatHolds;
  availability: SeatAvailability;
  holdTtlMs: number;
  limits: CustomerLimits;
}

/**
 * Holds 1 to MAX_SEATS_PER_BOOKING seats of a showtime that has not started, all or none.
 * Checks, in order: the request's shape, the showtime, the customer's unpaid bookings
 * (a hold that could not be booked is refused now, not after the seats are taken), the
 * seats' screen, the bookings (seats already sold or awaiting payment), then the Redis
 * hold itself, which settles races between holds. Nothing is written unless every check
 * passes. Open seat maps hear of the held seats and of those a replaced hold gave back.
 */
export async function holdSeats(
  { db, holds, availability, holdTtlMs, limits }: HoldDeps,
  viewer: Viewer,
  showtimeId: string,
  seatIds: string[],
  now = new Date(),
): Promise<HoldRecord> {
  const unique = [...new Set(seatIds)];
  if (unique.length !== seatIds.length) throw badInput('"seatIds" names a seat twice.', 'seatIds');
  if (unique.length < 1) throw badInput('Hold at least one seat.', 'seatIds');
  if (unique.length > limits.maxSeatsPerBooking) throw tooManySeats(limits);

  const showtime = await db.knownShowtime.findUnique({ where: { id: showtimeId } });
  if (!showtime) throw notFound('No showtime has that id.');
  if (showtime.startsAt <= now) throw conflict('That showtime has started; its seats are closed.');
  // Advisory only (a booking may be made meanwhile): createBooking settles it under a lock.
  await refuseOverUnpaidLimits(db, limits, viewer.id, showtimeId);

  const seats = await db.knownSeat.findMany({
    where: { id: { in: unique }, screenId: showtime.screenId },
  });
  if (seats.length !== unique.length)
    throw badInput('"seatIds" names a seat that is not in this showtime’s screen.', 'seatIds');

  const booked = await db.seatReservation.findMany({
    where: { showtimeId, seatId: { in: unique } },
    select: { seatId: true },
  });
  if (booked.length) throw seatsTaken(booked.map((b) => b.seatId));

  const typeOf = new Map(seats.map((seat) => [seat.id, seat.type]));
  const result = await holds.hold(
    {
      userId: viewer.id,
      showtimeId,
      seatIds: unique,
      totalCents: unique.reduce(
        (sum, id) => sum + seatPriceCents(showtime.priceCents, typeOf.get(id)!),
        0,
      ),
      currency: showtime.currency,
    },
    holdTtlMs,
  );
  if ('taken' in result) throw seatsTaken(result.taken);
  await availability.announce({ showtimeId, seatIds: [...unique, ...result.released] });
  return result.held;
}

const seatsTaken = (seatIds: string[]) =>
  createError('CONFLICT', 'Some of those seats are no longer available.', { seatIds });

/** Gives a hold's seats back; only its user may. */
export async function releaseHold(
  { holds, availability }: Pick<HoldDeps, 'holds' | 'availability'>,
  viewer: Viewer,
  holdId: string,
) {
  const hold = await holds.read(holdId);
  if (!hold || hold.userId !== viewer.id) throw notFound('No live hold of yours has that id.');
  const released = await holds.release(hold);
  if (released) await availability.announce(hold);
  return released;
}
