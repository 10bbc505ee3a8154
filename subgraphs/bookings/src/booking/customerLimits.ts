import { createError } from '@cinegraph/service-kit';
import type { Prisma } from '../generated/prisma/client.ts';

/**
 * What one customer may keep without paying (config: MAX_SEATS_PER_BOOKING,
 * MAX_UNPAID_BOOKINGS_PER_SHOWTIME, MAX_UNPAID_BOOKINGS). A hold is one per customer and
 * showtime, but a booking made from it is not: without the caps on unpaid bookings, a
 * loop of holdSeats → createBooking, repeated as they expire, keeps a whole showtime
 * unpaid.
 */
export interface CustomerLimits {
  /** Seats in one hold, and so in the booking made from it. */
  maxSeatsPerBooking: number;
  /** PENDING_PAYMENT bookings of one customer on one showtime. */
  maxUnpaidBookingsPerShowtime: number;
  /** PENDING_PAYMENT bookings of one customer across all showtimes. */
  maxUnpaidBookings: number;
}

/** The name of the variable whose cap a refusal hit, as `extensions.limit` carries it. */
export type LimitName =
  'MAX_SEATS_PER_BOOKING' | 'MAX_UNPAID_BOOKINGS_PER_SHOWTIME' | 'MAX_UNPAID_BOOKINGS';

/** BAD_USER_INPUT on `seatIds` when a hold asks for more seats than a booking may have. */
export const tooManySeats = (limits: CustomerLimits) =>
  createError(
    'BAD_USER_INPUT',
    `A booking has at most ${limits.maxSeatsPerBooking} ${limits.maxSeatsPerBooking === 1 ? 'seat' : 'seats'}: hold fewer.`,
    { field: 'seatIds', limit: 'MAX_SEATS_PER_BOOKING' satisfies LimitName },
  );

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * CONFLICT when the customer's unpaid bookings already fill a cap: on this showtime, or
 * in all. Every PENDING_PAYMENT booking counts, even one just past its `expiresAt`: the
 * expiry worker turns those EXPIRED within seconds, and one rule is easier to trust than
 * a clock compared in two places.
 */
export async function refuseOverUnpaidLimits(
  db: Pick<Prisma.TransactionClient, 'booking'>,
  limits: CustomerLimits,
  userId: string,
  showtimeId: string,
): Promise<void> {
  // A customer's unpaid bookings are few (this very check keeps them so): one read.
  const unpaid = await db.booking.findMany({
    where: { userId, status: 'PENDING_PAYMENT' },
    select: { showtimeId: true },
  });
  const onShowtime = unpaid.filter((booking) => booking.showtimeId === showtimeId).length;
  if (onShowtime >= limits.maxUnpaidBookingsPerShowtime)
    throw createError(
      'CONFLICT',
      `Pay for or cancel your unpaid booking for this showtime first: a customer may have ${plural(limits.maxUnpaidBookingsPerShowtime, 'unpaid booking')} per showtime.`,
      { limit: 'MAX_UNPAID_BOOKINGS_PER_SHOWTIME' satisfies LimitName },
    );
  if (unpaid.length >= limits.maxUnpaidBookings)
    throw createError(
      'CONFLICT',
      `Pay for or cancel your unpaid booking first: a customer may have ${plural(limits.maxUnpaidBookings, 'unpaid booking')} at a time.`,
      { limit: 'MAX_UNPAID_BOOKINGS' satisfies LimitName },
    );
}

/**
 * Takes the customer's transaction-scoped advisory lock, so that their createBooking
 * transactions run one after another. Without it, two requests under READ COMMITTED
 * would each count the unpaid bookings, each find room for one more, and both insert.
 * Released at commit or rollback, so nothing outlives the transaction on a pooled
 * connection. Two customers whose ids hash alike merely wait for each other. PGlite has
 * the same functions (it is PostgreSQL; with one connection the lock is uncontended).
 */
export async function lockCustomer(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  // $executeRaw: the function returns void, a column type $queryRaw cannot read back.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${userId}::text, 0))`;
}
